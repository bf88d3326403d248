// Platform event messages (protocol reference 6.7): PlatformEventMessage, whose event data is a
// layer of its own found by event class in table "pldm.event_data", PollForPlatformEventMessage
// (a whole polled event decodes the same way) and EventMessageSupported.

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/pldm/base.hpp"
#include "mctpkit/pldm/platform.hpp"

namespace mctpkit::pldm {

namespace {

constexpr LayerDef command(std::string_view id, std::string_view craft, std::string_view title,
                           std::string_view abbrev, std::span<const FieldDef> fields, BindDef bind,
                           std::string_view summary) {
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = abbrev, .fields = fields,
                  .summary = summary, .bind = bind};
}
constexpr BindDef request(std::uint8_t cmd) { return command_binding(kPlatform, cmd, true); }
constexpr BindDef response(std::uint8_t cmd) { return command_binding(kPlatform, cmd, false); }

constexpr LayerDef event_data(std::string_view id, std::string_view craft, std::string_view title,
                              std::span<const FieldDef> fields, std::uint8_t event_class, std::string_view summary) {
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = id, .fields = fields,
                  .summary = summary, .bind = {kEventDataTable, Key{event_class}}};
}

// ---- 0x0A PlatformEventMessage ------------------------------------------------------------------
constexpr EnumEntry kEventStatus[] = {
    {0, "no_logging"}, {1, "logging_disabled"}, {2, "log_full"}, {3, "accepted_for_logging"}, {4, "logged"},
    {5, "logging_rejected"}};

constexpr FieldDef kEventMessageReq[] = {
    u8("format_version").fallback(1).titled("Format version"),
    u8("tid").titled("TID"),
    u8("event_class").hex().names(kEventClasses).titled("Event class"),
    payload(),
};
// A message without event data shows no event layer (as PyMCTP).
bool has_event_data(const Layer& l) { return l.length > 3; }

constexpr FieldDef kEventMessageRsp[] = {
    u8("status").names(kEventStatus).titled("Platform event status"),
};

// ---- Event data ---------------------------------------------------------------------------------
// sensorEvent: sensorID, sensorEventClass, then the class's data.
constexpr EnumEntry kSensorEventClasses[] = {
    {0, "sensor_op_state"}, {1, "state_sensor_state"}, {2, "numeric_sensor_state"}};
bool op_state_class(const Fields& f) { return f.num("sensor_event_class") == 0; }
bool state_class(const Fields& f) { return f.num("sensor_event_class") == 1; }
bool numeric_class(const Fields& f) { return f.num("sensor_event_class") == 2; }
bool other_sensor_class(const Fields& f) { return f.num("sensor_event_class") > 2; }
bool numeric_width1(const Fields& f) { return numeric_class(f) && detail::value_width(f.num("sensor_data_size")) == 1; }
bool numeric_width2(const Fields& f) { return numeric_class(f) && detail::value_width(f.num("sensor_data_size")) == 2; }
bool numeric_width4(const Fields& f) { return numeric_class(f) && detail::value_width(f.num("sensor_data_size")) == 4; }

constexpr std::string_view kEventSensorSize = "sensor_data_size";

constexpr FieldDef kSensorEventFields[] = {
    u16le("sensor_id").hex().titled("Sensor ID"),
    u8("sensor_event_class").names(kSensorEventClasses).titled("Sensor event class"),
    u8("present_op_state").names(kSensorOpStates).when(op_state_class).titled("Present operational state"),
    u8("previous_op_state").names(kSensorOpStates).when(op_state_class).titled("Previous operational state"),
    u8("sensor_offset").when(state_class).titled("Sensor offset"),
    u8("state").when(state_class).titled("Event state"),
    u8("previous_state").when(state_class).titled("Previous event state"),
    u8("event_state").names(kNumericStates).when(numeric_class).titled("Event state"),
    u8("previous_event_state").names(kNumericStates).when(numeric_class).titled("Previous event state"),
    u8("sensor_data_size").names(kDataSizes).when(numeric_class).titled("Sensor data size"),
    u8("present_reading_8").numeric_from(detail::sized_numeric<kEventSensorSize>).when(numeric_width1).titled("Present reading"),
    u16le("present_reading_16").numeric_from(detail::sized_numeric<kEventSensorSize>).when(numeric_width2).titled("Present reading"),
    u32le("present_reading_32").numeric_from(detail::sized_numeric<kEventSensorSize>).when(numeric_width4).titled("Present reading"),
    bytes("class_data").when(other_sensor_class).titled("Event class data"),
};

// effecterEvent [layout unverified: DSP0248 names one class, effecterOpState].
bool effecter_op_class(const Fields& f) { return f.num("effecter_event_class") == 0; }
bool other_effecter_class(const Fields& f) { return f.num("effecter_event_class") != 0; }
constexpr EnumEntry kEffecterEventClasses[] = {{0, "effecter_op_state"}};
constexpr FieldDef kEffecterEventFields[] = {
    u16le("effecter_id").hex().titled("Effecter ID"),
    u8("effecter_event_class").names(kEffecterEventClasses).titled("Effecter event class"),
    u8("present_op_state").names(kEffecterOpStates).when(effecter_op_class).titled("Present operational state"),
    u8("previous_op_state").names(kEffecterOpStates).when(effecter_op_class).titled("Previous operational state"),
    bytes("class_data").when(other_effecter_class).titled("Event class data"),
};

// pldmPDRRepositoryChgEvent: change records of 32-bit entries (PDR handles or types) [2src].
constexpr EnumEntry kChangeFormats[] = {
    {0, "refresh_entire_repository"}, {1, "format_is_pdr_types"}, {2, "format_is_pdr_handles"}};
constexpr EnumEntry kChangeOperations[] = {
    {0, "refresh_all_records"}, {1, "records_deleted"}, {2, "records_added"}, {3, "records_modified"}};
constexpr FieldDef kChangeEntry[] = {u32le("entry").titled("Change entry")};
constexpr StructDef kChangeEntryStruct{"change_entry", kChangeEntry, "{entry}", ", ", "Change entry"};
constexpr FieldDef kChangeRecord[] = {
    u8("operation").names(kChangeOperations).titled("Event data operation"),
    u8("entry_count").count_of("entries").titled("Number of change entries"),
    list("entries", kChangeEntryStruct).length_from("entry_count").titled("Change entries"),
};
constexpr StructDef kChangeRecordStruct{"change_record", kChangeRecord, "{operation}", ", ", "Change record"};
constexpr FieldDef kRepositoryChangeEventFields[] = {
    u8("event_data_format").names(kChangeFormats).titled("Event data format"),
    u8("record_count").count_of("records").titled("Number of change records"),
    list("records", kChangeRecordStruct).length_from("record_count").titled("Change records"),
};

// pldmMessagePollEvent. PyMCTP prints missing fields as 0, which the template does (defaults).
constexpr FieldDef kMessagePollEventFields[] = {
    u8("format_version").fallback(1).titled("Format version"),
    u16le("event_id").titled("Event ID"),
    u32le("data_transfer_handle").titled("Data transfer handle"),
};

// heartbeatTimerElapsedEvent [1src: hostboot].
constexpr FieldDef kHeartbeatEventFields[] = {
    u8("format_version").fallback(1).titled("Format version"),
    u8("sequence_number").titled("Sequence number"),
};

// CPER event [1src: libpldm].
constexpr EnumEntry kCperFormats[] = {{0, "with_header"}, {1, "without_header"}};
constexpr FieldDef kCperEventFields[] = {
    u8("format_version").fallback(1).titled("Format version"),
    u8("format_type").names(kCperFormats).titled("Format type"),
    u16le("cper_length").length_of("cper_data").titled("Event data length"),
    bytes("cper_data").length_from("cper_length").titled("CPER data"),
};

// ---- 0x0B PollForPlatformEventMessage ------------------------------------------------------------
constexpr FieldDef kPollReq[] = {
    u8("format_version").fallback(1).titled("Format version"),
    u8("transfer_op").names(kTransferOperations).fallback(1).titled("Transfer operation flag"),
    u32le("transfer_handle").titled("Data transfer handle"),
    u16le("event_id_to_ack").titled("Event ID to acknowledge"),
};
// Event ID 0 (no event) and 0xFFFF end the response after the event ID.
bool has_event(const Fields& f) {
  std::uint64_t id = f.num("event_id");
  return id != 0 && id != 0xFFFF;
}
bool has_event_checksum(const Fields& f) {
  std::uint64_t flag = f.num("transfer_flag");
  return has_event(f) && (flag == kPlatformEnd || flag == kPlatformStartAndEnd);
}
// CRC-32 of the whole event data. A StartAndEnd part holds all of it and is checked; an End part
// only the last piece, so the value given is kept (checking it would need the earlier parts).
std::uint64_t event_crc(const DeriveContext& ctx) {
  if (ctx.fields.num("transfer_flag") != kPlatformStartAndEnd) return ctx.fields.num("event_data_crc");
  return crc::crc32(ctx.payload);
}
constexpr FieldDef kPollRsp[] = {
    u8("tid").titled("TID"),
    u16le("event_id").titled("Event ID"),
    u32le("next_transfer_handle").when(has_event).titled("Next data transfer handle"),
    u8("transfer_flag").names(kPlatformTransferFlags).fallback(kPlatformStartAndEnd).when(has_event).titled(
        "Transfer flag"),
    u8("event_class").hex().names(kEventClasses).when(has_event).titled("Event class"),
    u32le("event_data_size").length_after().when(has_event).titled("Event data size"),
    payload().length_from("event_data_size"),
    u32le("event_data_crc").checksum(event_crc).when(has_event_checksum).titled("Event data integrity checksum"),
};
bool carries_whole_event(const Layer& l) {
  return has_event(l) && l.num("transfer_flag") == kPlatformStartAndEnd && l.num("event_data_size") > 0;
}

// ---- 0x0C EventMessageSupported -----------------------------------------------------------------
constexpr EnumEntry kSynchrony[] = {
    {0, "disabled"}, {1, "enable_async"}, {2, "enable_polling"}, {3, "enable_async_keep_alive"}};
constexpr FieldDef kFormatVersion[] = {u8("format_version").fallback(1).titled("Format version")};
constexpr FieldDef kClassEntry[] = {u8("event_class").hex().names(kEventClasses).titled("Event class")};
constexpr StructDef kClassStruct{"event_class", kClassEntry, "{event_class}", ", ", "Event class"};
constexpr FieldDef kEventMessageSupportedRsp[] = {
    u8("synchrony_configuration").names(kSynchrony).titled("Synchrony configuration"),
    u8("synchrony_supported").hex().titled("Synchrony configurations supported (bit field)"),
    u8("class_count").count_of("event_classes").titled("Number of event classes returned"),
    list("event_classes", kClassStruct).length_from("class_count").titled("Event classes"),
};

constexpr LayerDef kLayers[] = {
    command("pldm.platform_event_message_rsp", "platform_event_message", "Platform Event Message response",
            "pldm.platform_event_message", kEventMessageRsp, response(kPlatformEventMessage),
            "PlatformEventMsg (status={status:d})"),
    command("pldm.poll_for_platform_event_message_req", "poll_for_platform_event_message",
            "Poll For Platform Event Message request", "pldm.poll_for_platform_event_message", kPollReq,
            request(kPollForPlatformEventMessage), "PollForPlatformEventMessage"),
    LayerDef{.id = "pldm.poll_for_platform_event_message_rsp",
             .craft_name = "poll_for_platform_event_message",
             .title = "Poll For Platform Event Message response",
             .abbrev = "pldm.poll_for_platform_event_message",
             .fields = kPollRsp,
             .summary = "PollForPlatformEventMessage",
             .next = {.table = kEventDataTable, .key = {"event_class"}, .when = carries_whole_event},
             .bind = response(kPollForPlatformEventMessage)},
    command("pldm.event_message_supported_req", "event_message_supported", "Event Message Supported request",
            "pldm.event_message_supported", kFormatVersion, request(kEventMessageSupported),
            "EventMessageSupported"),
    command("pldm.event_message_supported_rsp", "event_message_supported", "Event Message Supported response",
            "pldm.event_message_supported", kEventMessageSupportedRsp, response(kEventMessageSupported),
            "EventMessageSupported"),
    event_data("pldm.sensor_event", "sensor_event", "Sensor event data", kSensorEventFields, kSensorEvent,
               "SensorEvent"),
    event_data("pldm.effecter_event", "effecter_event", "Effecter event data", kEffecterEventFields, kEffecterEvent,
               "EffecterEvent"),
    event_data("pldm.pdr_repository_change_event", "pdr_repository_change_event", "PDR repository change event data",
               kRepositoryChangeEventFields, kPdrRepositoryChangeEvent, "PDRRepositoryChangeEvent"),
    event_data("pldm.heartbeat_event", "heartbeat_event", "Heartbeat timer elapsed event data", kHeartbeatEventFields,
               kHeartbeatTimerElapsedEvent, "HeartbeatTimerElapsedEvent"),
    event_data("pldm.cper_event", "cper_event", "CPER event data", kCperEventFields, kCperEvent, "CPEREvent"),
};

}  // namespace

const LayerDef kPlatformEventMessageRequest{
    .id = "pldm.platform_event_message_req",
    .craft_name = "platform_event_message",
    .title = "Platform Event Message request",
    .abbrev = "pldm.platform_event_message",
    .fields = kEventMessageReq,
    .summary = "PlatformEventMsg (ver={format_version:d}, tid={tid:d}, eventClass=0x{event_class:02X})",
    .next = {.table = kEventDataTable, .key = {"event_class"}, .when = has_event_data, .required = "event data"},
    .bind = request(kPlatformEventMessage),
};

const LayerDef kMessagePollEventData = event_data(
    "pldm.message_poll_event", "message_poll_event", "Message poll event data", kMessagePollEventFields,
    kMessagePollEvent,
    "MsgPollEventData (fmtVer={format_version:d}, eventID={event_id:d}, DataTransferHandle={data_transfer_handle:d})");

void register_platform_events(Registry& registry) {
  registry.declare(kPlatformEventMessageRequest);
  registry.declare(kMessagePollEventData);
  for (const LayerDef& def : kLayers) registry.declare(def);
}

}  // namespace mctpkit::pldm
