// The JSON configuration of emulated endpoints (docs/endpoint.md). Each value is read through
// a Cursor that knows its key path, so every error names the key and says what was wrong.

#include <fmt/format.h>

#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "detail/values.hpp"
#include "mctpkit/endpoint/config.hpp"

namespace mctpkit::endpoint {

namespace {

using Json = nlohmann::json;

struct Named {
  std::string_view name;
  std::uint64_t value;
};

constexpr Named kMessageTypes[] = {
    {"control", 0x00}, {"pldm", 0x01},     {"ncsi", 0x02},     {"ethernet", 0x03},    {"nvme_mi", 0x04},
    {"spdm", 0x05},    {"secured", 0x06},  {"cxl_fm_api", 0x07}, {"cxl_cci", 0x08},  {"pcie_mi", 0x09},
    {"vendor_pci", 0x7E}, {"vendor_iana", 0x7F},
};
constexpr Named kDataSizes[] = {{"uint8", 0}, {"sint8", 1}, {"uint16", 2}, {"sint16", 3}, {"uint32", 4}, {"sint32", 5}};
constexpr Named kRoles[] = {{"endpoint", 0}, {"bus_owner", 1}, {"bridge", 2}};
constexpr Named kVendorFormats[] = {{"pci", 0}, {"iana", 1}};
constexpr Named kEntryTypes[] = {{"endpoint", 0}, {"bridge_and_range", 1}, {"bridge", 2}, {"range_behind_bridge", 3}};
constexpr Named kBindings[] = {{"smbus", 1}, {"pcie_vdm", 2}, {"usb", 3}, {"kcs", 4}, {"serial", 5}, {"i3c", 6}};
constexpr Named kAssociationTypes[] = {{"physical", 0}, {"logical", 1}};
constexpr Named kRecordTypes[] = {{"general", 1}, {"oem", 0xFE}};
constexpr Named kFruFieldTypes[] = {
    {"chassis_type", 1}, {"model", 2}, {"part_number", 3}, {"serial_number", 4}, {"manufacturer", 5},
    {"manufacture_date", 6}, {"vendor", 7}, {"name", 8}, {"sku", 9}, {"version", 10}, {"asset_tag", 11},
    {"description", 12}, {"engineering_change_level", 13}, {"other_information", 14}, {"vendor_iana", 15}};

template <std::size_t N>
std::string choices(const Named (&table)[N]) {
  std::string out;
  for (const Named& n : table) {
    if (!out.empty()) out += ", ";
    out += n.name;
  }
  return out;
}

// A position in the document: the value and the key path that leads to it.
class Cursor {
 public:
  Cursor(const Json& value, std::string path) : value_(value), path_(std::move(path)) {}

  const Json& json() const { return value_; }
  const std::string& path() const { return path_; }

  [[noreturn]] void fail(std::string_view reason) const {
    throw ConfigError(fmt::format("{}: {}", path_.empty() ? "configuration" : path_, reason));
  }

  Cursor at(std::string_view key) const {
    if (!has(key)) fail(fmt::format("missing key '{}'", key));
    return Cursor(value_.at(std::string(key)), path_.empty() ? std::string(key) : path_ + "." + std::string(key));
  }
  Cursor at(std::size_t index) const { return Cursor(value_.at(index), fmt::format("{}[{}]", path_, index)); }
  bool has(std::string_view key) const { return value_.contains(std::string(key)); }

  void require_object(std::initializer_list<std::string_view> keys) const {
    if (!value_.is_object()) fail("must be an object");
    for (const auto& [key, _] : value_.items()) {
      bool known = false;
      for (std::string_view k : keys) known = known || k == key;
      if (!known) {
        std::string list;
        for (std::string_view k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
        at(key).fail(fmt::format("unknown key (known: {})", list));
      }
    }
  }
  std::size_t array_size() const {
    if (!value_.is_array()) fail("must be an array");
    return value_.size();
  }

  // A number as a JSON number or a "0x.." / decimal string, within [min, max].
  std::uint64_t number(std::uint64_t max, std::uint64_t min = 0) const {
    std::uint64_t v = 0;
    if (value_.is_number_unsigned()) {
      v = value_.get<std::uint64_t>();
    } else if (value_.is_number_integer()) {
      fail(fmt::format("must be between {} and {}", min, max));
    } else if (value_.is_string()) {
      const std::string& s = value_.get_ref<const std::string&>();
      bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
      std::string_view digits = hex ? std::string_view(s).substr(2) : std::string_view(s);
      if (digits.empty()) fail(fmt::format("'{}' is not a number", s));
      for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) fail(fmt::format("'{}' is not a number", s));
        if (v > (std::numeric_limits<std::uint64_t>::max() - d) / (hex ? 16 : 10)) fail("number too large");
        v = v * (hex ? 16 : 10) + d;
      }
    } else {
      fail("must be a number or a \"0x..\" string");
    }
    if (v < min || v > max) fail(fmt::format("must be between {} and {}", min, max));
    return v;
  }
  // A signed number (sensor readings): a JSON integer or a number string, within [min, max].
  std::int64_t signed_number(std::int64_t min, std::int64_t max) const {
    std::int64_t v = 0;
    if (value_.is_number_unsigned()) {
      std::uint64_t u = value_.get<std::uint64_t>();
      v = u > static_cast<std::uint64_t>(max) ? max + 1 : static_cast<std::int64_t>(u);
    } else if (value_.is_number_integer()) {
      v = value_.get<std::int64_t>();
    } else {
      std::uint64_t u = number(std::numeric_limits<std::uint64_t>::max());
      v = u > static_cast<std::uint64_t>(max) ? max + 1 : static_cast<std::int64_t>(u);
    }
    if (v < min || v > max) fail(fmt::format("must be between {} and {}", min, max));
    return v;
  }
  bool boolean() const {
    if (!value_.is_boolean()) fail("must be true or false");
    return value_.get<bool>();
  }
  const std::string& string() const {
    if (!value_.is_string()) fail("must be a string");
    return value_.get_ref<const std::string&>();
  }
  template <std::size_t N>
  std::uint64_t name_or_number(const Named (&table)[N], std::uint64_t max) const {
    if (value_.is_string()) {
      for (const Named& n : table) {
        if (n.name == value_.get_ref<const std::string&>()) return n.value;
      }
      const std::string& s = value_.get_ref<const std::string&>();
      if (s.empty() || !(std::isdigit(static_cast<unsigned char>(s[0])))) {
        fail(fmt::format("'{}' is not one of {} (or a number)", s, choices(table)));
      }
    }
    return number(max);
  }
  template <std::size_t N>
  std::uint64_t name(const Named (&table)[N]) const {
    const std::string& s = string();
    for (const Named& n : table) {
      if (n.name == s) return n.value;
    }
    fail(fmt::format("'{}' is not one of {}", s, choices(table)));
  }
  Bytes hex_bytes() const {
    auto bytes = parse_hex(string());
    if (!bytes) fail("is not hex bytes (\"01 80 02\" or \"018002\")");
    return *bytes;
  }
  Bytes uuid() const {
    const std::string& s = string();
    std::string hex;
    for (char c : s) {
      if (c != '-') hex += c;
    }
    auto bytes = parse_hex(hex);
    if (s.size() != 36 || !bytes || bytes->size() != 16 || s[8] != '-' || s[13] != '-' || s[18] != '-' ||
        s[23] != '-') {
      fail(fmt::format("'{}' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)", s));
    }
    return *bytes;
  }

 private:
  const Json& value_;
  std::string path_;
};

// The optional key `key` read with `read`, or `fallback`.
template <typename T, typename F>
T optional_key(const Cursor& c, std::string_view key, T fallback, F read) {
  return c.has(key) ? static_cast<T>(read(c.at(key))) : fallback;
}

Entity read_entity(const Cursor& c) {
  c.require_object({"entity_type", "entity_instance", "container_id"});
  Entity e;
  e.type = static_cast<std::uint16_t>(c.at("entity_type").number(0xFFFF));
  e.instance = optional_key<std::uint16_t>(c, "entity_instance", 1, [](const Cursor& v) { return v.number(0xFFFF); });
  e.container = optional_key<std::uint16_t>(c, "container_id", 0, [](const Cursor& v) { return v.number(0xFFFF); });
  return e;
}

// Entity fields written inline in a sensor, effecter or record set.
Entity inline_entity(const Cursor& c) {
  Entity e;
  e.type = optional_key<std::uint16_t>(c, "entity_type", 0, [](const Cursor& v) { return v.number(0xFFFF); });
  e.instance = optional_key<std::uint16_t>(c, "entity_instance", 1, [](const Cursor& v) { return v.number(0xFFFF); });
  e.container = optional_key<std::uint16_t>(c, "container_id", 0, [](const Cursor& v) { return v.number(0xFFFF); });
  return e;
}

Bytes possible_states(const Cursor& c, std::uint8_t& first) {
  Bytes bits;
  std::size_t n = c.array_size();
  if (n == 0) c.fail("must list at least one state");
  for (std::size_t i = 0; i < n; ++i) {
    auto s = static_cast<std::uint8_t>(c.at(i).number(255));
    if (bits.size() <= s / 8u) bits.resize(s / 8u + 1);
    bits[s / 8] |= static_cast<std::uint8_t>(1u << (s % 8));
    if (i == 0) first = s;
  }
  return bits;
}

bool state_possible(const Bytes& bits, std::uint8_t state) {
  return state / 8u < bits.size() && (bits[state / 8] >> (state % 8) & 1) != 0;
}

#define MCTPKIT_ENTITY_KEYS "entity_type", "entity_instance", "container_id"

// A reading that changes over time: `list_key` (values or states, each read with `point`) or,
// when `ramp` is allowed, a ramp {"from", "to", "step"}, stepped every `period_ms`. `fixed_key`
// is the key of a reading that does not change; nullopt when the reading does not change.
template <typename ReadPoint>
std::optional<ChangingReading> read_change(const Cursor& c, std::string_view fixed_key, std::string_view list_key,
                                           bool ramp_allowed, std::int64_t lo, std::int64_t hi, ReadPoint point) {
  bool has_list = c.has(list_key), has_ramp = ramp_allowed && c.has("ramp");
  if (!has_list && !has_ramp) {
    if (c.has("period_ms")) {
      c.at("period_ms").fail(ramp_allowed ? fmt::format("needs '{}' or 'ramp'", list_key)
                                          : fmt::format("needs '{}'", list_key));
    }
    return std::nullopt;
  }
  std::string_view changing_key = has_list ? list_key : "ramp";
  if (has_list && has_ramp) c.at("ramp").fail(fmt::format("cannot be combined with '{}'", list_key));
  if (c.has(fixed_key)) c.at(fixed_key).fail(fmt::format("cannot be combined with '{}'", changing_key));
  if (!c.has("period_ms")) c.fail(fmt::format("missing key 'period_ms' (needed by '{}')", changing_key));
  ChangingReading change;
  change.period = std::chrono::milliseconds(c.at("period_ms").number(86400000, 1));
  if (has_list) {
    Cursor list = c.at(list_key);
    std::size_t n = list.array_size();
    if (n == 0) list.fail("must not be empty");
    for (std::size_t i = 0; i < n; ++i) change.points.push_back(point(list.at(i)));
    return change;
  }
  Cursor ramp = c.at("ramp");
  ramp.require_object({"from", "to", "step"});
  change.ramp_from = ramp.at("from").signed_number(lo, hi);
  change.ramp_to = ramp.at("to").signed_number(lo, hi);
  change.ramp_step = optional_key<std::int64_t>(ramp, "step", 1, [&](const Cursor& v) {
    return static_cast<std::int64_t>(v.number(static_cast<std::uint64_t>(hi - lo), 1));
  });
  return change;
}

PldmModel read_pldm(const Cursor& c) {
  c.require_object({"tid", "terminus_handle", "terminus_locator", "numeric_sensors", "state_sensors",
                    "numeric_effecters", "state_effecters", "entity_associations", "fru_record_sets", "fru_records"});
  PldmModel m;
  m.tid = optional_key<std::uint8_t>(c, "tid", 1, [](const Cursor& v) { return v.number(0xFE); });
  m.terminus_handle = optional_key<std::uint16_t>(c, "terminus_handle", 1, [](const Cursor& v) { return v.number(0xFFFF); });
  m.terminus_locator = optional_key<bool>(c, "terminus_locator", true, [](const Cursor& v) { return v.boolean(); });
  std::set<std::uint16_t> sensor_ids, effecter_ids;
  auto unique = [](std::set<std::uint16_t>& ids, const Cursor& id_cursor, std::uint16_t id) {
    if (!ids.insert(id).second) id_cursor.fail(fmt::format("ID {} is used twice", id));
  };
  if (c.has("numeric_sensors")) {
    Cursor list = c.at("numeric_sensors");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"id", MCTPKIT_ENTITY_KEYS, "data_size", "base_unit", "value", "values", "ramp", "period_ms",
                        "op_state", "present_state"});
      NumericSensor ns;
      ns.id = static_cast<std::uint16_t>(s.at("id").number(0xFFFF));
      unique(sensor_ids, s.at("id"), ns.id);
      ns.entity = inline_entity(s);
      ns.data_size = optional_key<std::uint8_t>(s, "data_size", 0, [](const Cursor& v) { return v.name(kDataSizes); });
      ns.base_unit = optional_key<std::uint8_t>(s, "base_unit", 0, [](const Cursor& v) { return v.number(255); });
      // Named copies, not a structured binding: clang before 16 does not let lambdas capture those.
      const auto range = detail::value_range(ns.data_size);
      const auto lo = range.first, hi = range.second;
      ns.value = optional_key<std::int64_t>(s, "value", 0, [&](const Cursor& v) { return v.signed_number(lo, hi); });
      ns.change = read_change(s, "value", "values", true, lo, hi, [&](const Cursor& v) { return v.signed_number(lo, hi); });
      ns.op_state = optional_key<std::uint8_t>(s, "op_state", 0, [](const Cursor& v) { return v.number(7); });
      ns.present_state = optional_key<std::uint8_t>(s, "present_state", 1, [](const Cursor& v) { return v.number(10); });
      m.numeric_sensors.push_back(ns);
    }
  }
  if (c.has("state_sensors")) {
    Cursor list = c.at("state_sensors");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"id", MCTPKIT_ENTITY_KEYS, "state_set", "possible_states", "state", "states", "period_ms",
                        "op_state"});
      StateSensor ss;
      ss.id = static_cast<std::uint16_t>(s.at("id").number(0xFFFF));
      unique(sensor_ids, s.at("id"), ss.id);
      ss.entity = inline_entity(s);
      ss.state_set = static_cast<std::uint16_t>(s.at("state_set").number(0xFFFF));
      ss.possible_states = possible_states(s.at("possible_states"), ss.state);
      if (s.has("state")) {
        ss.state = static_cast<std::uint8_t>(s.at("state").number(255));
        if (!state_possible(ss.possible_states, ss.state)) s.at("state").fail("is not one of the possible_states");
      }
      ss.change = read_change(s, "state", "states", false, 0, 255, [&](const Cursor& v) {
        auto state = static_cast<std::uint8_t>(v.number(255));
        if (!state_possible(ss.possible_states, state)) v.fail("is not one of the possible_states");
        return std::int64_t{state};
      });
      ss.op_state = optional_key<std::uint8_t>(s, "op_state", 0, [](const Cursor& v) { return v.number(7); });
      m.state_sensors.push_back(ss);
    }
  }
  if (c.has("numeric_effecters")) {
    Cursor list = c.at("numeric_effecters");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"id", MCTPKIT_ENTITY_KEYS, "data_size", "base_unit", "value", "min", "max"});
      NumericEffecter ne;
      ne.id = static_cast<std::uint16_t>(s.at("id").number(0xFFFF));
      unique(effecter_ids, s.at("id"), ne.id);
      ne.entity = inline_entity(s);
      ne.data_size = optional_key<std::uint8_t>(s, "data_size", 0, [](const Cursor& v) { return v.name(kDataSizes); });
      ne.base_unit = optional_key<std::uint8_t>(s, "base_unit", 0, [](const Cursor& v) { return v.number(255); });
      const auto range = detail::value_range(ne.data_size);
      const auto lo = range.first, hi = range.second;
      ne.min = optional_key<std::int64_t>(s, "min", lo, [&](const Cursor& v) { return v.signed_number(lo, hi); });
      ne.max = optional_key<std::int64_t>(s, "max", hi, [&](const Cursor& v) { return v.signed_number(lo, hi); });
      if (ne.min > ne.max) s.at("min").fail("is larger than max");
      ne.value = optional_key<std::int64_t>(s, "value", ne.min,
                                            [&](const Cursor& v) { return v.signed_number(ne.min, ne.max); });
      m.numeric_effecters.push_back(ne);
    }
  }
  if (c.has("state_effecters")) {
    Cursor list = c.at("state_effecters");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"id", MCTPKIT_ENTITY_KEYS, "state_set", "possible_states", "state"});
      StateEffecter se;
      se.id = static_cast<std::uint16_t>(s.at("id").number(0xFFFF));
      unique(effecter_ids, s.at("id"), se.id);
      se.entity = inline_entity(s);
      se.state_set = static_cast<std::uint16_t>(s.at("state_set").number(0xFFFF));
      se.possible_states = possible_states(s.at("possible_states"), se.state);
      if (s.has("state")) {
        se.state = static_cast<std::uint8_t>(s.at("state").number(255));
        if (!state_possible(se.possible_states, se.state)) s.at("state").fail("is not one of the possible_states");
      }
      m.state_effecters.push_back(se);
    }
  }
  if (c.has("entity_associations")) {
    Cursor list = c.at("entity_associations");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"container_id", "type", "container", "contained"});
      EntityAssociation a;
      a.container_id = static_cast<std::uint16_t>(s.at("container_id").number(0xFFFF));
      a.association_type = optional_key<std::uint8_t>(s, "type", 0, [](const Cursor& v) { return v.name(kAssociationTypes); });
      a.container = read_entity(s.at("container"));
      Cursor contained = s.at("contained");
      std::size_t count = contained.array_size();
      if (count == 0 || count > 255) contained.fail("must list 1 to 255 entities");
      for (std::size_t k = 0; k < count; ++k) a.contained.push_back(read_entity(contained.at(k)));
      m.entity_associations.push_back(std::move(a));
    }
  }
  if (c.has("fru_record_sets")) {
    Cursor list = c.at("fru_record_sets");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"id", MCTPKIT_ENTITY_KEYS});
      m.fru_record_sets.push_back({static_cast<std::uint16_t>(s.at("id").number(0xFFFF)), inline_entity(s)});
    }
  }
  if (c.has("fru_records")) {
    Cursor list = c.at("fru_records");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor s = list.at(i);
      s.require_object({"record_set", "type", "encoding", "fields"});
      FruRecord r;
      r.record_set = static_cast<std::uint16_t>(s.at("record_set").number(0xFFFF));
      r.record_type = optional_key<std::uint8_t>(s, "type", 1, [](const Cursor& v) { return v.name_or_number(kRecordTypes, 255); });
      r.encoding = optional_key<std::uint8_t>(s, "encoding", 1, [](const Cursor& v) { return v.number(5, 1); });
      Cursor fields = s.at("fields");
      std::size_t count = fields.array_size();
      if (count > 255) fields.fail("must list at most 255 fields");
      for (std::size_t k = 0; k < count; ++k) {
        Cursor f = fields.at(k);
        f.require_object({"type", "value", "hex"});
        FruField field;
        field.type = static_cast<std::uint8_t>(f.at("type").name_or_number(kFruFieldTypes, 255));
        if (f.has("hex")) {
          field.value = f.at("hex").hex_bytes();
        } else {
          const std::string& text = f.at("value").string();
          field.value.assign(text.begin(), text.end());
        }
        if (field.value.size() > 255) f.fail("value is longer than 255 bytes");
        r.fields.push_back(std::move(field));
      }
      m.fru_records.push_back(std::move(r));
    }
  }
  return m;
}

std::vector<CannedReply> read_canned(const Cursor& list) {
  std::vector<CannedReply> out;
  for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
    Cursor c = list.at(i);
    c.require_object({"request", "response", "delay_ms"});
    CannedReply r;
    r.request = c.at("request").hex_bytes();
    r.response = c.at("response").hex_bytes();
    if (r.request.empty()) c.at("request").fail("must hold at least the message type byte");
    if (r.response.empty()) c.at("response").fail("must hold at least the message type byte");
    r.delay = std::chrono::milliseconds(optional_key<std::uint64_t>(c, "delay_ms", 0, [](const Cursor& v) { return v.number(60000); }));
    out.push_back(std::move(r));
  }
  return out;
}

EndpointConfig read_endpoint(const Cursor& c, std::size_t index) {
  c.require_object({"name", "physical_address", "static_eid", "eid", "uuid", "network_id", "mtu", "message_types",
                    "vendor_capabilities", "role", "eid_pool", "routing_table", "routing_ready", "rate_limit", "pldm",
                    "canned_replies"});
  EndpointConfig e;
  e.name = c.has("name") ? c.at("name").string() : fmt::format("endpoint {}", index);
  if (c.has("physical_address")) e.physical_address = static_cast<std::uint8_t>(c.at("physical_address").number(0x7F));
  auto assignable = [](const Cursor& v) {
    std::uint64_t eid = v.number(0xFE);
    if (eid != 0 && eid < 8) v.fail("EIDs 1 to 7 are reserved (DSP0236)");
    return eid;
  };
  if (c.has("static_eid")) {
    e.static_eid = static_cast<std::uint8_t>(assignable(c.at("static_eid")));
    if (*e.static_eid == 0) c.at("static_eid").fail("must be between 8 and 254");
  }
  e.eid = optional_key<std::uint8_t>(c, "eid", e.static_eid.value_or(0), assignable);
  if (!c.has("uuid")) c.fail("missing key 'uuid'");
  e.uuid = c.at("uuid").uuid();
  if (c.has("network_id")) e.network_id = c.at("network_id").uuid();
  e.mtu = optional_key<std::size_t>(c, "mtu", 64, [](const Cursor& v) { return v.number(65535, 1); });
  if (c.has("message_types")) {
    Cursor list = c.at("message_types");
    std::set<std::uint8_t> seen;
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      auto type = static_cast<std::uint8_t>(list.at(i).name_or_number(kMessageTypes, 0x7F));
      if (type != 0 && seen.insert(type).second) e.message_types.push_back(type);
    }
  }
  if (c.has("vendor_capabilities")) {
    Cursor list = c.at("vendor_capabilities");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor v = list.at(i);
      v.require_object({"format", "vendor_id", "command_set"});
      VendorSet set;
      set.format = static_cast<std::uint8_t>(v.at("format").name(kVendorFormats));
      set.vendor_id = static_cast<std::uint32_t>(v.at("vendor_id").number(set.format == 0 ? 0xFFFF : 0xFFFFFFFF));
      set.command_set = optional_key<std::uint16_t>(v, "command_set", 0, [](const Cursor& x) { return x.number(0xFFFF); });
      e.vendor_sets.push_back(set);
    }
    if (e.vendor_sets.size() > 0xFE) list.fail("must list at most 254 capability sets");
  }
  if (c.has("role")) e.role = static_cast<Role>(c.at("role").name(kRoles));
  if (c.has("eid_pool")) {
    Cursor p = c.at("eid_pool");
    p.require_object({"size", "start"});
    e.pool_size = static_cast<std::uint8_t>(p.at("size").number(0xF7));
    e.pool_start = optional_key<std::uint8_t>(p, "start", 0, assignable);
    if (e.role == Role::Endpoint) p.fail("only a bridge or a bus owner has an EID pool (set \"role\")");
    if (e.role == Role::BusOwner && e.pool_start == 0) p.fail("a bus owner's pool needs a \"start\" EID");
    if (e.pool_start != 0 && e.pool_start + e.pool_size > 0xFF) p.fail("the pool runs past EID 254");
  }
  if (c.has("routing_table")) {
    Cursor list = c.at("routing_table");
    for (std::size_t i = 0, n = list.array_size(); i < n; ++i) {
      Cursor r = list.at(i);
      r.require_object({"start_eid", "range_size", "entry_type", "static", "port", "binding", "medium", "physical_address"});
      Route route;
      route.start_eid = static_cast<std::uint8_t>(assignable(r.at("start_eid")));
      route.range_size = optional_key<std::uint8_t>(r, "range_size", 1, [](const Cursor& v) { return v.number(255, 1); });
      route.entry_type = optional_key<std::uint8_t>(r, "entry_type", 0, [](const Cursor& v) { return v.name(kEntryTypes); });
      route.is_static = optional_key<bool>(r, "static", true, [](const Cursor& v) { return v.boolean(); });
      route.port = optional_key<std::uint8_t>(r, "port", 0, [](const Cursor& v) { return v.number(31); });
      route.binding = optional_key<std::uint8_t>(r, "binding", 1, [](const Cursor& v) { return v.name_or_number(kBindings, 255); });
      route.medium = optional_key<std::uint8_t>(r, "medium", 0, [](const Cursor& v) { return v.number(255); });
      if (r.has("physical_address")) {
        Cursor a = r.at("physical_address");
        if (a.json().is_string() && a.json().get_ref<const std::string&>().find(' ') != std::string::npos) {
          route.physical_address = a.hex_bytes();
        } else {
          route.physical_address = {static_cast<std::uint8_t>(a.number(0xFF))};
        }
      }
      if (route.start_eid + route.range_size > 0x100) r.fail("the EID range runs past EID 255");
      e.routes.push_back(std::move(route));
    }
  }
  e.routing_ready = optional_key<bool>(c, "routing_ready", true, [](const Cursor& v) { return v.boolean(); });
  if (c.has("rate_limit")) {
    Cursor r = c.at("rate_limit");
    r.require_object({"rx_buffer_size", "max_rx_rate", "max_tx_rate", "min_tx_rate", "max_burst"});
    RateLimit rl;
    auto u32 = [](const Cursor& v) { return v.number(0xFFFFFFFF); };
    rl.rx_buffer_size = optional_key<std::uint32_t>(r, "rx_buffer_size", 0, u32);
    rl.max_rx_rate = optional_key<std::uint32_t>(r, "max_rx_rate", 0, u32);
    rl.max_tx_rate = optional_key<std::uint32_t>(r, "max_tx_rate", 0, u32);
    rl.min_tx_rate = optional_key<std::uint32_t>(r, "min_tx_rate", 0, u32);
    rl.max_burst = optional_key<std::uint32_t>(r, "max_burst", 0, [](const Cursor& v) { return v.number(0xFFFFFF); });
    if (rl.min_tx_rate > rl.max_tx_rate) r.at("min_tx_rate").fail("is larger than max_tx_rate");
    e.rate_limit = rl;
  }
  if (c.has("pldm")) {
    e.pldm = read_pldm(c.at("pldm"));
    bool has_pldm = false;
    for (std::uint8_t t : e.message_types) has_pldm = has_pldm || t == 0x01;
    if (!has_pldm) c.at("pldm").fail("a PLDM model needs \"pldm\" in message_types");
  }
  if (c.has("canned_replies")) e.canned = read_canned(c.at("canned_replies"));
  return e;
}

}  // namespace

Config parse_config(std::string_view json_text) {
  Json doc;
  try {
    doc = Json::parse(json_text);
  } catch (const Json::parse_error& e) {
    throw ConfigError(fmt::format("configuration is not valid JSON: {}", e.what()));
  }
  Cursor root(doc, "");
  Config config;
  if (doc.is_object() && doc.contains("endpoints")) {
    root.require_object({"endpoints"});
    Cursor list = root.at("endpoints");
    std::size_t n = list.array_size();
    if (n == 0) list.fail("must list at least one endpoint");
    for (std::size_t i = 0; i < n; ++i) config.endpoints.push_back(read_endpoint(list.at(i), i));
  } else {
    config.endpoints.push_back(read_endpoint(root, 0));
  }
  // Two endpoints answering at one physical address and EID would both reply.
  for (std::size_t i = 0; i < config.endpoints.size(); ++i) {
    for (std::size_t k = 0; k < i; ++k) {
      const EndpointConfig& a = config.endpoints[i];
      const EndpointConfig& b = config.endpoints[k];
      if (a.physical_address && a.physical_address == b.physical_address) {
        throw ConfigError(fmt::format("endpoints[{}].physical_address: 0x{:02X} is already used by endpoints[{}]", i,
                                      *a.physical_address, k));
      }
      if (a.eid != 0 && a.eid == b.eid) {
        throw ConfigError(fmt::format("endpoints[{}]: EID {} is already used by endpoints[{}]", i, a.eid, k));
      }
    }
  }
  return config;
}

Config load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("cannot read configuration '{}'", path));
  std::ostringstream text;
  text << in.rdbuf();
  return parse_config(text.str());
}

}  // namespace mctpkit::endpoint
