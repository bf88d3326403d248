// Numeric sensor (2), numeric effecter (9) and compact numeric sensor (21) PDRs (protocol
// reference 6.7). Values whose width follows sensorDataSize / effecterDataSize / rangeFieldFormat
// are declared once per width (`<name>_8`, `<name>_16`, `<name>_32`), only the one the size code
// selects being present (MCTPKIT_PLDM_SIZED_VALUE). sint and real32 values read as signed numbers
// and floats in the tree, JSON, fields and filters.

#include "mctpkit/pldm/pdr.hpp"
#include "mctpkit/pldm/platform.hpp"

namespace mctpkit::pldm {

namespace {

using detail::has_width;

constexpr std::string_view kSensorSize = "sensor_data_size";
constexpr std::string_view kEffecterSize = "effecter_data_size";
constexpr std::string_view kRangeFormat = "range_field_format";

constexpr EnumEntry kSensorInit[] = {{0, "no_init"}, {1, "use_init_pdr"}, {2, "enable_sensor"}, {3, "disable_sensor"}};
constexpr EnumEntry kEffecterInit[] = {
    {0, "no_init"}, {1, "use_init_pdr"}, {2, "enable_effecter"}, {3, "disable_effecter"}};
// A few units of DSP0248 Table 74 (the full list is long; others show as numbers).
constexpr EnumEntry kUnits[] = {
    {0, "none"}, {1, "unspecified"}, {2, "degrees_c"}, {3, "degrees_f"}, {4, "kelvins"}, {5, "volts"},
    {6, "amps"}, {7, "watts"}, {8, "joules"}, {19, "rpm"}, {20, "hertz"}, {21, "seconds"}, {65, "percent"},
    {255, "oem_unit"}};

constexpr FieldDef kNumericSensor[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("sensor_id").titled("Sensor ID"),
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
    u8("sensor_init").names(kSensorInit).titled("Sensor init"),
    u8("aux_names_pdr").titled("Sensor auxiliary names PDR"),
    u8("base_unit").names(kUnits).titled("Base unit"),
    u8("unit_modifier").as_signed().titled("Unit modifier (sint8)"),
    u8("rate_unit").titled("Rate unit"),
    u8("base_oem_unit_handle").titled("Base OEM unit handle"),
    u8("aux_unit").names(kUnits).titled("Auxiliary unit"),
    u8("aux_unit_modifier").as_signed().titled("Auxiliary unit modifier (sint8)"),
    u8("aux_rate_unit").titled("Auxiliary rate unit"),
    u8("rel").titled("Rel"),
    u8("aux_oem_unit_handle").titled("Auxiliary OEM unit handle"),
    u8("is_linear").titled("Is linear"),
    u8("sensor_data_size").names(kDataSizes).titled("Sensor data size"),
    u32le("resolution").as_real32().titled("Resolution (real32)"),
    u32le("offset").as_real32().titled("Offset (real32)"),
    u16le("accuracy").titled("Accuracy"),
    u8("plus_tolerance").titled("Plus tolerance"),
    u8("minus_tolerance").titled("Minus tolerance"),
    MCTPKIT_PLDM_SIZED_VALUE("hysteresis", "Hysteresis", kSensorSize),
    u8("supported_thresholds").hex().titled("Supported thresholds"),
    u8("threshold_volatility").hex().titled("Threshold and hysteresis volatility"),
    u32le("state_transition_interval").as_real32().titled("State transition interval (real32)"),
    u32le("update_interval").as_real32().titled("Update interval (real32)"),
    MCTPKIT_PLDM_SIZED_VALUE("max_readable", "Max readable", kSensorSize),
    MCTPKIT_PLDM_SIZED_VALUE("min_readable", "Min readable", kSensorSize),
    u8("range_field_format").names(kRangeFormats).titled("Range field format"),
    u8("range_field_support").hex().titled("Range field support"),
    MCTPKIT_PLDM_SIZED_VALUE("nominal_value", "Nominal value", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("normal_max", "Normal max", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("normal_min", "Normal min", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("warning_high", "Warning high", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("warning_low", "Warning low", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("critical_high", "Critical high", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("critical_low", "Critical low", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("fatal_high", "Fatal high", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("fatal_low", "Fatal low", kRangeFormat),
};

constexpr FieldDef kNumericEffecter[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("effecter_id").titled("Effecter ID"),
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
    u16le("effecter_semantic_id").titled("Effecter semantic ID"),
    u8("effecter_init").names(kEffecterInit).titled("Effecter init"),
    u8("aux_names_pdr").titled("Effecter auxiliary names PDR"),
    u8("base_unit").names(kUnits).titled("Base unit"),
    u8("unit_modifier").as_signed().titled("Unit modifier (sint8)"),
    u8("rate_unit").titled("Rate unit"),
    u8("base_oem_unit_handle").titled("Base OEM unit handle"),
    u8("aux_unit").names(kUnits).titled("Auxiliary unit"),
    u8("aux_unit_modifier").as_signed().titled("Auxiliary unit modifier (sint8)"),
    u8("aux_rate_unit").titled("Auxiliary rate unit"),
    u8("aux_oem_unit_handle").titled("Auxiliary OEM unit handle"),
    u8("is_linear").titled("Is linear"),
    u8("effecter_data_size").names(kDataSizes).titled("Effecter data size"),
    u32le("resolution").as_real32().titled("Resolution (real32)"),
    u32le("offset").as_real32().titled("Offset (real32)"),
    u16le("accuracy").titled("Accuracy"),
    u8("plus_tolerance").titled("Plus tolerance"),
    u8("minus_tolerance").titled("Minus tolerance"),
    u32le("state_transition_interval").as_real32().titled("State transition interval (real32)"),
    u32le("transition_interval").as_real32().titled("Transition interval (real32)"),
    MCTPKIT_PLDM_SIZED_VALUE("max_settable", "Max settable", kEffecterSize),
    MCTPKIT_PLDM_SIZED_VALUE("min_settable", "Min settable", kEffecterSize),
    u8("range_field_format").names(kRangeFormats).titled("Range field format"),
    u8("range_field_support").hex().titled("Range field support"),
    MCTPKIT_PLDM_SIZED_VALUE("nominal_value", "Nominal value", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("normal_max", "Normal max", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("normal_min", "Normal min", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("rated_max", "Rated max", kRangeFormat),
    MCTPKIT_PLDM_SIZED_VALUE("rated_min", "Rated min", kRangeFormat),
};

constexpr FieldDef kCompactNumericSensor[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("sensor_id").titled("Sensor ID"),
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
    u8("sensor_name_length").length_of("sensor_name").titled("Sensor name string byte length"),
    u8("base_unit").names(kUnits).titled("Base unit"),
    u8("unit_modifier").as_signed().titled("Unit modifier (sint8)"),
    u8("occurrence_rate").titled("Occurrence rate"),
    u8("range_field_support").hex().titled("Range field support"),
    u32le("warning_high").as_signed().titled("Warning high (sint32)"),
    u32le("warning_low").as_signed().titled("Warning low (sint32)"),
    u32le("critical_high").as_signed().titled("Critical high (sint32)"),
    u32le("critical_low").as_signed().titled("Critical low (sint32)"),
    u32le("fatal_high").as_signed().titled("Fatal high (sint32)"),
    u32le("fatal_low").as_signed().titled("Fatal low (sint32)"),
    bytes("sensor_name").length_from("sensor_name_length").show(Display::Ascii).titled("Sensor name"),
};

constexpr LayerDef record(std::string_view id, std::string_view craft, std::string_view title,
                          std::span<const FieldDef> fields, std::uint8_t type, std::string_view summary) {
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = id, .fields = fields,
                  .summary = summary, .bind = {kPdrTypeTable, Key{type}}};
}

constexpr LayerDef kRecords[] = {
    record("pldm.pdr.numeric_sensor", "numeric_sensor_pdr", "Numeric sensor PDR", kNumericSensor,
           kNumericSensorPdr, "NumericSensorPDR"),
    record("pldm.pdr.numeric_effecter", "numeric_effecter_pdr", "Numeric effecter PDR", kNumericEffecter,
           kNumericEffecterPdr, "NumericEffecterPDR"),
    record("pldm.pdr.compact_numeric_sensor", "compact_numeric_sensor_pdr", "Compact numeric sensor PDR",
           kCompactNumericSensor, kCompactNumericSensorPdr, "CompactNumericSensorPDR"),
};

}  // namespace

void register_numeric_pdrs(Registry& registry) {
  for (const LayerDef& def : kRecords) registry.declare(def);
}

}  // namespace mctpkit::pldm
