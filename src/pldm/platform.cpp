// PLDM platform monitoring and control (type 2, DSP0248; protocol reference 6.7): terminus
// discovery, event receiver setup, PDR repository transfer, and a named layer for every other
// command of the reference's table. Events are in platform_events.cpp, sensors and effecters in
// platform_sensors.cpp, PDRs in pdr*.cpp. Multi-byte fields are little-endian.

#include "mctpkit/pldm/base.hpp"
#include "mctpkit/pldm/pdr.hpp"
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

// ---- 0x01 SetTID / 0x02 GetTID: DSP0248 repeats the base commands [unverified] ------------------
constexpr FieldDef kTid[] = {u8("tid").titled("Terminus ID")};

// ---- 0x03 GetTerminusUID ----------------------------------------------------------------------
constexpr FieldDef kTerminusUid[] = {uuid("uid").titled("Terminus UID")};

// ---- 0x04 SetEventReceiver / 0x05 GetEventReceiver ----------------------------------------------
constexpr EnumEntry kGlobalEnable[] = {
    {0, "disable"}, {1, "enable_async"}, {2, "enable_polling"}, {3, "enable_async_keep_alive"}};
// Wireshark names 2 vendor specific; libpldm names 0xFF OEM instead. Both are kept.
constexpr EnumEntry kProtocolTypes[] = {{0, "mctp"}, {1, "ncsi_rbt"}, {2, "vendor"}, {0xFF, "oem"}};

bool is_mctp(const Fields& f) { return f.num("protocol_type") == 0; }
bool not_mctp(const Fields& f) { return f.num("protocol_type") != 0; }
bool keep_alive(const Fields& f) { return f.num("global_enable") == 3; }
// Address info of another transport: whatever precedes the heartbeat timer.
std::size_t address_length(const Fields& f, std::size_t available) {
  std::size_t tail = keep_alive(f) ? 2 : 0;
  return available > tail ? available - tail : 0;
}

constexpr FieldDef kSetEventReceiverReq[] = {
    u8("global_enable").names(kGlobalEnable).titled("Event message global enable"),
    u8("protocol_type").names(kProtocolTypes).titled("Transport protocol type"),
    u8("receiver_eid").hex().when(is_mctp).titled("Event receiver EID"),
    bytes("address").length_by(address_length).when(not_mctp).titled("Event receiver address info"),
    u16le("heartbeat_timer").when(keep_alive).titled("Heartbeat timer (s)"),
};
constexpr FieldDef kGetEventReceiverRsp[] = {
    u8("protocol_type").names(kProtocolTypes).titled("Transport protocol type"),
    u8("receiver_eid").hex().when(is_mctp).titled("Event receiver EID"),
    bytes("address").when(not_mctp).titled("Event receiver address info"),
};

// ---- 0x0D EventMessageBufferSize ----------------------------------------------------------------
constexpr FieldDef kBufferSizeReq[] = {u16le("receiver_max_buffer_size").titled("Event receiver max buffer size")};
constexpr FieldDef kBufferSizeRsp[] = {u16le("terminus_max_buffer_size").titled("Terminus max buffer size")};

// ---- 0x50 GetPDRRepositoryInfo ------------------------------------------------------------------
constexpr EnumEntry kRepositoryStates[] = {{0, "available"}, {1, "update_in_progress"}, {2, "failed"}};
constexpr FieldDef kRepositoryInfoRsp[] = {
    u8("repository_state").names(kRepositoryStates).titled("Repository state"),
    bytes("update_time").fixed(13).titled("Update time (timestamp104)"),
    bytes("oem_update_time").fixed(13).titled("OEM update time (timestamp104)"),
    u32le("record_count").titled("Record count"),
    u32le("repository_size").titled("Repository size"),
    u32le("largest_record_size").titled("Largest record size"),
    u8("transfer_handle_timeout").titled("Data transfer handle timeout (s)"),
};

// ---- 0x51 GetPDR --------------------------------------------------------------------------------
constexpr FieldDef kGetPdrReq[] = {
    u32le("record_handle").titled("Record handle (0: first)"),
    u32le("transfer_handle").titled("Data transfer handle"),
    u8("transfer_op").names(kTransferOperations).fallback(1).titled("Transfer operation flag"),
    u16le("request_count").titled("Request count"),
    u16le("record_change_number").titled("Record change number"),
};
bool is_last_part(const Fields& f) { return f.num("transfer_flag") == kPlatformEnd; }
constexpr FieldDef kGetPdrRsp[] = {
    u32le("next_record_handle").titled("Next record handle (0: last)"),
    u32le("next_transfer_handle").titled("Next data transfer handle"),
    u8("transfer_flag").names(kPlatformTransferFlags).fallback(kPlatformStartAndEnd).titled("Transfer flag"),
    u16le("response_count").length_after().titled("Response count"),
    payload().length_from("response_count"),
    // CRC-8 over the whole record, which spans earlier parts: kept, not verified.
    u8("transfer_crc").hex().when(is_last_part).titled("Transfer CRC"),
};
// Only a response carrying a whole record (StartAndEnd) decodes it as a PDR.
bool carries_whole_record(const Layer& l) {
  return l.num("transfer_flag") == kPlatformStartAndEnd && l.num("response_count") > 0;
}

// ---- Commands whose layouts the reference does not give: named layers over their bytes ----------
constexpr FieldDef kOpaque[] = {bytes("data").titled("Data (layout not decoded)")};

#define MCTPKIT_PLDM_OPAQUE(name, title, summary, code)                                                      \
  command("pldm." #name "_req", #name, title " request", "pldm." #name, kOpaque, request(code), summary),     \
      command("pldm." #name "_rsp", #name, title " response", "pldm." #name, kOpaque, response(code), summary)

constexpr LayerDef kLayers[] = {
    command("pldm.platform_set_tid_req", "platform_set_tid", "Set TID request (platform)", "pldm.platform_set_tid",
            kTid, request(kPlatformSetTid), "SetTID"),
    command("pldm.platform_set_tid_rsp", "platform_set_tid", "Set TID response (platform)",
            "pldm.platform_set_tid", {}, bodiless_response_binding(kPlatform, kPlatformSetTid), "SetTID"),
    command("pldm.platform_get_tid_req", "platform_get_tid", "Get TID request (platform)",
            "pldm.platform_get_tid", {}, bodiless_request_binding(kPlatform, kPlatformGetTid), "GetTID"),
    command("pldm.platform_get_tid_rsp", "platform_get_tid", "Get TID response (platform)",
            "pldm.platform_get_tid", kTid, response(kPlatformGetTid), "GetTID"),
    command("pldm.get_terminus_uid_req", "get_terminus_uid", "Get Terminus UID request", "pldm.get_terminus_uid",
            {}, bodiless_request_binding(kPlatform, kGetTerminusUid), "GetTerminusUID"),
    command("pldm.get_terminus_uid_rsp", "get_terminus_uid", "Get Terminus UID response",
            "pldm.get_terminus_uid", kTerminusUid, response(kGetTerminusUid), "GetTerminusUID"),
    command("pldm.set_event_receiver_req", "set_event_receiver", "Set Event Receiver request",
            "pldm.set_event_receiver", kSetEventReceiverReq, request(kSetEventReceiver), "SetEventReceiver"),
    command("pldm.set_event_receiver_rsp", "set_event_receiver", "Set Event Receiver response",
            "pldm.set_event_receiver", {}, bodiless_response_binding(kPlatform, kSetEventReceiver),
            "SetEventReceiver"),
    command("pldm.get_event_receiver_req", "get_event_receiver", "Get Event Receiver request",
            "pldm.get_event_receiver", {}, bodiless_request_binding(kPlatform, kGetEventReceiver),
            "GetEventReceiver"),
    command("pldm.get_event_receiver_rsp", "get_event_receiver", "Get Event Receiver response",
            "pldm.get_event_receiver", kGetEventReceiverRsp, response(kGetEventReceiver), "GetEventReceiver"),
    command("pldm.event_message_buffer_size_req", "event_message_buffer_size", "Event Message Buffer Size request",
            "pldm.event_message_buffer_size", kBufferSizeReq, request(kEventMessageBufferSize),
            "EventMessageBufferSize"),
    command("pldm.event_message_buffer_size_rsp", "event_message_buffer_size",
            "Event Message Buffer Size response", "pldm.event_message_buffer_size", kBufferSizeRsp,
            response(kEventMessageBufferSize), "EventMessageBufferSize"),
    command("pldm.get_pdr_repository_info_req", "get_pdr_repository_info", "Get PDR Repository Info request",
            "pldm.get_pdr_repository_info", {}, bodiless_request_binding(kPlatform, kGetPdrRepositoryInfo),
            "GetPDRRepositoryInfo"),
    command("pldm.get_pdr_repository_info_rsp", "get_pdr_repository_info", "Get PDR Repository Info response",
            "pldm.get_pdr_repository_info", kRepositoryInfoRsp, response(kGetPdrRepositoryInfo),
            "GetPDRRepositoryInfo"),
    command("pldm.get_pdr_req", "get_pdr", "Get PDR request", "pldm.get_pdr", kGetPdrReq, request(kGetPdr), "GetPDR"),
    MCTPKIT_PLDM_OPAQUE(set_numeric_sensor_enable, "Set Numeric Sensor Enable", "SetNumericSensorEnable",
                        kSetNumericSensorEnable),
    MCTPKIT_PLDM_OPAQUE(get_sensor_thresholds, "Get Sensor Thresholds", "GetSensorThresholds", kGetSensorThresholds),
    MCTPKIT_PLDM_OPAQUE(set_sensor_thresholds, "Set Sensor Thresholds", "SetSensorThresholds", kSetSensorThresholds),
    MCTPKIT_PLDM_OPAQUE(restore_sensor_thresholds, "Restore Sensor Thresholds", "RestoreSensorThresholds",
                        kRestoreSensorThresholds),
    MCTPKIT_PLDM_OPAQUE(get_sensor_hysteresis, "Get Sensor Hysteresis", "GetSensorHysteresis", kGetSensorHysteresis),
    MCTPKIT_PLDM_OPAQUE(set_sensor_hysteresis, "Set Sensor Hysteresis", "SetSensorHysteresis", kSetSensorHysteresis),
    MCTPKIT_PLDM_OPAQUE(init_numeric_sensor, "Init Numeric Sensor", "InitNumericSensor", kInitNumericSensor),
    MCTPKIT_PLDM_OPAQUE(set_state_sensor_enables, "Set State Sensor Enables", "SetStateSensorEnables",
                        kSetStateSensorEnables),
    MCTPKIT_PLDM_OPAQUE(init_state_sensor, "Init State Sensor", "InitStateSensor", kInitStateSensor),
    MCTPKIT_PLDM_OPAQUE(set_numeric_effecter_enable, "Set Numeric Effecter Enable", "SetNumericEffecterEnable",
                        kSetNumericEffecterEnable),
    MCTPKIT_PLDM_OPAQUE(set_state_effecter_enables, "Set State Effecter Enables", "SetStateEffecterEnables",
                        kSetStateEffecterEnables),
    MCTPKIT_PLDM_OPAQUE(get_pldm_event_log_info, "Get PLDM Event Log Info", "GetPLDMEventLogInfo",
                        kGetPldmEventLogInfo),
    MCTPKIT_PLDM_OPAQUE(enable_pldm_event_logging, "Enable PLDM Event Logging", "EnablePLDMEventLogging",
                        kEnablePldmEventLogging),
    MCTPKIT_PLDM_OPAQUE(clear_pldm_event_log, "Clear PLDM Event Log", "ClearPLDMEventLog", kClearPldmEventLog),
    MCTPKIT_PLDM_OPAQUE(get_pldm_event_log_timestamp, "Get PLDM Event Log Timestamp", "GetPLDMEventLogTimestamp",
                        kGetPldmEventLogTimestamp),
    MCTPKIT_PLDM_OPAQUE(set_pldm_event_log_timestamp, "Set PLDM Event Log Timestamp", "SetPLDMEventLogTimestamp",
                        kSetPldmEventLogTimestamp),
    MCTPKIT_PLDM_OPAQUE(read_pldm_event_log, "Read PLDM Event Log", "ReadPLDMEventLog", kReadPldmEventLog),
    MCTPKIT_PLDM_OPAQUE(get_pldm_event_log_policy_info, "Get PLDM Event Log Policy Info",
                        "GetPLDMEventLogPolicyInfo", kGetPldmEventLogPolicyInfo),
    MCTPKIT_PLDM_OPAQUE(set_pldm_event_log_policy, "Set PLDM Event Log Policy", "SetPLDMEventLogPolicy",
                        kSetPldmEventLogPolicy),
    MCTPKIT_PLDM_OPAQUE(find_pldm_event_log_entry, "Find PLDM Event Log Entry", "FindPLDMEventLogEntry",
                        kFindPldmEventLogEntry),
    MCTPKIT_PLDM_OPAQUE(find_pdr, "Find PDR", "FindPDR", kFindPdr),
    MCTPKIT_PLDM_OPAQUE(get_pdr_repository_signature, "Get PDR Repository Signature", "GetPDRRepositorySignature",
                        kGetPdrRepositorySignature),
    MCTPKIT_PLDM_OPAQUE(run_init_agent, "Run Init Agent", "RunInitAgent", kRunInitAgent),
};

#undef MCTPKIT_PLDM_OPAQUE

// ---- Completion codes: 0x80 and up mean different things per command ----------------------------
struct CommandCode {
  std::uint8_t command;
  std::uint8_t cc;
  std::string_view name;
};
constexpr CommandCode kPlatformCodes[] = {
    {kSetEventReceiver, 0x80, "invalid_protocol_type"},
    {kSetEventReceiver, 0x81, "enable_method_not_supported"},
    {kSetEventReceiver, 0x82, "heartbeat_frequency_too_high"},
    {kPlatformEventMessage, 0x81, "unsupported_event_format_version"},
    // Poll codes: [1src] (Arm SCP-firmware's libpldm use)
    {kPollForPlatformEventMessage, 0x81, "unsupported_event_format_version"},
    {kPollForPlatformEventMessage, 0x82, "event_id_not_valid"},
    {kSetNumericSensorEnable, 0x80, "invalid_sensor_id"},
    {kSetNumericSensorEnable, 0x81, "invalid_sensor_operational_state"},
    {kSetNumericSensorEnable, 0x82, "event_generation_not_supported"},
    {kGetSensorReading, 0x80, "invalid_sensor_id"},
    {kGetSensorReading, 0x81, "rearm_unavailable_in_present_state"},
    {kGetSensorThresholds, 0x80, "invalid_sensor_id"},
    {kSetSensorThresholds, 0x80, "invalid_sensor_id"},
    {kRestoreSensorThresholds, 0x80, "invalid_sensor_id"},
    {kGetSensorHysteresis, 0x80, "invalid_sensor_id"},
    {kSetSensorHysteresis, 0x80, "invalid_sensor_id"},
    {kInitNumericSensor, 0x80, "invalid_sensor_id"},
    {kSetStateSensorEnables, 0x80, "invalid_sensor_id"},
    {kSetStateSensorEnables, 0x81, "invalid_sensor_operational_state"},
    {kSetStateSensorEnables, 0x82, "event_generation_not_supported"},
    {kGetStateSensorReadings, 0x80, "invalid_sensor_id"},
    {kGetStateSensorReadings, 0x81, "rearm_unavailable_in_present_state"},
    {kInitStateSensor, 0x80, "invalid_sensor_id"},
    {kSetNumericEffecterEnable, 0x80, "invalid_effecter_id"},
    {kSetNumericEffecterValue, 0x80, "invalid_effecter_id"},
    {kGetNumericEffecterValue, 0x80, "invalid_effecter_id"},
    {kSetStateEffecterEnables, 0x80, "invalid_effecter_id"},
    {kSetStateEffecterStates, 0x80, "invalid_effecter_id"},
    {kSetStateEffecterStates, 0x81, "invalid_state_value"},
    {kSetStateEffecterStates, 0x82, "unsupported_effecter_state"},
    {kGetStateEffecterStates, 0x80, "invalid_effecter_id"},
    {kGetPdr, 0x80, "invalid_data_transfer_handle"},
    {kGetPdr, 0x81, "invalid_transfer_operation_flag"},
    {kGetPdr, 0x82, "invalid_record_handle"},
    {kGetPdr, 0x83, "invalid_record_change_number"},
    {kGetPdr, 0x84, "transfer_timeout"},
    {kGetPdr, 0x85, "repository_update_in_progress"},
};

}  // namespace

const LayerDef kGetPdrResponse{
    .id = "pldm.get_pdr_rsp",
    .craft_name = "get_pdr",
    .title = "Get PDR response",
    .abbrev = "pldm.get_pdr",
    .fields = kGetPdrRsp,
    .summary = "GetPDR",
    .next = {.table = kPdrRecordTable, .when = carries_whole_record},
    .bind = response(kGetPdr),
};

std::string_view platform_completion_code_name(std::uint8_t command, std::uint8_t cc) {
  for (const CommandCode& c : kPlatformCodes) {
    if (c.command == command && c.cc == cc) return c.name;
  }
  if (cc >= 0x80) return {};
  // The generic codes are the base ones (no base command uses these numbers specifically).
  return base_completion_code_name(0, cc);
}

void register_platform(Registry& registry) {
  for (const LayerDef& def : kLayers) registry.declare(def);
  registry.declare(kGetPdrResponse);
  register_platform_events(registry);
  register_platform_sensors(registry);
  register_pdr(registry);
}

}  // namespace mctpkit::pldm
