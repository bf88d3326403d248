// The PDR repository of a terminus model, each record built from the registry's PDR layers
// (common header, then the record body) so that it is exactly what a decoder reads back.
// Record handles are 1, 2, 3... in this order: terminus locator, numeric sensors, state
// sensors, numeric effecters, state effecters, entity associations, FRU record sets.

#include "detail/handlers.hpp"
#include "detail/values.hpp"
#include "mctpkit/pldm/pdr.hpp"

namespace mctpkit::endpoint::detail {

namespace {

class RepositoryBuilder {
 public:
  RepositoryBuilder(const Registry& registry) : registry_(registry) {}

  void add(std::uint8_t pdr_type, Layer body) {
    std::uint32_t handle = static_cast<std::uint32_t>(records_.size() + 1);
    Frame record = Layer(pldm::kPdrHeader, {{"record_handle", handle}, {"pdr_type", pdr_type}}) / std::move(body);
    records_.push_back(record.build(registry_));
  }
  Layer body(std::string_view id, std::initializer_list<FieldInit> init) { return make(registry_, id, init); }
  std::vector<Fields> states(const Layer& probe, std::string_view list_name, std::uint16_t state_set,
                             const Bytes& possible) {
    const FieldDef& list = probe.defs()[probe.index_of(list_name)];
    std::vector<Fields> out;
    out.emplace_back(*list.element,
                     std::initializer_list<FieldInit>{{"state_set_id", state_set}, {"possible_states", possible}});
    return out;
  }
  std::vector<Bytes> take() { return std::move(records_); }

 private:
  const Registry& registry_;
  std::vector<Bytes> records_;
};

}  // namespace

std::vector<Bytes> build_pdr_repository(const PldmModel& model, std::uint8_t eid, const Registry& registry) {
  RepositoryBuilder b(registry);
  std::uint16_t th = model.terminus_handle;
  if (model.terminus_locator) {
    b.add(pldm::kTerminusLocatorPdr, b.body("pldm.pdr.terminus_locator",
                                            {{"terminus_handle", th}, {"validity", 1}, {"tid", model.tid},
                                             {"container_id", 0}, {"locator_type", 1}, {"locator_value", Bytes{eid}}}));
  }
  for (const NumericSensor& s : model.numeric_sensors) {
    Layer body = b.body("pldm.pdr.numeric_sensor",
                        {{"terminus_handle", th}, {"sensor_id", s.id}, {"entity_type", s.entity.type},
                         {"entity_instance", s.entity.instance}, {"container_id", s.entity.container},
                         {"base_unit", s.base_unit}, {"sensor_data_size", s.data_size}, {"resolution", 0x3F800000},
                         {"range_field_format", s.data_size}});
    auto [lo, hi] = value_range(s.data_size);
    body.set(sized_field("max_readable", s.data_size), to_raw(hi, s.data_size));
    body.set(sized_field("min_readable", s.data_size), to_raw(lo, s.data_size));
    b.add(pldm::kNumericSensorPdr, std::move(body));
  }
  for (const StateSensor& s : model.state_sensors) {
    Layer body = b.body("pldm.pdr.state_sensor",
                        {{"terminus_handle", th}, {"sensor_id", s.id}, {"entity_type", s.entity.type},
                         {"entity_instance", s.entity.instance}, {"container_id", s.entity.container}});
    body.set("sensors", b.states(body, "sensors", s.state_set, s.possible_states));
    b.add(pldm::kStateSensorPdr, std::move(body));
  }
  for (const NumericEffecter& e : model.numeric_effecters) {
    Layer body = b.body("pldm.pdr.numeric_effecter",
                        {{"terminus_handle", th}, {"effecter_id", e.id}, {"entity_type", e.entity.type},
                         {"entity_instance", e.entity.instance}, {"container_id", e.entity.container},
                         {"base_unit", e.base_unit}, {"effecter_data_size", e.data_size}, {"resolution", 0x3F800000},
                         {"range_field_format", e.data_size}});
    body.set(sized_field("max_settable", e.data_size), to_raw(e.max, e.data_size));
    body.set(sized_field("min_settable", e.data_size), to_raw(e.min, e.data_size));
    b.add(pldm::kNumericEffecterPdr, std::move(body));
  }
  for (const StateEffecter& e : model.state_effecters) {
    Layer body = b.body("pldm.pdr.state_effecter",
                        {{"terminus_handle", th}, {"effecter_id", e.id}, {"entity_type", e.entity.type},
                         {"entity_instance", e.entity.instance}, {"container_id", e.entity.container}});
    body.set("effecters", b.states(body, "effecters", e.state_set, e.possible_states));
    b.add(pldm::kStateEffecterPdr, std::move(body));
  }
  for (const EntityAssociation& a : model.entity_associations) {
    Layer body = b.body("pldm.pdr.entity_association",
                        {{"container_id", a.container_id}, {"association_type", a.association_type},
                         {"container_entity_type", a.container.type},
                         {"container_entity_instance", a.container.instance},
                         {"container_entity_container_id", a.container.container}});
    const FieldDef& list = body.defs()[body.index_of("contained")];
    std::vector<Fields> contained;
    for (const Entity& e : a.contained) {
      contained.emplace_back(*list.element, std::initializer_list<FieldInit>{{"entity_type", e.type},
                                                                            {"entity_instance", e.instance},
                                                                            {"container_id", e.container}});
    }
    body.set("contained", contained);
    b.add(pldm::kEntityAssociationPdr, std::move(body));
  }
  for (const FruRecordSet& f : model.fru_record_sets) {
    b.add(pldm::kFruRecordSetPdr, b.body("pldm.pdr.fru_record_set",
                                         {{"terminus_handle", th}, {"fru_rsi", f.id}, {"entity_type", f.entity.type},
                                          {"entity_instance", f.entity.instance},
                                          {"container_id", f.entity.container}}));
  }
  return b.take();
}

}  // namespace mctpkit::endpoint::detail
