#include "exerciser/detail/request_match.hpp"

#include <fmt/format.h>

#include "mctpkit/mctp/fragment.hpp"

namespace mctpkit::exerciser::detail {

namespace {

constexpr std::uint8_t kNullEid = 0x00;
constexpr std::uint8_t kBroadcastEid = 0xFF;

bool present(const Layer& layer, std::string_view field) {
  const std::size_t i = layer.index_of(field);
  return i != Fields::npos && layer.value(i).state != FieldValue::State::Absent;
}

const Layer* find_by_id(const Frame& frame, std::string_view id, std::size_t from) {
  for (std::size_t i = from; i < frame.layers.size(); ++i) {
    if (frame.layers[i].def().id == id) return &frame.layers[i];
  }
  return nullptr;
}

}  // namespace

std::optional<std::uint8_t> address_field(const Layer* binding, std::string_view name) {
  if (binding == nullptr || !present(*binding, name)) return std::nullopt;
  return static_cast<std::uint8_t>(binding->num(name));
}

MatchKeys request_keys(const Frame& message, const Layer* binding) {
  MatchKeys keys;
  const std::size_t m = mctp::transport_index(message);
  if (m == message.layers.size()) return keys;
  const Layer& t = message.layers[m];
  keys.src = static_cast<std::uint8_t>(t.num("src"));
  keys.dst = static_cast<std::uint8_t>(t.num("dst"));
  keys.tag = static_cast<std::uint8_t>(t.num("tag"));
  keys.to = t.num("to") != 0;
  keys.msg_type = static_cast<std::uint8_t>(t.num("msg_type"));
  keys.phys_src = address_field(binding, "src");
  keys.phys_dst = address_field(binding, "dst");
  for (std::size_t i = m + 1; i < message.layers.size(); ++i) {
    const Layer& l = message.layers[i];
    if (!present(l, "rq")) continue;
    keys.layers_with_rq.emplace_back(l.def().id);
    std::vector<std::string_view> names = {"iid"};
    for (std::string_view k : l.def().next.key) {
      if (!k.empty() && k != "rq" && k.find('.') == std::string_view::npos) names.push_back(k);
    }
    for (std::string_view n : names) {
      if (present(l, n)) keys.message.push_back({std::string(l.def().id), std::string(n), l.num(n)});
    }
  }
  return keys;
}

MatchResult match_response(const MatchKeys& keys, const Frame& message, const Layer* binding) {
  const std::size_t m = mctp::transport_index(message);
  if (m == message.layers.size()) return {Verdict::Unrelated, "not an MCTP packet"};
  const Layer& t = message.layers[m];
  const auto src = t.num("src"), dst = t.num("dst"), tag = t.num("tag"), to = t.num("to");
  if (keys.dst != kNullEid && keys.dst != kBroadcastEid && src != keys.dst) {
    return {Verdict::Unrelated, fmt::format("from EID 0x{:02X}, not 0x{:02X}", src, keys.dst)};
  }
  if (dst != keys.src) return {Verdict::Unrelated, fmt::format("to EID 0x{:02X}, not 0x{:02X}", dst, keys.src)};
  if (to != 0) return {Verdict::Unrelated, "TO set: a request, not a response"};
  if (tag != keys.tag) return {Verdict::Unrelated, fmt::format("tag {}, not {}", tag, keys.tag)};
  if (keys.phys_dst && keys.phys_src) {
    auto rsrc = address_field(binding, "src"), rdst = address_field(binding, "dst");
    if (rsrc && *rsrc != *keys.phys_dst) {
      return {Verdict::Unrelated, fmt::format("from address 0x{:02X}, not 0x{:02X}", *rsrc, *keys.phys_dst)};
    }
    if (rdst && *rdst != *keys.phys_src) {
      return {Verdict::Unrelated, fmt::format("to address 0x{:02X}, not 0x{:02X}", *rdst, *keys.phys_src)};
    }
  }
  if (t.num("msg_type") != keys.msg_type) {
    return {Verdict::Unexpected,
            fmt::format("unexpected response: message type 0x{:02X}, the request's is 0x{:02X}", t.num("msg_type"), keys.msg_type)};
  }
  for (const std::string& id : keys.layers_with_rq) {
    const Layer* l = find_by_id(message, id, m + 1);
    if (l == nullptr) return {Verdict::Unexpected, fmt::format("unexpected response: no {} header", id)};
    if (l->num("rq") != 0) return {Verdict::Unrelated, fmt::format("{} request, not a response", id)};
  }
  for (const MatchKeys::Key& k : keys.message) {
    const Layer* l = find_by_id(message, k.layer, m + 1);
    const std::uint64_t got = l->num(k.field);
    if (got != k.value) {
      const std::string_view prefix = l->def().abbrev.empty() ? l->def().id : l->def().abbrev;
      return {Verdict::Unexpected, fmt::format("unexpected response: {}.{} is 0x{:02X}, the request's is 0x{:02X}", prefix,
                                               k.field, got, k.value)};
    }
  }
  return {Verdict::Answers, {}};
}

std::optional<std::uint64_t> completion_code(const Frame& message) {
  const std::size_t m = mctp::transport_index(message);
  for (std::size_t i = m + 1; i < message.layers.size(); ++i) {
    if (present(message.layers[i], "cc")) return message.layers[i].num("cc");
  }
  return std::nullopt;
}

}  // namespace mctpkit::exerciser::detail
