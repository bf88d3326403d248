// Small stand-ins for the MCTP transport, control and PLDM layers (the real ones live in modules
// this test program does not link), with the shapes filters care about: hex and enum fields,
// aliases, conditional fields, lists, byte strings, text, a UUID and a layer without abbrev.

#include <gtest/gtest.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::output::testing {
// Shared with the other test files, which repeat these declarations.
extern const LayerDef kMctp, kControl, kSetEidReq, kRoutingRsp, kUuidRspLayer, kPldm, kGetTid, kName, kVendor;
const Registry& registry();
Frame decode_hex(std::string_view hex);
}  // namespace mctpkit::output::testing


namespace mctpkit::output::testing {

namespace {

bool is_som(const Fields& f) { return f.num("som") == 1; }
bool is_response(const Fields& f) { return f.num("rq") == 0; }

constexpr EnumEntry kTypeNames[] = {{0x00, "control"}, {0x01, "pldm"}, {0x7E, "vendor_pci"}};
constexpr FieldDef kMctpFields[] = {
    bits("reserved", 4).reserved(),
    bits("version", 4).expect(1),
    u8("dst").hex(),
    u8("src").hex(),
    flag("som").fallback(1),
    flag("eom").fallback(1),
    bits("pkt_seq", 2),
    flag("to"),
    bits("tag", 3),
    flag("ic").when(is_som),
    bits("msg_type", 7).hex().names(kTypeNames).when(is_som).also("type"),
    payload(),
};

constexpr EnumEntry kCommandNames[] = {
    {0x01, "set_endpoint_id"}, {0x02, "get_endpoint_id"}, {0x03, "get_endpoint_uuid"},
    {0x0A, "get_routing_table_entries"}};
constexpr EnumEntry kCompletionCodes[] = {{0x00, "success"}, {0x01, "error"}, {0x05, "error_unsupported_cmd"}};
constexpr FieldDef kControlFields[] = {
    flag("rq").fallback(1),
    flag("d"),
    flag("reserved").reserved(),
    bits("iid", 5).also("instance_id"),
    u8("command").hex().names(kCommandNames).also("cmd"),
    u8("cc").hex().names(kCompletionCodes).when(is_response).also("completion_code"),
    payload(),
};

constexpr EnumEntry kSetEidOps[] = {{0, "set"}, {1, "force"}, {2, "reset"}, {3, "set_disc"}};
constexpr FieldDef kSetEidFields[] = {
    bits("reserved", 6).reserved(),
    bits("op", 2).names(kSetEidOps),
    u8("eid").hex(),
};

constexpr EnumEntry kEntryTypes[] = {{0, "single"}, {1, "bridge_and_range"}, {2, "range"}, {3, "bridge"}};
constexpr EnumEntry kStaticFlag[] = {{0, "dynamic"}, {1, "static"}};
constexpr FieldDef kRouteEntry[] = {
    u8("range_size"),
    u8("start_eid").hex(),
    bits("entry_type", 2).names(kEntryTypes),
    flag("static").names(kStaticFlag),
    bits("port", 5),
    u8("addr_size").length_of("phys_addr"),
    bytes("phys_addr").length_from("addr_size"),
};
constexpr StructDef kRouteStruct{"routing_entry", kRouteEntry, "[0x{start_eid:02X}:{range_size}]", " "};
constexpr FieldDef kRoutingRspFields[] = {
    u8("next_handle").hex(),
    u8("count").count_of("entries"),
    list("entries", kRouteStruct).length_from("count"),
};

constexpr FieldDef kUuidRsp[] = {uuid("uuid")};

constexpr FieldDef kPldmFields[] = {
    flag("rq"), flag("d"), flag("reserved").reserved(), bits("iid", 5),
    bits("hdr_ver", 2), bits("type", 6).hex(), u8("command").hex(), payload(),
};
constexpr FieldDef kGetTidRsp[] = {u8("cc"), u8("tid")};
constexpr FieldDef kNameRsp[] = {
    u8("len").length_of("text"),
    bytes("text").length_from("len").show(Display::Ascii),
    bytes("extra"),
};

constexpr FieldDef kVendorFields[] = {u16("vendor_id").hex(), bytes("data")};

}  // namespace

const LayerDef kMctp{
    .id = "mctp",
    .title = "MCTP",
    .abbrev = "mctp",
    .fields = kMctpFields,
    .next = {.table = "t.type", .key = {"msg_type"}, .when = [](const Layer& l) { return is_som(l); }},
};
const LayerDef kControl{
    .id = "control",
    .title = "MCTP control",
    .abbrev = "mctpc",
    .fields = kControlFields,
    .next = {.table = "t.ctrl", .key = {"command", "rq"}},
    .bind = {"t.type", Key{0x00}},
};
const LayerDef kSetEidReq{
    .id = "set_endpoint_id_req",
    .craft_name = "set_endpoint_id",
    .abbrev = "mctpc.set_eid",
    .fields = kSetEidFields,
    .bind = {"t.ctrl", Key{0x01, 1}},
};
const LayerDef kRoutingRsp{
    .id = "get_routing_table_entries_rsp",
    .craft_name = "get_routing_table_entries",
    .abbrev = "mctpc.routing_table",
    .fields = kRoutingRspFields,
    .bind = {"t.ctrl", Key{0x0A, 0}},
};
const LayerDef kUuidRspLayer{
    .id = "get_endpoint_uuid_rsp",
    .abbrev = "mctpc.uuid",
    .fields = kUuidRsp,
    .bind = {"t.ctrl", Key{0x03, 0}},
};
const LayerDef kPldm{
    .id = "pldm_header",
    .craft_name = "pldm",
    .abbrev = "pldm",
    .fields = kPldmFields,
    .next = {.table = "t.pldm", .key = {"type", "command"}},
    .bind = {"t.type", Key{0x01}},
};
const LayerDef kGetTid{
    .id = "get_tid_rsp",
    .abbrev = "pldm.get_tid",
    .fields = kGetTidRsp,
    .bind = {"t.pldm", Key{0x00, 0x02}},
};
const LayerDef kName{
    .id = "name_rsp",
    .abbrev = "pldm.name",
    .fields = kNameRsp,
    .bind = {"t.pldm", Key{0x00, 0x99}},
};
const LayerDef kVendor{
    .id = "vendor_x",
    .fields = kVendorFields,
    .bind = {"t.type", Key{0x7E}},
};

const Registry& registry() {
  static const Registry r = [] {
    Registry reg;
    for (const LayerDef* d : {&kMctp, &kControl, &kSetEidReq, &kRoutingRsp, &kUuidRspLayer, &kPldm, &kGetTid,
                              &kName, &kVendor}) {
      reg.declare(*d, "test");
    }
    reg.add_link({"mctp", "test MCTP", &kMctp}, "test");
    return reg;
  }();
  return r;
}

Frame decode_hex(std::string_view hex) {
  auto bytes = parse_hex(hex);
  EXPECT_TRUE(bytes.has_value()) << hex;
  return decode(bytes.value_or(Bytes{}), "mctp", registry());
}

}  // namespace mctpkit::output::testing
