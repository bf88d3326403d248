// Every MCTP control command, request and response: bytes written by hand from the layouts of
// DSP0236 (protocol reference 3.4) against what the craft expression builds and what decoding
// finds.

#include <gtest/gtest.h>

#include <cstdio>

#include "field_compare.hpp"
#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit {
namespace {

struct Case {
  const char* layer_id;
  const char* fields;  // craft fields of the command layer
  const char* body;    // hand-written bytes after the control header (and cc)
};

constexpr const char* kUuidBytes = "12 34 56 78 9A BC DE F0 01 23 45 67 89 AB CD EF";

const Case kCases[] = {
    {"set_endpoint_id_req", "op=force,eid=0x1D", "01 1D"},
    {"set_endpoint_id_rsp", "assign_status=rejected,eid_alloc_status=pool_required,eid_setting=0x1D,eid_pool_size=5",
     "11 1D 05"},
    {"get_endpoint_id_req", "", ""},
    {"get_endpoint_id_rsp", "eid=0x09,endpoint_type=busowner,eid_type=static_eid_match", "09 12 00"},
    {"get_endpoint_uuid_req", "", ""},
    {"get_endpoint_uuid_rsp", "uuid=12345678-9abc-def0-0123-456789abcdef", kUuidBytes},
    {"get_mctp_version_support_req", "msg_type_number=0xFF", "FF"},
    {"get_mctp_version_support_rsp", "versions=[0xF1F3F100]", "01 F1 F3 F1 00"},
    {"get_message_type_support_req", "", ""},
    {"get_message_type_support_rsp", "types=[pldm,spdm]", "02 01 05"},
    {"get_vendor_defined_message_support_req", "selector=0", "00"},
    {"get_vendor_defined_message_support_rsp", "next_selector=0xFF,format=iana,iana_enterprise=412,command_set=1",
     "FF 01 00 00 01 9C 00 01"},
    {"resolve_endpoint_id_req", "target_eid=0x20", "20"},
    {"resolve_endpoint_id_rsp", "bridge_eid=0x20,phys_addr=64", "20 64"},
    {"allocate_endpoint_ids_req", "op=allocate,pool_size=4,start_eid=0x10", "00 04 10"},
    {"allocate_endpoint_ids_rsp", "status=accepted,pool_size=4,start_eid=0x10", "00 04 10"},
    {"routing_information_update_req", "entries=[(entry_type=bridge,range_size=1,first_eid=0x20,phys_addr=64)]",
     "01 02 01 20 64"},
    {"routing_information_update_rsp", "", ""},
    {"get_routing_table_entries_req", "handle=0", "00"},
    {"get_routing_table_entries_rsp",
     "next_handle=0xFF,entries=[(range_size=3,start_eid=0x20,entry_type=range_behind_bridge,static=1,port=2,"
     "binding=smbus,medium=smbus_2_100k,phys_addr=64)]",
     "FF 01 03 20 E2 01 01 01 64"},
    {"prepare_for_endpoint_discovery_req", "", ""},
    {"prepare_for_endpoint_discovery_rsp", "", ""},
    {"endpoint_discovery_req", "", ""},
    {"endpoint_discovery_rsp", "", ""},
    {"discovery_notify_req", "", ""},
    {"discovery_notify_rsp", "", ""},
    {"get_network_id_req", "", ""},
    {"get_network_id_rsp", "network_id=12345678-9abc-def0-0123-456789abcdef", kUuidBytes},
    {"query_hop_req", "target_eid=0x30,msg_type=1", "30 01"},
    {"query_hop_rsp", "next_hop_eid=0x20,msg_type=1,max_incoming_tu=1,max_outgoing_tu=2", "20 01 00 01 00 02"},
    {"resolve_uuid_req", "uuid=12345678-9abc-def0-0123-456789abcdef,handle=0", "12 34 56 78 9A BC DE F0 01 23 45 67 89 AB CD EF 00"},
    {"resolve_uuid_rsp", "next_handle=0xFF,entries=[(eid=0x30,binding=pcie_vdm,medium=pcie_3_0,phys_addr=0100)]",
     "FF 01 30 02 0B 02 01 00"},
    {"query_rate_limit_req", "", ""},
    {"query_rate_limit_rsp",
     "rx_buffer_size=1024,max_rx_rate=1000,max_tx_rate=2000,min_tx_rate=10,max_burst=8,tx_burst=4,tx_rate_limit=500,"
     "tx_limiting=1",
     "00 00 04 00 00 00 03 E8 00 00 07 D0 00 00 00 0A 00 00 08 00 00 04 00 00 01 F4 01"},
    {"request_tx_rate_limit_req", "burst=4,rate=500", "00 00 04 00 00 01 F4"},
    {"request_tx_rate_limit_rsp", "burst=4,rate=500", "00 00 00 04 00 00 01 F4"},
    {"update_rate_limit_req", "burst=4,rate=500", "00 00 04 00 00 01 F4"},
    {"update_rate_limit_rsp", "", ""},
    {"query_supported_interfaces_req", "", ""},
    {"query_supported_interfaces_rsp", "interfaces=[(interface_type=1,eid=0x09),(interface_type=2,eid=0x0A)]",
     "02 01 09 02 0A"},
};

std::string ends_with_req(const std::string& id) { return id.substr(id.size() - 4); }

// The transport and control header every case starts with: EID 8 asks EID 9 (tag 0).
std::string fmt_header(bool request, std::uint64_t code) {
  char buf[64];
  if (request) {
    std::snprintf(buf, sizeof buf, "01 09 08 C8 00 80 %02llX", static_cast<unsigned long long>(code));
  } else {
    std::snprintf(buf, sizeof buf, "01 08 09 C0 00 00 %02llX 00", static_cast<unsigned long long>(code));
  }
  return buf;
}

TEST(ControlCommands, EveryCommandHasAHandWrittenCase) {
  EXPECT_EQ(std::size(kCases), mctp::control_command_layers().size());
  EXPECT_EQ(mctp::control_command_layers().size(), 40u);  // 0x01 to 0x14, request and response
}

TEST(ControlCommands, CraftMatchesTheReferenceLayoutAndDecodesBack) {
  for (const Case& c : kCases) {
    std::string id = c.layer_id;
    bool request = ends_with_req(id) == "_req";
    const LayerDef* def = default_registry().layer(id);
    ASSERT_NE(def, nullptr) << id;
    std::string expr = std::string(request ? "mctp(dst=9,src=8,to=1)/control(rq=1)/"
                                           : "mctp(dst=8,src=9,to=0)/control(rq=0)/") +
                       std::string(def->name_for_craft()) + "(" + c.fields + ")";
    auto parsed = craft::parse_expression(expr);
    ASSERT_TRUE(std::holds_alternative<Frame>(parsed))
        << expr << ": " << std::get<craft::ExpressionError>(parsed).message;
    const Frame& crafted = std::get<Frame>(parsed);
    ASSERT_EQ(&crafted.layers.back().def(), def) << expr;

    std::uint64_t code = def->bind.key.parts[0];
    std::string header = request ? fmt_header(true, code) : fmt_header(false, code);
    std::string body = c.body;
    std::string expected = body.empty() ? header : header + " " + body;
    Bytes wire = crafted.build();
    EXPECT_EQ(to_hex(wire), expected) << expr;

    Frame decoded = decode(wire, "mctp");
    EXPECT_TRUE(decoded.diagnostics.empty()) << expr << ": " << (decoded.diagnostics.empty() ? "" : describe(decoded.diagnostics[0]));
    ASSERT_EQ(decoded.layers.size(), 3u) << expr;
    EXPECT_EQ(&decoded.layers[2].def(), def) << expr;
    // Craft -> decode gives the fields that were set.
    for (std::size_t i = 0; i < crafted.layers[2].size(); ++i) {
      const FieldValue& set = crafted.layers[2].value(i);
      if (!set.is_set()) continue;
      const FieldValue& got = decoded.layers[2].value(i);
      EXPECT_EQ(got.number, set.number) << expr << " field " << def->fields[i].name;
      EXPECT_EQ(got.bytes, set.bytes) << expr << " field " << def->fields[i].name;
      EXPECT_EQ(got.items.size(), set.items.size()) << expr << " field " << def->fields[i].name;
    }
    EXPECT_EQ(to_hex(decoded.build()), expected) << expr << " (decode -> build)";
  }
}

TEST(ControlCommands, EveryCommandTruncatedAtEveryByteIsReported) {
  for (const Case& c : kCases) {
    if (std::string(c.body).empty()) continue;
    std::string id = c.layer_id;
    bool request = ends_with_req(id) == "_req";
    std::uint64_t code = default_registry().layer(id)->bind.key.parts[0];
    Bytes full = *parse_hex(fmt_header(request, code) + " " + c.body);
    std::size_t header_size = request ? 7 : 8;
    for (std::size_t n = header_size; n < full.size(); ++n) {
      Frame f = decode(ByteView(full.data(), n), "mctp");
      bool truncated = false;
      for (const Diagnostic& d : f.diagnostics) truncated |= d.kind == DiagKind::Truncated;
      // Fields that run to the end (physical addresses) legitimately shrink instead, and a
      // 7-byte Request TX Rate Limit response is the 3-byte-burst form.
      bool open_ended = id == "resolve_endpoint_id_rsp" || id == "routing_information_update_req" ||
                        (id == "request_tx_rate_limit_rsp" && n == full.size() - 1);
      if (!open_ended) { EXPECT_TRUE(truncated) << id << " cut at " << n; }
    }
  }
}

TEST(ControlCommands, ErrorResponseWithoutBodyShowsTheCommandWithDefaults) {
  Frame f = decode(*parse_hex("01 08 09 C0 00 00 0A 02"), "mctp");
  EXPECT_TRUE(f.diagnostics.empty());
  EXPECT_EQ(output::summary(f),
            "MCTP 0:0 (08 <-- 09) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=10, completion_code=2) / "
            "GetRoutingTableEntries (next_hdl=0x00, cnt=None) ");
}

TEST(ControlCommands, RequestTxRateLimitResponseIsReadByLength) {
  // DSP0236 1.3.1 gives the response burst 4 bytes; a 3-byte burst (as in the request) is also read.
  Frame seven = decode(*parse_hex("01 08 09 C0 00 00 12 00 00 00 04 00 00 01 F4"), "mctp");
  EXPECT_TRUE(seven.diagnostics.empty());
  EXPECT_EQ(seven.layers.back().get("burst3"), std::optional<std::uint64_t>(4));
  EXPECT_FALSE(seven.layers.back().has("burst"));
  EXPECT_EQ(seven.layers.back().num("rate"), 500u);
}

TEST(ControlCommands, MessageTypeSupportAcceptsTheCountWithOrWithoutControl) {
  // mctpd lists control (0x00) in the count, the spec text leaves it out: both read.
  Frame with = decode(*parse_hex("01 08 09 C0 00 00 05 00 02 00 01"), "mctp");
  EXPECT_TRUE(with.diagnostics.empty());
  EXPECT_EQ(with.layers.back().items("types").size(), 2u);
  Frame without = decode(*parse_hex("01 08 09 C0 00 00 05 00 01 01"), "mctp");
  EXPECT_TRUE(without.diagnostics.empty());
  EXPECT_EQ(output::summary(without).substr(output::summary(without).find("GetMessage")),
            "GetMessageTypeSupportPacket (count: 1, types: [pldm])");
}

}  // namespace
}  // namespace mctpkit
