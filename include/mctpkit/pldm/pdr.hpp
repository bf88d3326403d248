#pragma once
// Platform Descriptor Records (DSP0248; protocol reference 6.7, "PDR common header"). A record
// decodes as two layers: the common header ("pldm.pdr", craft name `pdr`), then the record body
// found in table "pldm.pdr_type" by PDR type (ids "pldm.pdr.<kind>", craft names
// "<kind>_pdr"). A record type without a layout stays Raw. GetPDR responses that carry a whole
// record (transfer flag StartAndEnd) decode it this way; a PDR can also be decoded or built on
// its own: `decode(bytes, kPdrHeader, registry)`.

#include <cstdint>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::pldm {

enum PdrType : std::uint8_t {
  kTerminusLocatorPdr = 1,
  kNumericSensorPdr = 2,
  kNumericSensorInitPdr = 3,
  kStateSensorPdr = 4,
  kStateSensorInitPdr = 5,
  kSensorAuxiliaryNamesPdr = 6,
  kOemUnitPdr = 7,
  kOemStateSetPdr = 8,
  kNumericEffecterPdr = 9,
  kNumericEffecterInitPdr = 10,
  kStateEffecterPdr = 11,
  kStateEffecterInitPdr = 12,
  kEffecterAuxiliaryNamesPdr = 13,
  kEffecterOemSemanticPdr = 14,
  kEntityAssociationPdr = 15,
  kEntityAuxiliaryNamesPdr = 16,
  kOemEntityIdPdr = 17,
  kInterruptAssociationPdr = 18,
  kEventLogPdr = 19,
  kFruRecordSetPdr = 20,
  kCompactNumericSensorPdr = 21,
  kOemDevicePdr = 126,
  kOemPdr = 127,
};

inline constexpr std::string_view kPdrTypeTable = "pldm.pdr_type";

/// The 10-byte common header: record_handle, header_version, pdr_type, record_change_number,
/// data_length (derived), then the record body.
extern const LayerDef kPdrHeader;

/// Registers the PDR header and every record layout (called by register_platform).
void register_pdr(Registry& registry);
/// The numeric sensor, numeric effecter and compact numeric sensor records (pdr_numeric.cpp).
void register_numeric_pdrs(Registry& registry);

}  // namespace mctpkit::pldm
