// The PDR common header and the records without value-sized fields (protocol reference 6.7).
// Numeric records are in pdr_numeric.cpp. Multi-byte fields are little-endian.

#include "mctpkit/pldm/pdr.hpp"

#include "mctpkit/pldm/platform.hpp"

namespace mctpkit::pldm {

namespace {

constexpr EnumEntry kPdrTypes[] = {
    {kTerminusLocatorPdr, "terminus_locator"},
    {kNumericSensorPdr, "numeric_sensor"},
    {kNumericSensorInitPdr, "numeric_sensor_init"},
    {kStateSensorPdr, "state_sensor"},
    {kStateSensorInitPdr, "state_sensor_init"},
    {kSensorAuxiliaryNamesPdr, "sensor_auxiliary_names"},
    {kOemUnitPdr, "oem_unit"},
    {kOemStateSetPdr, "oem_state_set"},
    {kNumericEffecterPdr, "numeric_effecter"},
    {kNumericEffecterInitPdr, "numeric_effecter_init"},
    {kStateEffecterPdr, "state_effecter"},
    {kStateEffecterInitPdr, "state_effecter_init"},
    {kEffecterAuxiliaryNamesPdr, "effecter_auxiliary_names"},
    {kEffecterOemSemanticPdr, "effecter_oem_semantic"},
    {kEntityAssociationPdr, "entity_association"},
    {kEntityAuxiliaryNamesPdr, "entity_auxiliary_names"},
    {kOemEntityIdPdr, "oem_entity_id"},
    {kInterruptAssociationPdr, "interrupt_association"},
    {kEventLogPdr, "event_log"},
    {kFruRecordSetPdr, "fru_record_set"},
    {kCompactNumericSensorPdr, "compact_numeric_sensor"},
    {kOemDevicePdr, "oem_device"},
    {kOemPdr, "oem"},
};

// Header version 1 is the only one defined; other values are shown, not rejected.
constexpr FieldDef kHeaderFields[] = {
    u32le("record_handle").titled("Record handle"),
    u8("header_version").fallback(1).titled("PDR header version"),
    u8("pdr_type").names(kPdrTypes).titled("PDR type"),
    u16le("record_change_number").titled("Record change number"),
    u16le("data_length").length_after().titled("Data length"),
    payload().length_from("data_length"),
};

constexpr LayerDef record(std::string_view id, std::string_view craft, std::string_view title,
                          std::span<const FieldDef> fields, std::uint8_t type, std::string_view summary) {
  return LayerDef{.id = id, .craft_name = craft, .title = title, .abbrev = id, .fields = fields,
                  .summary = summary, .bind = {kPdrTypeTable, Key{type}}};
}

// ---- Terminus locator (1) -----------------------------------------------------------------------
constexpr EnumEntry kValidity[] = {{0, "not_valid"}, {1, "valid"}};
constexpr EnumEntry kLocatorTypes[] = {{0, "uid"}, {1, "mctp_eid"}, {2, "smbus_relative"}, {3, "system_software"}};
constexpr FieldDef kTerminusLocator[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u8("validity").names(kValidity).titled("Validity"),
    u8("tid").titled("TID"),
    u16le("container_id").titled("Container ID"),
    u8("locator_type").names(kLocatorTypes).titled("Terminus locator type"),
    u8("locator_value_size").length_of("locator_value").titled("Terminus locator value size"),
    bytes("locator_value").length_from("locator_value_size").titled("Terminus locator value"),
};

// ---- State sensor (4) / state effecter (11) -----------------------------------------------------
constexpr EnumEntry kSensorInit[] = {{0, "no_init"}, {1, "use_init_pdr"}, {2, "enable_sensor"}, {3, "disable_sensor"}};
constexpr EnumEntry kEffecterInit[] = {
    {0, "no_init"}, {1, "use_init_pdr"}, {2, "enable_effecter"}, {3, "disable_effecter"}};

constexpr FieldDef kPossibleStates[] = {
    u16le("state_set_id").titled("State set ID"),
    u8("possible_states_size").length_of("possible_states").titled("Possible states size"),
    bytes("possible_states").length_from("possible_states_size").titled("Possible states (bit n: state n)"),
};
constexpr StructDef kPossibleStatesStruct{"possible_states", kPossibleStates,
                                          "{state_set_id}: {possible_states}", ", ", "Composite state"};

constexpr FieldDef kStateSensor[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("sensor_id").titled("Sensor ID"),
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
    u8("sensor_init").names(kSensorInit).titled("Sensor init"),
    u8("aux_names_pdr").titled("Sensor auxiliary names PDR"),
    u8("composite_count").count_of("sensors").titled("Composite sensor count"),
    list("sensors", kPossibleStatesStruct).length_from("composite_count").titled("Sensors"),
};
constexpr FieldDef kStateEffecter[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("effecter_id").titled("Effecter ID"),
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
    u16le("effecter_semantic_id").titled("Effecter semantic ID"),
    u8("effecter_init").names(kEffecterInit).titled("Effecter init"),
    u8("description_pdr").titled("Effecter description PDR"),
    u8("composite_count").count_of("effecters").titled("Composite effecter count"),
    list("effecters", kPossibleStatesStruct).length_from("composite_count").titled("Effecters"),
};

// ---- Sensor (6) / effecter (13) auxiliary names [layout from DSP0248, 1src] ---------------------
// Each name is a NUL-terminated ASCII language tag then a NUL-terminated UTF-16BE name; the core
// cannot size a field by its terminator, so the names stay one byte string.
constexpr FieldDef kSensorAuxNames[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("sensor_id").titled("Sensor ID"),
    u8("sensor_count").titled("Sensor count"),
    bytes("names").titled("Name strings (count, language tag, UTF-16BE name per sensor)"),
};
constexpr FieldDef kEffecterAuxNames[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("effecter_id").titled("Effecter ID"),
    u8("effecter_count").titled("Effecter count"),
    bytes("names").titled("Name strings (count, language tag, UTF-16BE name per effecter)"),
};

// ---- Entity association (15) --------------------------------------------------------------------
constexpr EnumEntry kAssociationTypes[] = {{0, "physical"}, {1, "logical"}};
constexpr FieldDef kEntity[] = {
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
};
constexpr StructDef kEntityStruct{"entity", kEntity, "{entity_type}.{entity_instance}@{container_id}", ", ",
                                  "Contained entity"};
constexpr FieldDef kEntityAssociation[] = {
    u16le("container_id").titled("Container ID"),
    u8("association_type").names(kAssociationTypes).titled("Association type"),
    u16le("container_entity_type").titled("Container entity type"),
    u16le("container_entity_instance").titled("Container entity instance number"),
    u16le("container_entity_container_id").titled("Container entity container ID"),
    u8("contained_count").count_of("contained").titled("Contained entity count"),
    list("contained", kEntityStruct).length_from("contained_count").titled("Contained entities"),
};

// ---- FRU record set (20) ------------------------------------------------------------------------
constexpr FieldDef kFruRecordSet[] = {
    u16le("terminus_handle").titled("PLDM terminus handle"),
    u16le("fru_rsi").titled("FRU record set identifier"),
    u16le("entity_type").titled("Entity type"),
    u16le("entity_instance").titled("Entity instance number"),
    u16le("container_id").titled("Container ID"),
};

constexpr LayerDef kRecords[] = {
    record("pldm.pdr.terminus_locator", "terminus_locator_pdr", "Terminus locator PDR", kTerminusLocator,
           kTerminusLocatorPdr, "TerminusLocatorPDR"),
    record("pldm.pdr.state_sensor", "state_sensor_pdr", "State sensor PDR", kStateSensor, kStateSensorPdr,
           "StateSensorPDR"),
    record("pldm.pdr.sensor_auxiliary_names", "sensor_auxiliary_names_pdr", "Sensor auxiliary names PDR",
           kSensorAuxNames, kSensorAuxiliaryNamesPdr, "SensorAuxiliaryNamesPDR"),
    record("pldm.pdr.state_effecter", "state_effecter_pdr", "State effecter PDR", kStateEffecter, kStateEffecterPdr,
           "StateEffecterPDR"),
    record("pldm.pdr.effecter_auxiliary_names", "effecter_auxiliary_names_pdr", "Effecter auxiliary names PDR",
           kEffecterAuxNames, kEffecterAuxiliaryNamesPdr, "EffecterAuxiliaryNamesPDR"),
    record("pldm.pdr.entity_association", "entity_association_pdr", "Entity association PDR", kEntityAssociation,
           kEntityAssociationPdr, "EntityAssociationPDR"),
    record("pldm.pdr.fru_record_set", "fru_record_set_pdr", "FRU record set PDR", kFruRecordSet, kFruRecordSetPdr,
           "FRURecordSetPDR"),
};

}  // namespace

const LayerDef kPdrHeader{
    .id = "pldm.pdr",
    .craft_name = "pdr",
    .title = "PDR common header",
    .abbrev = "pldm.pdr",
    .fields = kHeaderFields,
    .summary = "PDR",
    .next = {.table = kPdrTypeTable, .key = {"pdr_type"}},
    .bind = {kPdrRecordTable, Key{}},
};

void register_pdr(Registry& registry) {
  registry.declare(kPdrHeader);
  for (const LayerDef& def : kRecords) registry.declare(def);
  register_numeric_pdrs(registry);
}

}  // namespace mctpkit::pldm
