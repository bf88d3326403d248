#include "mctpkit/output/fields.hpp"

#include <gtest/gtest.h>

#include "mctpkit/core/registry.hpp"

namespace mctpkit::output::testing {
// Defined in filter_test_layers.cpp.
extern const LayerDef kMctp, kControl, kSetEidReq, kRoutingRsp, kUuidRspLayer, kPldm, kGetTid, kName, kVendor;
const Registry& registry();
Frame decode_hex(std::string_view hex);
}  // namespace mctpkit::output::testing

namespace mctpkit::output {
namespace {

using testing::decode_hex;
using Texts = std::vector<std::string>;

// Get Routing Table Entries response, two entries (see filter_test.cpp).
const Frame& routing() {
  static const Frame f = decode_hex("01 09 08 C0 00 03 0A 00 FF 02 01 0A 22 01 1D 03 10 C5 02 20 21");
  return f;
}
// Set Endpoint ID request (no completion code).
const Frame& set_eid() {
  static const Frame f = decode_hex("01 08 09 C8 00 83 01 00 0A");
  return f;
}

TEST(FieldTexts, NumbersAsTsharkPrintsThem) {
  const Frame& f = routing();
  EXPECT_EQ(field_texts(f, "mctp.src"), Texts{"0x08"});             // hex display, padded to the width
  EXPECT_EQ(field_texts(f, "mctp.msg_type"), Texts{"0x00"});        // 7-bit hex field: two digits
  EXPECT_EQ(field_texts(f, "mctp.type"), Texts{"0x00"});            // alias
  EXPECT_EQ(field_texts(f, "mctp.to"), Texts{"0"});
  EXPECT_EQ(field_texts(f, "mctpc.iid"), Texts{"3"});
  EXPECT_EQ(field_texts(f, "mctpc.command"), Texts{"0x0a"});        // the number, not the name
  EXPECT_EQ(field_texts(f, "mctpc.cmd"), Texts{"0x0a"});
  EXPECT_EQ(field_texts(f, "mctpc.cc"), Texts{"0x00"});
  EXPECT_EQ(field_texts(set_eid(), "mctpc.set_eid.op"), Texts{"0"});  // decimal enum: the number
  EXPECT_EQ(field_texts(decode_hex("01 08 09 C8 7E 12 34 01 02"), "vendor_x.vendor_id"), Texts{"0x1234"});
}

TEST(FieldTexts, ListElementsAndAbsentFields) {
  const Frame& f = routing();
  EXPECT_EQ(field_texts(f, "mctpc.routing_table.entries.start_eid"), (Texts{"0x0a", "0x10"}));
  EXPECT_EQ(field_texts(f, "mctpc.routing_table.entries.static"), (Texts{"1", "0"}));
  EXPECT_EQ(field_texts(f, "mctpc.routing_table.entries.port"), (Texts{"2", "5"}));
  EXPECT_EQ(field_texts(f, "mctpc.routing_table.entries.phys_addr"), (Texts{"1d", "2021"}));
  EXPECT_EQ(field_texts(f, "mctpc.routing_table.entries"), Texts{"2"});
  EXPECT_EQ(field_texts(f, "mctpc.routing_table.count"), Texts{"2"});
  EXPECT_TRUE(field_texts(set_eid(), "mctpc.cc").empty());
  EXPECT_TRUE(field_texts(decode_hex("01 08 09 50 AA BB"), "mctp.msg_type").empty());
  EXPECT_TRUE(field_texts(f, "mctpc").empty());  // a layer is not a field
  EXPECT_TRUE(field_texts(f, "mctpc.routing_table.entries.nothing").empty());
  EXPECT_TRUE(field_texts(f, "").empty());
  EXPECT_TRUE(field_texts(f, ".").empty());
  EXPECT_TRUE(field_texts(f, "mctp.").empty());
}

TEST(FieldTexts, BytesTextAndUuid) {
  EXPECT_EQ(field_texts(decode_hex("01 08 09 C8 05 01 02 AB"), "raw.data"), Texts{"0102ab"});
  const Frame name = decode_hex("01 08 09 C8 01 01 00 99 07 48 45 22 5C 01 00 00 DE AD");
  EXPECT_EQ(field_texts(name, "pldm.name.text"), Texts{"HE\"\\x5C\\x01"});  // NUL padding dropped
  EXPECT_EQ(field_texts(name, "pldm.name.extra"), Texts{"dead"});
  const Frame uuid = decode_hex("01 09 08 C0 00 03 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
  EXPECT_EQ(field_texts(uuid, "mctpc.uuid.uuid"), Texts{"00112233-4455-6677-8899-aabbccddeeff"});
}

TEST(FieldTexts, CraftedLayersUseDefaultsButNotDerivedValues) {
  Frame f(Layer(testing::kMctp, {{"src", 0x20}}));
  f.layers.emplace_back(testing::kRoutingRsp, std::initializer_list<FieldInit>{{"next_handle", 0xFF}});
  EXPECT_EQ(field_texts(f, "mctp.src"), Texts{"0x20"});
  EXPECT_EQ(field_texts(f, "mctp.version"), Texts{"1"});  // the expected value is the default
  EXPECT_EQ(field_texts(f, "mctp.som"), Texts{"1"});      // fallback
  EXPECT_TRUE(field_texts(f, "mctpc.routing_table.count").empty());  // derived when built
}

TEST(FieldsLine, JoinsOccurrencesAndFields) {
  const std::vector<std::string> columns{"mctp.src", "mctpc.cc", "mctpc.set_eid.eid",
                                         "mctpc.routing_table.entries.start_eid",
                                         "mctpc.routing_table.entries.phys_addr"};
  EXPECT_EQ(fields_line(routing(), columns), "0x08\t0x00\t\t0x0a,0x10\t1d,2021");
  EXPECT_EQ(fields_line(set_eid(), columns), "0x09\t\t0x0a\t\t");
  EXPECT_EQ(fields_line(routing(), std::vector<std::string>{}), "");
  EXPECT_EQ(fields_line(routing(), std::vector<std::string>{"nothing.here"}), "");

  FieldsOptions options;
  options.separator = "|";
  options.aggregator = ";";
  options.quote = '"';
  EXPECT_EQ(fields_line(routing(), columns, options), "\"0x08\"|\"0x00\"||\"0x0a;0x10\"|\"1d;2021\"");
  options = FieldsOptions{};
  options.occurrence = FieldsOptions::Occurrence::First;
  EXPECT_EQ(fields_line(routing(), columns, options), "0x08\t0x00\t\t0x0a\t1d");
  options.occurrence = FieldsOptions::Occurrence::Last;
  EXPECT_EQ(fields_line(routing(), columns, options), "0x08\t0x00\t\t0x10\t2021");

  // Prepared once, used for many frames.
  const std::vector<FieldRef> refs{FieldRef("mctpc.command"), FieldRef("mctpc.routing_table.entries.port")};
  EXPECT_EQ(fields_line(routing(), refs), "0x0a\t2,5");
  EXPECT_EQ(fields_line(set_eid(), refs), "0x01\t");
}

TEST(FieldRef, NamesLayerAndVisitStops) {
  EXPECT_TRUE(FieldRef("mctpc").names_layer(testing::kSetEidReq));
  EXPECT_TRUE(FieldRef("mctpc.set_eid").names_layer(testing::kSetEidReq));
  EXPECT_TRUE(FieldRef("set_endpoint_id").names_layer(testing::kSetEidReq));
  EXPECT_TRUE(FieldRef("set_endpoint_id_req").names_layer(testing::kSetEidReq));
  EXPECT_FALSE(FieldRef("mctpc.set").names_layer(testing::kSetEidReq));
  EXPECT_FALSE(FieldRef("mctpc.set_eid.eid").names_layer(testing::kSetEidReq));
  EXPECT_FALSE(FieldRef("").names_layer(testing::kSetEidReq));
  EXPECT_TRUE(FieldRef("vendor_x").names_layer(testing::kVendor));
  int calls = 0;
  const bool stopped = FieldRef("mctpc.routing_table.entries.port").visit(routing(), [&](const FieldDef& def,
                                                                                        const FieldValue& value) {
    ++calls;
    EXPECT_EQ(def.name, "port");
    return value.number == 2;
  });
  EXPECT_TRUE(stopped);
  EXPECT_EQ(calls, 1);
  const auto count_all = [&calls](const FieldDef&, const FieldValue&) { return ++calls > 100; };
  calls = 0;
  EXPECT_FALSE(FieldRef("mctpc.routing_table.entries.port").visit(routing(), count_all));  // a const lvalue
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(FieldRef("mctpc.routing_table.entries.port").present(routing()));
  EXPECT_FALSE(FieldRef("mctpc.routing_table.entries.port").present(set_eid()));
}

// Where a reference's fields are in a layer is remembered per reference and declaration: texts of
// one length, each in a reference made where the one before was, still find their own fields,
// and a reference used on frames of other shapes finds its field in each.
TEST(FieldRef, ReferencesMadeOneAfterAnotherFindTheirOwnFields) {
  const std::pair<const char*, const char*> expected[] = {
      {"mctp.src", "9"}, {"mctp.dst", "8"}, {"mctp.tag", "0"}, {"mctpc.rq", "1"}, {"mctpc.iid", "3"}};
  for (int round = 0; round < 3; ++round) {
    for (const auto& [name, number] : expected) {
      const FieldRef ref(name);
      std::string seen;
      ref.visit(set_eid(), [&seen](const FieldDef&, const FieldValue& value) {
        seen += std::to_string(value.number) + ";";
        return false;
      });
      EXPECT_EQ(seen, std::string(number) + ";") << name;
    }
  }
  const std::vector<FieldRef> refs{FieldRef("mctpc.command"), FieldRef("mctpc.routing_table.entries.start_eid")};
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(fields_line(routing(), refs), "0x0a\t0x0a,0x10");
    EXPECT_EQ(fields_line(set_eid(), refs), "0x01\t");
  }
}

}  // namespace
}  // namespace mctpkit::output
