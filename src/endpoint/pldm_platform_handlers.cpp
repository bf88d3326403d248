// PLDM platform monitoring and control (type 2, DSP0248) from the terminus model: the PDR
// repository with multipart GetPDR, sensor readings, effecters that change the model, and the
// event receiver.

#include <algorithm>

#include "detail/handlers.hpp"
#include "detail/values.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/pldm/platform.hpp"

namespace mctpkit::endpoint::detail {

namespace {

using namespace pldm;

constexpr std::uint8_t kInvalidId = 0x80;               // sensor and effecter commands
constexpr std::uint8_t kInvalidProtocolType = 0x80;     // SetEventReceiver
constexpr std::uint8_t kInvalidTransferHandle = 0x80;   // GetPDR
constexpr std::uint8_t kInvalidTransferOperation = 0x81;
constexpr std::uint8_t kInvalidRecordHandle = 0x82;
constexpr std::uint8_t kUnsupportedEffecterState = 0x82;  // SetStateEffecterStates
constexpr std::uint8_t kEffecterEnabledNoUpdatePending = 1;

template <typename T>
T* find_id(std::vector<T>& items, std::uint64_t id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& item) { return item.id == id; });
  return it == items.end() ? nullptr : &*it;
}

PldmModel& model(const Request& r) { return *r.endpoint.config.pldm; }

Reply set_event_receiver(const Request& r) {
  std::uint64_t enable = r.body->num("global_enable");
  if (enable > 3) return pldm_reply(r, kCcInvalidData);
  if (r.body->num("protocol_type") != 0) return pldm_reply(r, kInvalidProtocolType);  // MCTP only
  r.endpoint.event_global_enable = static_cast<std::uint8_t>(enable);
  r.endpoint.event_receiver_eid = static_cast<std::uint8_t>(r.body->num("receiver_eid"));
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.set_event_receiver_rsp"));
}

Reply get_event_receiver(const Request& r) {
  return pldm_reply(r, kCcSuccess,
                    make(r.registry, "pldm.get_event_receiver_rsp",
                         {{"protocol_type", 0}, {"receiver_eid", r.endpoint.event_receiver_eid}}));
}

std::vector<Bytes> repository(const Request& r) { return build_pdr_repository(model(r), r.endpoint.eid, r.registry); }

Reply get_pdr_repository_info(const Request& r) {
  std::vector<Bytes> records = repository(r);
  std::size_t size = 0, largest = 0;
  for (const Bytes& record : records) {
    size += record.size();
    largest = std::max(largest, record.size());
  }
  return pldm_reply(r, kCcSuccess,
                    make(r.registry, "pldm.get_pdr_repository_info_rsp",
                         {{"repository_state", 0}, {"update_time", Bytes(13, 0)}, {"oem_update_time", Bytes(13, 0)},
                          {"record_count", records.size()}, {"repository_size", size},
                          {"largest_record_size", largest}, {"transfer_handle_timeout", 0}}));
}

// Multipart transfer of one record: the data transfer handle is the byte offset of the part;
// handle 0 names the first record; the last part of a split record carries its CRC-8.
Reply get_pdr(const Request& r) {
  std::vector<Bytes> records = repository(r);
  std::uint64_t handle = r.body->num("record_handle");
  std::uint64_t op = r.body->num("transfer_op");
  std::uint64_t offset = r.body->num("transfer_handle");
  if (op > 1) return pldm_reply(r, kInvalidTransferOperation);
  if (handle == 0 && !records.empty()) handle = 1;
  if (handle == 0 || handle > records.size()) return pldm_reply(r, kInvalidRecordHandle);
  const Bytes& record = records[handle - 1];
  if (op == 1) offset = 0;  // get first part
  if (offset >= record.size() || (op == 0 && offset == 0)) return pldm_reply(r, kInvalidTransferHandle);
  std::size_t count = std::min<std::size_t>({r.body->num("request_count"), record.size() - offset, 0xFFFF});
  bool first = offset == 0;
  bool last = offset + count == record.size();
  std::uint64_t flag = first && last ? kPlatformStartAndEnd : last ? kPlatformEnd : first ? kPlatformStart : kPlatformMiddle;
  std::uint64_t next_record = handle < records.size() ? handle + 1 : 0;
  Layer body = make(r.registry, "pldm.get_pdr_rsp",
                    {{"next_record_handle", next_record}, {"next_transfer_handle", last ? 0 : offset + count},
                     {"transfer_flag", flag}});
  if (flag == kPlatformEnd) body.set("transfer_crc", crc::crc8_smbus(record));
  Frame reply = pldm_reply(r, kCcSuccess, std::move(body));
  reply.layers.push_back(raw_layer(ByteView(record).subspan(offset, count)));
  return reply;
}

Reply get_sensor_reading(const Request& r) {
  NumericSensor* s = find_id(model(r).numeric_sensors, r.body->num("sensor_id"));
  if (!s) return pldm_reply(r, kInvalidId);
  std::int64_t value = s->change ? reading_at(*s->change, r.uptime) : s->value;
  Layer body = make(r.registry, "pldm.get_sensor_reading_rsp",
                    {{"sensor_data_size", s->data_size}, {"op_state", s->op_state}, {"event_message_enable", 0},
                     {"present_state", s->present_state}, {"previous_state", s->present_state},
                     {"event_state", s->present_state}});
  body.set(sized_field("present_reading", s->data_size), to_raw(value, s->data_size));
  return pldm_reply(r, kCcSuccess, std::move(body));
}

Reply get_state_sensor_readings(const Request& r) {
  StateSensor* s = find_id(model(r).state_sensors, r.body->num("sensor_id"));
  if (!s) return pldm_reply(r, kInvalidId);
  // A changing state was the one of the step before (PLDM's previousState).
  std::uint64_t present = s->change ? static_cast<std::uint64_t>(reading_at(*s->change, r.uptime)) : s->state;
  std::uint64_t previous = s->change ? static_cast<std::uint64_t>(previous_reading_at(*s->change, r.uptime)) : s->state;
  Layer body = make(r.registry, "pldm.get_state_sensor_readings_rsp");
  const FieldDef& list = body.defs()[body.index_of("sensors")];
  std::vector<Fields> sensors;
  sensors.emplace_back(*list.element, std::initializer_list<FieldInit>{{"op_state", s->op_state},
                                                                       {"present_state", present},
                                                                       {"previous_state", previous},
                                                                       {"event_state", present}});
  body.set("sensors", sensors);
  return pldm_reply(r, kCcSuccess, std::move(body));
}

Reply set_numeric_effecter_value(const Request& r) {
  NumericEffecter* e = find_id(model(r).numeric_effecters, r.body->num("effecter_id"));
  if (!e) return pldm_reply(r, kInvalidId);
  if (r.body->num("effecter_data_size") != e->data_size) return pldm_reply(r, kCcInvalidData);
  std::int64_t value = from_raw(r.body->num(sized_field("effecter_value", e->data_size)), e->data_size);
  if (value < e->min || value > e->max) return pldm_reply(r, kCcInvalidData);
  e->value = value;
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.set_numeric_effecter_value_rsp"));
}

Reply get_numeric_effecter_value(const Request& r) {
  NumericEffecter* e = find_id(model(r).numeric_effecters, r.body->num("effecter_id"));
  if (!e) return pldm_reply(r, kInvalidId);
  Layer body = make(r.registry, "pldm.get_numeric_effecter_value_rsp",
                    {{"effecter_data_size", e->data_size}, {"op_state", kEffecterEnabledNoUpdatePending}});
  body.set(sized_field("pending_value", e->data_size), to_raw(e->value, e->data_size));
  body.set(sized_field("present_value", e->data_size), to_raw(e->value, e->data_size));
  return pldm_reply(r, kCcSuccess, std::move(body));
}

// The model's state effecters are single (composite count 1).
Reply set_state_effecter_states(const Request& r) {
  StateEffecter* e = find_id(model(r).state_effecters, r.body->num("effecter_id"));
  if (!e) return pldm_reply(r, kInvalidId);
  const auto& items = r.body->items("effecters");
  if (items.size() != 1) return pldm_reply(r, kCcInvalidData);
  if (items[0].num("set_request") == 1) {
    std::uint64_t state = items[0].num("effecter_state");
    if (state / 8 >= e->possible_states.size() || (e->possible_states[state / 8] >> (state % 8) & 1) == 0) {
      return pldm_reply(r, kUnsupportedEffecterState);
    }
    e->state = static_cast<std::uint8_t>(state);
  }
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.set_state_effecter_states_rsp"));
}

Reply get_state_effecter_states(const Request& r) {
  StateEffecter* e = find_id(model(r).state_effecters, r.body->num("effecter_id"));
  if (!e) return pldm_reply(r, kInvalidId);
  Layer body = make(r.registry, "pldm.get_state_effecter_states_rsp");
  const FieldDef& list = body.defs()[body.index_of("effecters")];
  std::vector<Fields> effecters;
  effecters.emplace_back(*list.element, std::initializer_list<FieldInit>{{"op_state", kEffecterEnabledNoUpdatePending},
                                                                         {"pending_state", e->state},
                                                                         {"present_state", e->state}});
  body.set("effecters", effecters);
  return pldm_reply(r, kCcSuccess, std::move(body));
}

}  // namespace

void add_pldm_platform_handlers(HandlerTable& table) {
  table.add(Key{kPlatform, kSetEventReceiver}, set_event_receiver);
  table.add(Key{kPlatform, kGetEventReceiver}, get_event_receiver);
  table.add(Key{kPlatform, kGetSensorReading}, get_sensor_reading);
  table.add(Key{kPlatform, kGetStateSensorReadings}, get_state_sensor_readings);
  table.add(Key{kPlatform, kSetNumericEffecterValue}, set_numeric_effecter_value);
  table.add(Key{kPlatform, kGetNumericEffecterValue}, get_numeric_effecter_value);
  table.add(Key{kPlatform, kSetStateEffecterStates}, set_state_effecter_states);
  table.add(Key{kPlatform, kGetStateEffecterStates}, get_state_effecter_states);
  table.add(Key{kPlatform, kGetPdrRepositoryInfo}, get_pdr_repository_info);
  table.add(Key{kPlatform, kGetPdr}, get_pdr);
}

}  // namespace mctpkit::endpoint::detail
