// Sensor and effecter commands of PLDM platform monitoring and control (protocol reference 6.7,
// "Common request/response layouts"). A reading or effecter value is as wide as its data size
// code says; it is declared once per width (`<name>_8`, `_16`, `_32`) and only the selected one
// is present; sint sizes read as signed numbers.

#include <fmt/format.h>

#include "mctpkit/pldm/base.hpp"
#include "mctpkit/pldm/platform.hpp"

namespace mctpkit::pldm {

namespace {

using detail::has_width;

constexpr LayerDef command(std::string_view id, std::string_view craft, std::string_view title,
                           std::string_view abbrev, std::span<const FieldDef> fields, BindDef bind,
                           std::string_view summary, SummaryFn summary_fn = nullptr) {
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = abbrev, .fields = fields,
                  .summary = summary, .summary_fn = summary_fn, .bind = bind};
}
constexpr BindDef request(std::uint8_t cmd) { return command_binding(kPlatform, cmd, true); }
constexpr BindDef response(std::uint8_t cmd) { return command_binding(kPlatform, cmd, false); }

constexpr std::string_view kSensorSize = "sensor_data_size";
constexpr std::string_view kEffecterSize = "effecter_data_size";

constexpr EnumEntry kEventMessageEnable[] = {
    {0, "no_event_generation"}, {1, "events_disabled"}, {2, "events_enabled"}, {3, "op_events_only"},
    {4, "state_events_only"}};

// ---- 0x11 GetSensorReading ----------------------------------------------------------------------
constexpr FieldDef kGetSensorReadingReq[] = {
    u16le("sensor_id").hex().titled("Sensor ID"),
    u8("rearm_event_state").titled("Rearm event state"),
};
constexpr FieldDef kGetSensorReadingRsp[] = {
    u8("sensor_data_size").names(kDataSizes).titled("Sensor data size"),
    u8("op_state").names(kSensorOpStates).titled("Sensor operational state"),
    u8("event_message_enable").names(kEventMessageEnable).titled("Sensor event message enable"),
    u8("present_state").names(kNumericStates).titled("Present state"),
    u8("previous_state").names(kNumericStates).titled("Previous state"),
    u8("event_state").names(kNumericStates).titled("Event state"),
    MCTPKIT_PLDM_SIZED_VALUE("present_reading", "Present reading", kSensorSize),
};

// PyMCTP's text: the reading as the hex of its bytes (2, 4 or 8 digits by data size; a signed
// reading as its two's-complement bits), so a reading that is cut short shows what was received.
void summarize_reading(const Layer& l, std::string& out) {
  fmt::format_to(std::back_inserter(out),
                 "GetSensorReading (sensorDataSize={}, opState=0x{:02X}, eventMsgEnabled=0x{:02X}, presentState={}, "
                 "previousState={}, eventState={}, presentReading=0x",
                 l.num("sensor_data_size"), l.num("op_state"), l.num("event_message_enable"), l.num("present_state"),
                 l.num("previous_state"), l.num("event_state"));
  unsigned digits = 2;
  std::uint64_t reading = 0;
  for (auto [name, width] : {std::pair{"present_reading_8", 2u}, {"present_reading_16", 4u}, {"present_reading_32", 8u}}) {
    if (auto v = l.get(name)) {
      reading = *v;
      digits = width;
    }
  }
  fmt::format_to(std::back_inserter(out), "{:0{}X})", reading, digits);
}

// ---- 0x21 GetStateSensorReadings ----------------------------------------------------------------
constexpr FieldDef kGetStateSensorReadingsReq[] = {
    u16le("sensor_id").hex().titled("Sensor ID"),
    u8("sensor_rearm").hex().titled("Sensor rearm (bit n: composite sensor n)"),
    u8("reserved").reserved(),
};
constexpr FieldDef kStateField[] = {
    u8("op_state").names(kSensorOpStates).titled("Sensor operational state"),
    u8("present_state").titled("Present state"),
    u8("previous_state").titled("Previous state"),
    u8("event_state").titled("Event state"),
};
constexpr StructDef kStateFieldStruct{"state_field", kStateField, "{op_state}/{present_state}", ", ",
                                      "Composite sensor"};
constexpr FieldDef kGetStateSensorReadingsRsp[] = {
    u8("composite_count").count_of("sensors").titled("Composite sensor count"),
    list("sensors", kStateFieldStruct).length_from("composite_count").titled("Sensors"),
};

// ---- 0x31 SetNumericEffecterValue / 0x32 GetNumericEffecterValue --------------------------------
constexpr FieldDef kEffecterId[] = {u16le("effecter_id").hex().titled("Effecter ID")};
constexpr FieldDef kSetNumericEffecterValueReq[] = {
    u16le("effecter_id").hex().titled("Effecter ID"),
    u8("effecter_data_size").names(kDataSizes).titled("Effecter data size"),
    MCTPKIT_PLDM_SIZED_VALUE("effecter_value", "Effecter value", kEffecterSize),
};
constexpr FieldDef kGetNumericEffecterValueRsp[] = {
    u8("effecter_data_size").names(kDataSizes).titled("Effecter data size"),
    u8("op_state").names(kEffecterOpStates).titled("Effecter operational state"),
    MCTPKIT_PLDM_SIZED_VALUE("pending_value", "Pending value", kEffecterSize),
    MCTPKIT_PLDM_SIZED_VALUE("present_value", "Present value", kEffecterSize),
};

// ---- 0x39 SetStateEffecterStates / 0x3A GetStateEffecterStates ----------------------------------
constexpr EnumEntry kSetRequest[] = {{0, "no_change"}, {1, "request_set"}};
constexpr FieldDef kSetStateField[] = {
    u8("set_request").names(kSetRequest).fallback(1).titled("Set request"),
    u8("effecter_state").titled("Effecter state"),
};
constexpr StructDef kSetStateStruct{"set_state", kSetStateField, "{set_request}:{effecter_state}", ", ",
                                    "Composite effecter"};
constexpr FieldDef kSetStateEffecterStatesReq[] = {
    u16le("effecter_id").hex().titled("Effecter ID"),
    u8("composite_count").count_of("effecters").titled("Composite effecter count"),
    list("effecters", kSetStateStruct).length_from("composite_count").titled("Effecters"),
};
constexpr FieldDef kGetStateField[] = {
    u8("op_state").names(kEffecterOpStates).titled("Effecter operational state"),
    u8("pending_state").titled("Pending state"),
    u8("present_state").titled("Present state"),
};
constexpr StructDef kGetStateStruct{"effecter_state", kGetStateField, "{op_state}/{present_state}", ", ",
                                    "Composite effecter"};
constexpr FieldDef kGetStateEffecterStatesRsp[] = {
    u8("composite_count").count_of("effecters").titled("Composite effecter count"),
    list("effecters", kGetStateStruct).length_from("composite_count").titled("Effecters"),
};

constexpr LayerDef kLayers[] = {
    command("pldm.get_sensor_reading_req", "get_sensor_reading", "Get Sensor Reading request",
            "pldm.get_sensor_reading", kGetSensorReadingReq, request(kGetSensorReading),
            "GetSensorReading (sensorID=0x{sensor_id:04X}, rearmEventState=0x{rearm_event_state:02X})"),
    command("pldm.get_state_sensor_readings_req", "get_state_sensor_readings", "Get State Sensor Readings request",
            "pldm.get_state_sensor_readings", kGetStateSensorReadingsReq, request(kGetStateSensorReadings),
            "GetStateSensorReadings"),
    command("pldm.get_state_sensor_readings_rsp", "get_state_sensor_readings", "Get State Sensor Readings response",
            "pldm.get_state_sensor_readings", kGetStateSensorReadingsRsp, response(kGetStateSensorReadings),
            "GetStateSensorReadings"),
    command("pldm.set_numeric_effecter_value_req", "set_numeric_effecter_value",
            "Set Numeric Effecter Value request", "pldm.set_numeric_effecter_value", kSetNumericEffecterValueReq,
            request(kSetNumericEffecterValue), "SetNumericEffecterValue"),
    command("pldm.set_numeric_effecter_value_rsp", "set_numeric_effecter_value",
            "Set Numeric Effecter Value response", "pldm.set_numeric_effecter_value", {},
            bodiless_response_binding(kPlatform, kSetNumericEffecterValue), "SetNumericEffecterValue"),
    command("pldm.get_numeric_effecter_value_req", "get_numeric_effecter_value",
            "Get Numeric Effecter Value request", "pldm.get_numeric_effecter_value", kEffecterId,
            request(kGetNumericEffecterValue), "GetNumericEffecterValue"),
    command("pldm.get_numeric_effecter_value_rsp", "get_numeric_effecter_value",
            "Get Numeric Effecter Value response", "pldm.get_numeric_effecter_value", kGetNumericEffecterValueRsp,
            response(kGetNumericEffecterValue), "GetNumericEffecterValue"),
    command("pldm.set_state_effecter_states_req", "set_state_effecter_states", "Set State Effecter States request",
            "pldm.set_state_effecter_states", kSetStateEffecterStatesReq, request(kSetStateEffecterStates),
            "SetStateEffecterStates"),
    command("pldm.set_state_effecter_states_rsp", "set_state_effecter_states",
            "Set State Effecter States response", "pldm.set_state_effecter_states", {},
            bodiless_response_binding(kPlatform, kSetStateEffecterStates), "SetStateEffecterStates"),
    command("pldm.get_state_effecter_states_req", "get_state_effecter_states", "Get State Effecter States request",
            "pldm.get_state_effecter_states", kEffecterId, request(kGetStateEffecterStates),
            "GetStateEffecterStates"),
    command("pldm.get_state_effecter_states_rsp", "get_state_effecter_states",
            "Get State Effecter States response", "pldm.get_state_effecter_states", kGetStateEffecterStatesRsp,
            response(kGetStateEffecterStates), "GetStateEffecterStates"),
};

}  // namespace

const LayerDef kGetSensorReadingResponse =
    command("pldm.get_sensor_reading_rsp", "get_sensor_reading", "Get Sensor Reading response",
            "pldm.get_sensor_reading", kGetSensorReadingRsp, response(kGetSensorReading), {}, summarize_reading);

void register_platform_sensors(Registry& registry) {
  for (const LayerDef& def : kLayers) registry.declare(def);
  registry.declare(kGetSensorReadingResponse);
}

}  // namespace mctpkit::pldm
