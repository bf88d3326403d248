#include "mctpkit/analysis/command_label.hpp"

#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "analysis/header_places.hpp"

namespace mctpkit::analysis {

namespace {

// Always the transport layer's: a handle finds it without a search. The header's command set
// and command belong to whichever header the message has (detail::header_places).
const FieldHandle kMessageType{"msg_type"};

NamedNumber named_number(const Fields& fields, std::size_t index) {
  const FieldValue& v = fields.value(index);
  return NamedNumber{&fields.defs()[index], v.number, v.state, v.numeric};
}

std::string text_of(const NamedNumber& n) {
  FieldValue v;
  v.state = n.state;
  v.number = n.number;
  v.numeric = n.numeric;
  return format_value(*n.field, v);
}

}  // namespace

CommandParts command_parts(const Frame& frame, const Registry& registry) {
  CommandParts parts;
  const std::size_t t = mctp::transport_index(frame);
  if (t == frame.layers.size()) return parts;
  const Layer& transport = frame.layers[t];
  const std::size_t type_index = transport.index_of(kMessageType);
  if (type_index == Fields::npos || !transport.value(type_index).is_set()) {
    parts.kind = CommandParts::Kind::Continuation;
    return parts;
  }
  parts.kind = CommandParts::Kind::Message;
  parts.message_type = named_number(transport, type_index);
  if (t + 1 >= frame.layers.size() || frame.layers[t + 1].is(kRawLayer)) return parts;
  // The message header: a named "type" field (the PLDM type) says which command set.
  const Layer& header = frame.layers[t + 1];
  const detail::HeaderPlaces places = detail::header_places(header);
  if (places.command_set != Fields::npos) parts.command_set = named_number(header, places.command_set);
  // The command: the layer the header leads to, named as crafting names it, so that a request
  // and its response (and an error response, which carries no body) count under one name; the
  // layers inside it (records, version data) are not commands of their own.
  if (t + 2 < frame.layers.size() && !frame.layers[t + 2].is(kRawLayer)) {
    parts.command = &frame.layers[t + 2].def();
  } else if (!header.def().next.table.empty()) {
    Key key;
    bool local = true;
    for (std::string_view name : header.def().next.key) {
      if (name.empty()) break;
      local = local && name.find('.') == std::string_view::npos;
      key.parts[key.count++] = header.num(name);
    }
    if (local) parts.command = registry.lookup(header.def().next.table, key);
  }
  if (parts.command == nullptr) {
    if (places.command != Fields::npos && header.value(places.command).is_set()) {
      parts.command_code = named_number(header, places.command);
    }
  }
  return parts;
}

std::string command_label(const CommandParts& parts) {
  switch (parts.kind) {
    case CommandParts::Kind::NotMctp: return "not mctp";
    case CommandParts::Kind::Continuation: return "continuation";
    case CommandParts::Kind::Message: break;
  }
  std::string label = text_of(parts.message_type);
  if (parts.command_set.field != nullptr) {
    label += ' ';
    label += text_of(parts.command_set);
  }
  if (parts.command != nullptr) {
    const std::string_view name = parts.command->name_for_craft();
    // A command named like its command set ("pldm base" + "base") is not named twice.
    const bool repeated = label.size() > name.size() && label.ends_with(name) && label[label.size() - name.size() - 1] == ' ';
    if (!repeated) {
      label += ' ';
      label += name;
    }
  } else if (parts.command_code.field != nullptr) {
    label += " command ";
    label += text_of(parts.command_code);
  }
  return label;
}

std::string command_label(const Frame& frame, const Registry& registry) {
  return command_label(command_parts(frame, registry));
}

std::size_t CommandPartsHash::operator()(const CommandParts& p) const {
  std::size_t h = static_cast<std::size_t>(p.kind);
  // A multiply per value mixes well enough for a table of a few hundred commands.
  auto mix = [&h](std::size_t v) { h = (h ^ v) * 0x9E3779B97F4A7C15ull; };
  for (const NamedNumber* n : {&p.message_type, &p.command_set, &p.command_code}) {
    mix(reinterpret_cast<std::uintptr_t>(n->field));
    mix(static_cast<std::size_t>(n->number));
  }
  mix(reinterpret_cast<std::uintptr_t>(p.command));
  return h;
}

CommandNames::Id CommandNames::id_of(const CommandParts& parts) {
  if (auto it = by_parts_.find(parts); it != by_parts_.end()) return it->second;
  const Id id = number(command_label(parts));
  if (by_parts_.size() < capacity_) by_parts_.emplace(parts, id);
  return id;
}

CommandNames::Id CommandNames::number(std::string name) {
  if (auto it = by_name_.find(name); it != by_name_.end()) return it->second;
  if (names_.size() - (other_ ? 1 : 0) >= capacity_) {
    if (!other_) {
      other_ = static_cast<Id>(names_.size());
      names_.push_back("other commands");
    }
    return *other_;
  }
  const Id id = static_cast<Id>(names_.size());
  names_.push_back(name);
  by_name_.emplace(std::move(name), id);
  return id;
}

const std::string& CommandLabels::of(const CommandParts& parts) {
  if (auto it = labels_.find(parts); it != labels_.end()) return it->second;
  if (labels_.size() >= capacity_) {
    uncached_ = command_label(parts);
    return uncached_;
  }
  return labels_.emplace(parts, command_label(parts)).first->second;
}

}  // namespace mctpkit::analysis
