// The three examples of the PyMCTP project page, through the C++ API and the expression language.

#include <gtest/gtest.h>

#include "mctpkit/binding/smbus.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/output/output.hpp"
#include "vectors.hpp"

namespace mctpkit {
namespace {

const Layer& command_layer(std::string_view id) {
  static std::vector<Layer> keep;
  for (const LayerDef* d : mctp::control_command_layers()) {
    if (d->id == id) return keep.emplace_back(*d);
  }
  throw std::runtime_error("no such layer");
}

TEST(SeedExamples, CraftedSetEndpointIdThroughTheApi) {
  Frame frame = Layer(binding::kSmbus, {{"dst", 0x32}, {"src", 0x10}}) /
                Layer(mctp::kTransport, {{"dst", 0}, {"src", 10}, {"to", 1}, {"tag", 7}}) /
                Layer(mctp::kControlHeader, {{"rq", 1}, {"iid", 0x11}, {"cmd", "set_endpoint_id"}}) /
                Layer(command_layer("set_endpoint_id_req").def(), {{"op", "set"}, {"eid", 29}});
  Bytes wire = frame.build();
  EXPECT_EQ(to_hex(wire), "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC");
  EXPECT_EQ(output::summary(decode(wire, "smbus")),
            "SMBUS (dst=0x64, src=0x21, byte_count=10, pec=0xFC) / MCTP 0:7 (00 <-- 0A) (S:E:TO) CTRL / "
            "CONTROL REQ (instance_id: 17, cmd_code=1) / SetEndpointIDPacket (eid: 0x1D, op: set)");
}

TEST(SeedExamples, MessageTypeAndCommandAreDerivedFromTheUpperLayers) {
  // Neither msg_type nor cmd nor rq is given: the bindings of the upper layers supply them.
  Frame frame = Layer(binding::kSmbus, {{"dst", 0x32}, {"src", 0x10}}) /
                Layer(mctp::kTransport, {{"dst", 0}, {"src", 10}, {"to", 1}, {"tag", 7}}) /
                Layer(mctp::kControlHeader, {{"iid", 0x11}}) /
                Layer(command_layer("set_endpoint_id_req").def(), {{"op", "set"}, {"eid", 29}});
  EXPECT_EQ(to_hex(frame.build()), "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC");
}

TEST(SeedExamples, CraftedSetEndpointIdThroughAnExpression) {
  auto parsed = craft::parse_expression(
      "smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/control(rq=1,iid=0x11,cmd=set_endpoint_id)/"
      "set_endpoint_id(op=set,eid=29)");
  ASSERT_TRUE(std::holds_alternative<Frame>(parsed));
  EXPECT_EQ(to_hex(std::get<Frame>(parsed).build()), "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC");
}

TEST(SeedExamples, DecodesBothProjectPageExamples) {
  for (const auto& v : testing::load_vectors("seed-examples.tsv")) {
    Frame frame = decode(v.data, v.link);
    EXPECT_EQ(output::summary(frame), v.expected) << v.source;
    EXPECT_TRUE(frame.diagnostics.empty()) << v.source;
  }
}

TEST(SeedExamples, TypedLookupFindsTheCommandLayer) {
  Frame frame = decode(*parse_hex("20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4"), "smbus");
  const Layer* control = frame.find<mctp::kControlHeader>();
  ASSERT_NE(control, nullptr);
  EXPECT_EQ(control->num("iid"), 26u);
  const Layer* rsp = frame.find("set_endpoint_id_rsp");
  ASSERT_NE(rsp, nullptr);
  EXPECT_EQ(rsp->num("eid_setting"), 0x43u);
  EXPECT_EQ(frame.find<binding::kSmbus>()->num("pec"), 0xF4u);
}

}  // namespace
}  // namespace mctpkit
