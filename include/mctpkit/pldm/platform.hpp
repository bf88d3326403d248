#pragma once
// PLDM platform monitoring and control (type 2, DSP0248). Layer ids are "pldm.<command>_req" /
// "pldm.<command>_rsp", craft names "<command>", field abbreviations "pldm.<command>.<field>".
// Commands whose layout the protocol reference does not give are still named layers, with their
// body as one byte string "data".

#include <cstdint>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

enum PlatformCommand : std::uint8_t {
  kPlatformSetTid = 0x01,
  kPlatformGetTid = 0x02,
  kGetTerminusUid = 0x03,
  kSetEventReceiver = 0x04,
  kGetEventReceiver = 0x05,
  kPlatformEventMessage = 0x0A,
  kPollForPlatformEventMessage = 0x0B,
  kEventMessageSupported = 0x0C,
  kEventMessageBufferSize = 0x0D,
  kSetNumericSensorEnable = 0x10,
  kGetSensorReading = 0x11,
  kGetSensorThresholds = 0x12,
  kSetSensorThresholds = 0x13,
  kRestoreSensorThresholds = 0x14,
  kGetSensorHysteresis = 0x15,
  kSetSensorHysteresis = 0x16,
  kInitNumericSensor = 0x17,
  kSetStateSensorEnables = 0x20,
  kGetStateSensorReadings = 0x21,
  kInitStateSensor = 0x22,
  kSetNumericEffecterEnable = 0x30,
  kSetNumericEffecterValue = 0x31,
  kGetNumericEffecterValue = 0x32,
  kSetStateEffecterEnables = 0x38,
  kSetStateEffecterStates = 0x39,
  kGetStateEffecterStates = 0x3A,
  kGetPldmEventLogInfo = 0x40,
  kEnablePldmEventLogging = 0x41,
  kClearPldmEventLog = 0x42,
  kGetPldmEventLogTimestamp = 0x43,
  kSetPldmEventLogTimestamp = 0x44,
  kReadPldmEventLog = 0x45,
  kGetPldmEventLogPolicyInfo = 0x46,
  kSetPldmEventLogPolicy = 0x47,
  kFindPldmEventLogEntry = 0x48,
  kGetPdrRepositoryInfo = 0x50,
  kGetPdr = 0x51,
  kFindPdr = 0x52,
  kGetPdrRepositorySignature = 0x53,
  kRunInitAgent = 0x58,
};

enum EventClass : std::uint8_t {
  kSensorEvent = 0x00,
  kEffecterEvent = 0x01,
  kRedfishTaskExecutedEvent = 0x02,
  kRedfishMessageEvent = 0x03,
  kPdrRepositoryChangeEvent = 0x04,
  kMessagePollEvent = 0x05,
  kHeartbeatTimerElapsedEvent = 0x06,
  kCperEvent = 0x07,
};

/// Platform transfer flags (GetPDR, PollForPlatformEventMessage): not the base values.
enum PlatformTransferFlag : std::uint8_t {
  kPlatformStart = 0x00,
  kPlatformMiddle = 0x01,
  kPlatformEnd = 0x04,
  kPlatformStartAndEnd = 0x05,
};

/// Event data of PlatformEventMessage (and of a whole PollForPlatformEventMessage event) is
/// found in this table by event class.
inline constexpr std::string_view kEventDataTable = "pldm.event_data";
/// Record data of a GetPDR response carrying whole records (one entry: the PDR header).
inline constexpr std::string_view kPdrRecordTable = "pldm.pdr_record";

extern const LayerDef kPlatformEventMessageRequest;
extern const LayerDef kMessagePollEventData;
extern const LayerDef kGetSensorReadingResponse;
extern const LayerDef kGetPdrResponse;

// Value tables shared by the platform layers and the PDRs.
inline constexpr EnumEntry kDataSizes[] = {
    {0, "uint8"}, {1, "sint8"}, {2, "uint16"}, {3, "sint16"}, {4, "uint32"}, {5, "sint32"}};
inline constexpr EnumEntry kRangeFormats[] = {
    {0, "uint8"}, {1, "sint8"}, {2, "uint16"}, {3, "sint16"}, {4, "uint32"}, {5, "sint32"}, {6, "real32"}};
inline constexpr EnumEntry kSensorOpStates[] = {
    {0, "enabled"}, {1, "disabled"},     {2, "unavailable"},   {3, "status_unknown"},
    {4, "failed"},  {5, "initializing"}, {6, "shutting_down"}, {7, "in_test"}};
inline constexpr EnumEntry kEffecterOpStates[] = {
    {0, "enabled_update_pending"}, {1, "enabled_no_update_pending"}, {2, "disabled"},
    {3, "unavailable"}, {4, "status_unknown"}, {5, "failed"}, {6, "initializing"}, {7, "shutting_down"},
    {8, "in_test"}};
inline constexpr EnumEntry kNumericStates[] = {
    {0, "unknown"},        {1, "normal"},        {2, "warning"},         {3, "critical"},
    {4, "fatal"},          {5, "lower_warning"}, {6, "lower_critical"},  {7, "lower_fatal"},
    {8, "upper_warning"},  {9, "upper_critical"}, {10, "upper_fatal"}};
inline constexpr EnumEntry kEventClasses[] = {
    {kSensorEvent, "sensor"}, {kEffecterEvent, "effecter"}, {kRedfishTaskExecutedEvent, "redfish_task_executed"},
    {kRedfishMessageEvent, "redfish_message"}, {kPdrRepositoryChangeEvent, "pdr_repository_change"},
    {kMessagePollEvent, "message_poll"}, {kHeartbeatTimerElapsedEvent, "heartbeat_timer_elapsed"},
    {kCperEvent, "cper"}};
inline constexpr EnumEntry kPlatformTransferFlags[] = {
    {kPlatformStart, "start"}, {kPlatformMiddle, "middle"}, {kPlatformEnd, "end"},
    {kPlatformStartAndEnd, "start_and_end"}};
inline constexpr EnumEntry kTransferOperations[] = {{0, "get_next_part"}, {1, "get_first_part"}, {2, "ack_only"}};

/// Name of a completion code of a platform command, command-specific codes included (the
/// values 0x80 and up mean different things per command); empty when it has no name.
std::string_view platform_completion_code_name(std::uint8_t command, std::uint8_t cc);

// Parts of register_platform (which also registers the PDRs), one per source file.
void register_platform_events(Registry& registry);   // platform_events.cpp
void register_platform_sensors(Registry& registry);  // platform_sensors.cpp: sensors and effecters

namespace detail {

/// Bytes of a value whose size a sensorDataSize / effecterDataSize / rangeFieldFormat code
/// gives (uint8/sint8 1, uint16/sint16 2, uint32/sint32/real32 4); 0 for an unknown code.
constexpr unsigned value_width(std::uint64_t code) { return code <= 1 ? 1 : code <= 3 ? 2 : code <= 6 ? 4 : 0; }

/// What a sized value's bits mean, by its size code (sint8/16/32 signed, real32 a float).
constexpr Numeric value_numeric(std::uint64_t code) {
  return code == 1 || code == 3 || code == 5 ? Numeric::Signed : code == 6 ? Numeric::Real32 : Numeric::Unsigned;
}

/// numeric_by of a sized value whose size code is in field `SizeField`.
template <const std::string_view& SizeField>
Numeric sized_numeric(const Fields& f) {
  return value_numeric(f.num(SizeField));
}

/// Condition of the variant of a sized value that is `Width` bytes wide, the size code being in
/// field `SizeField`: `u16le("max_16").when(has_width<kSize, 2>)`.
template <const std::string_view& SizeField, unsigned Width>
bool has_width(const Fields& f) {
  return value_width(f.num(SizeField)) == Width;
}

}  // namespace detail

}  // namespace mctpkit::pldm

/// The three widths of one value whose size and signedness the code in `size_field` (a
/// std::string_view constant naming a field) selects: `<name>_8`, `<name>_16`, `<name>_32`, only
/// the selected one present.
#define MCTPKIT_PLDM_SIZED_VALUE(name, title, size_field)                                                        \
  ::mctpkit::u8(name "_8")                                                                                       \
      .when(::mctpkit::pldm::detail::has_width<size_field, 1>)                                                   \
      .numeric_from(::mctpkit::pldm::detail::sized_numeric<size_field>)                                          \
      .titled(title),                                                                                            \
      ::mctpkit::u16le(name "_16")                                                                               \
          .when(::mctpkit::pldm::detail::has_width<size_field, 2>)                                               \
          .numeric_from(::mctpkit::pldm::detail::sized_numeric<size_field>)                                      \
          .titled(title),                                                                                        \
      ::mctpkit::u32le(name "_32")                                                                               \
          .when(::mctpkit::pldm::detail::has_width<size_field, 4>)                                               \
          .numeric_from(::mctpkit::pldm::detail::sized_numeric<size_field>)                                      \
          .titled(title)
