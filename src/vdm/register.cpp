#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit::vdm {

namespace {
constexpr FieldDef kVendorDataFields[] = {bytes("data").titled("Vendor data")};
}  // namespace

const LayerDef kVendorData{
    .id = "vdm_data",
    .title = "Vendor data (no vendor layer)",
    .abbrev = "vdm_data",
    .fields = kVendorDataFields,
    .summary = "VendorData",
};

void register_vdm(Registry& registry) {
  registry.declare(kPciHeader);
  registry.declare(kIanaHeader);
  registry.declare(kVendorData);
}

}  // namespace mctpkit::vdm
