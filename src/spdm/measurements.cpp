// GET_MEASUREMENTS / MEASUREMENTS (protocol reference 7.6; layouts single source: libspdm,
// cross-read with DSP0274).
//
// The request's Param1 says whether a nonce and slot follow, so GET_MEASUREMENTS owns its
// params (see params_in_body). Both messages grew with the version (SlotIDParam in 1.1,
// RequesterContext in 1.3): each layout is its own layer, bound for its versions.

#include <fmt/format.h>

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/format.hpp"
#include "spdm/body.hpp"

namespace mctpkit::spdm::detail {

namespace {

// ---- GET_MEASUREMENTS --------------------------------------------------------------------------
constexpr EnumEntry kAttributes[] = {
    {0x01, "SIGNATURE_REQUESTED"}, {0x02, "RAW_BIT_STREAM_REQUESTED"}, {0x04, "NEW_MEASUREMENT_REQUESTED"}};
// Any other operation is the index of one measurement block.
constexpr EnumEntry kOperations[] = {{0x00, "TOTAL_NUMBER"}, {0xFF, "ALL"}};

bool signed_request(const Fields& f) { return (f.num("attributes") & 0x01) != 0; }

constexpr FieldDef kGetMeasurementsReq10[] = {
    u8("attributes").flags(kAttributes).also("param1").titled("Param1: request attributes"),
    u8("operation").names(kOperations).also("param2").titled("Param2: measurement operation"),
    bytes("nonce").fixed(32).when(signed_request).titled("Nonce"),
};
constexpr FieldDef kGetMeasurementsReq11[] = {
    u8("attributes").flags(kAttributes).also("param1").titled("Param1: request attributes"),
    u8("operation").names(kOperations).also("param2").titled("Param2: measurement operation"),
    bytes("nonce").fixed(32).when(signed_request).titled("Nonce"),
    u8("slot_id").hex().when(signed_request).titled("SlotIDParam ([3:0] slot ID)"),
};
// 1.3: the RequesterContext is there whether or not a signature is requested.
constexpr FieldDef kGetMeasurementsReq13[] = {
    u8("attributes").flags(kAttributes).also("param1").titled("Param1: request attributes"),
    u8("operation").names(kOperations).also("param2").titled("Param2: measurement operation"),
    bytes("nonce").fixed(32).when(signed_request).titled("Nonce"),
    u8("slot_id").hex().when(signed_request).titled("SlotIDParam ([3:0] slot ID)"),
    bytes("requester_context").fixed(8).titled("RequesterContext"),
};

// ---- MEASUREMENTS ------------------------------------------------------------------------------
constexpr EnumEntry kMeasurementSpecs[] = {{0x01, "DMTF"}};
constexpr EnumEntry kValueTypes[] = {
    {0, "IMMUTABLE_ROM"},        {1, "MUTABLE_FIRMWARE"},     {2, "HARDWARE_CONFIGURATION"},
    {3, "FIRMWARE_CONFIGURATION"}, {4, "MEASUREMENT_MANIFEST"}, {5, "DEVICE_MODE"},
    {6, "VERSION"},              {7, "SECURE_VERSION_NUMBER"},
};

bool dmtf(const Fields& f) { return f.num("measurement_specification") == 0x01; }
bool not_dmtf(const Fields& f) { return !dmtf(f); }
std::uint64_t block_size(const DeriveContext& c) {
  return dmtf(c.fields) ? 3 + c.fields.bytes("value").size() : c.fields.bytes("measurement").size();
}

// A measurement block: Index, MeasurementSpecification, MeasurementSize, Measurement. With the
// DMTF specification the measurement is DMTFSpecMeasurementValueType ([7] raw bit stream, [6:0]
// type), DMTFSpecMeasurementValueSize and the value. The block's own size frames it, so a
// value size that disagrees cannot throw the following blocks off.
constexpr FieldDef kBlock[] = {
    u8("index").titled("Index"),
    u8("measurement_specification").flags(kMeasurementSpecs).titled("MeasurementSpecification"),
    u16le("measurement_size").derived(block_size).titled("MeasurementSize"),
    flag("raw_bit_stream").when(dmtf).titled("Raw bit stream (not a digest)"),
    bits("value_type", 7).names(kValueTypes).when(dmtf).titled("DMTFSpecMeasurementValueType"),
    u16le("value_size").length_of("value").when(dmtf).titled("DMTFSpecMeasurementValueSize"),
    bytes("value").length_from("measurement_size", -3).when(dmtf).titled("DMTFSpecMeasurementValue"),
    bytes("measurement").length_from("measurement_size").when(not_dmtf).titled("Measurement"),
};
constexpr StructDef kBlockStruct{"measurement_block", kBlock, "#{index}", ", ", "Measurement block"};

// Param1 is the total number of measurements (operation 0) and Param2 the slot and
// content-changed bits: neither changes the layout, so they stay in the header.
constexpr FieldDef kMeasurementsRsp10[] = {
    u8("number_of_blocks").count_of("blocks").titled("NumberOfBlocks"),
    u24le("record_length").length_of("blocks").titled("MeasurementRecordLength"),
    list("blocks", kBlockStruct).length_from("number_of_blocks").titled("Measurement record"),
    bytes("nonce").fixed(32).titled("Nonce"),
    u16le("opaque_length").length_of("opaque_data").titled("OpaqueDataLength"),
    bytes("opaque_data").length_from("opaque_length").titled("OpaqueData"),
    // Present when the request asked for one; its size depends on the negotiated algorithm.
    bytes("signature").titled("Signature (when requested)"),
};
constexpr FieldDef kMeasurementsRsp13[] = {
    u8("number_of_blocks").count_of("blocks").titled("NumberOfBlocks"),
    u24le("record_length").length_of("blocks").titled("MeasurementRecordLength"),
    list("blocks", kBlockStruct).length_from("number_of_blocks").titled("Measurement record"),
    bytes("nonce").fixed(32).titled("Nonce"),
    u16le("opaque_length").length_of("opaque_data").titled("OpaqueDataLength"),
    bytes("opaque_data").length_from("opaque_length").titled("OpaqueData"),
    bytes("requester_context").fixed(8).titled("RequesterContext"),
    bytes("signature").titled("Signature (when requested)"),
};

std::string_view value_type_name(std::uint64_t type) {
  for (const EnumEntry& e : kValueTypes) {
    if (e.value == type) return e.name;
  }
  return {};
}

// "MEASUREMENTS (blocks: #1 MUTABLE_FIRMWARE 48 bytes, #2 ..., opaque_data: 0 bytes, ...)"
void summarize(const Layer& l, std::string& out) {
  out += "MEASUREMENTS (blocks: ";
  const auto& blocks = l.items("blocks");
  if (blocks.empty()) out += "none";
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const Fields& b = blocks[k];
    if (k != 0) out += ", ";
    fmt::format_to(std::back_inserter(out), "#{}", b.num("index"));
    if (dmtf(b)) {
      std::string_view name = value_type_name(b.num("value_type"));
      if (name.empty()) {
        fmt::format_to(std::back_inserter(out), " type {}", b.num("value_type"));
      } else {
        fmt::format_to(std::back_inserter(out), " {}", name);
      }
      if (b.num("raw_bit_stream")) out += " raw";
      fmt::format_to(std::back_inserter(out), " {} bytes", b.bytes("value").size());
    } else {
      fmt::format_to(std::back_inserter(out), " spec 0x{:02X} {} bytes", b.num("measurement_specification"),
                     b.bytes("measurement").size());
    }
  }
  fmt::format_to(std::back_inserter(out), ", opaque_data: {} bytes, signature: {} bytes)",
                 l.bytes("opaque_data").size(), l.bytes("signature").size());
}

constexpr LayerDef kLayers[] = {
    body("spdm_get_measurements", "get_measurements", "GET_MEASUREMENTS request", "spdm.get_measurements",
         kGetMeasurementsReq13, "GET_MEASUREMENTS"),
    body("spdm_get_measurements_v10", "get_measurements", "GET_MEASUREMENTS request (1.0)", "spdm.get_measurements",
         kGetMeasurementsReq10, "GET_MEASUREMENTS"),
    body("spdm_get_measurements_v11", "get_measurements", "GET_MEASUREMENTS request (1.1)",
         "spdm.get_measurements", kGetMeasurementsReq11, "GET_MEASUREMENTS"),
    body("spdm_measurements", "measurements", "MEASUREMENTS response", "spdm.measurements", kMeasurementsRsp13, {},
         summarize),
    body("spdm_measurements_v10", "measurements", "MEASUREMENTS response (1.0)", "spdm.measurements",
         kMeasurementsRsp10, {}, summarize),
};

constexpr LayerDef kGetMeasurements12 =
    for_version(kLayers[2], "spdm_get_measurements_v12", "GET_MEASUREMENTS request (1.2)");
constexpr LayerDef kMeasurements11 = for_version(kLayers[4], "spdm_measurements_v11", "MEASUREMENTS response (1.1)");
constexpr LayerDef kMeasurements12 = for_version(kLayers[4], "spdm_measurements_v12", "MEASUREMENTS response (1.2)");

constexpr Body kBodies[] = {
    {&kLayers[0], kGetMeasurements, 3, 15}, {&kGetMeasurements12, kGetMeasurements, 2, 2},
    {&kLayers[2], kGetMeasurements, 1, 1},  {&kLayers[1], kGetMeasurements, 0, 0},
    {&kLayers[3], kMeasurements, 3, 15},    {&kMeasurements12, kMeasurements, 2, 2},
    {&kMeasurements11, kMeasurements, 1, 1}, {&kLayers[4], kMeasurements, 0, 0},
};

}  // namespace

std::span<const Body> measurement_bodies() { return kBodies; }

}  // namespace mctpkit::spdm::detail
