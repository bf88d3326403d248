#include "mctpkit/output/filter.hpp"

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
using testing::registry;

// Frames written by hand from the stand-in layouts (see filter_test_layers.cpp).
// Set Endpoint ID request, 0x09 -> 0x08, tag owner, iid 3, op set, EID 0x0A.
const Frame& set_eid() {
  static const Frame f = decode_hex("01 08 09 C8 00 83 01 00 0A");
  return f;
}
// Get Routing Table Entries response, cc success, two entries:
// [range 1, EID 0x0A, single, static, port 2, addr 1D] [range 3, EID 0x10, bridge, dynamic, port 5, addr 20 21].
const Frame& routing() {
  static const Frame f = decode_hex("01 09 08 C0 00 03 0A 00 FF 02 01 0A 22 01 1D 03 10 C5 02 20 21");
  return f;
}
// A middle fragment (no SOM): no message type, the payload is Raw.
const Frame& fragment() {
  static const Frame f = decode_hex("01 08 09 50 AA BB");
  return f;
}
// PLDM GetTID response, TID 5.
const Frame& get_tid() {
  static const Frame f = decode_hex("01 08 09 C8 01 01 00 02 00 05");
  return f;
}
// A PLDM stand-in with NUL-padded text "HELLO" and bytes DE AD.
const Frame& name() {
  static const Frame f = decode_hex("01 08 09 C8 01 01 00 99 06 48 45 4C 4C 4F 00 DE AD");
  return f;
}
// Get Endpoint UUID response.
const Frame& uuid_frame() {
  static const Frame f = decode_hex("01 09 08 C0 00 03 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF");
  return f;
}
// Message type 0x7E: a layer without abbreviation (fields go by its id, vendor_x).
const Frame& vendor() {
  static const Frame f = decode_hex("01 08 09 C8 7E 12 34 01 02");
  return f;
}
// Unknown message type 0x05: Raw data 01 02 03.
const Frame& unknown() {
  static const Frame f = decode_hex("01 08 09 C8 05 01 02 03");
  return f;
}
// An error response whose routing-table layer is empty (every field absent).
const Frame& error_rsp() {
  static const Frame f = decode_hex("01 09 08 C0 00 03 0A 05");
  return f;
}
// Two MCTP layers (as a tunnel would give), crafted: sources 0x08 and 0x20, both tag 0.
const Frame& two_mctp() {
  static const Frame f = [] {
    Frame frame(Layer(testing::kMctp, {{"src", 0x08}, {"dst", 0x09}, {"tag", 0}}));
    frame.layers.emplace_back(testing::kMctp, std::initializer_list<FieldInit>{{"src", 0x20}, {"tag", 0}});
    return frame;
  }();
  return f;
}

// Parses with and without the registry (a valid filter must mean the same either way).
bool match(std::string_view text, const Frame& frame) {
  auto loose = parse_filter(text);
  auto checked = parse_filter(text, &registry());
  if (auto* e = std::get_if<FilterError>(&loose)) {
    ADD_FAILURE() << "filter " << text << ": " << format_filter_error(*e);
    return false;
  }
  if (auto* e = std::get_if<FilterError>(&checked)) {
    ADD_FAILURE() << "filter " << text << " (registry): " << format_filter_error(*e);
    return false;
  }
  const bool result = std::get<Filter>(loose).matches(frame);
  EXPECT_EQ(result, std::get<Filter>(checked).matches(frame)) << text;
  return result;
}

std::string error(std::string_view text, const Registry* reg = nullptr) {
  auto result = parse_filter(text, reg);
  if (auto* e = std::get_if<FilterError>(&result)) {
    EXPECT_EQ(e->expression, text);
    return e->text();
  }
  ADD_FAILURE() << "filter " << text << " parsed";
  return {};
}

TEST(Filter, ComparisonOperatorsOnNumbers) {
  const Frame& f = set_eid();  // mctp.src is 0x09
  EXPECT_TRUE(match("mctp.src == 9", f));
  EXPECT_FALSE(match("mctp.src == 8", f));
  EXPECT_TRUE(match("mctp.src != 8", f));
  EXPECT_FALSE(match("mctp.src != 9", f));
  EXPECT_TRUE(match("mctp.src ~= 8", f));
  EXPECT_FALSE(match("mctp.src ~= 9", f));
  EXPECT_TRUE(match("mctp.src < 10", f));
  EXPECT_FALSE(match("mctp.src < 9", f));
  EXPECT_TRUE(match("mctp.src <= 9", f));
  EXPECT_FALSE(match("mctp.src <= 8", f));
  EXPECT_TRUE(match("mctp.src > 8", f));
  EXPECT_FALSE(match("mctp.src > 9", f));
  EXPECT_TRUE(match("mctp.src >= 9", f));
  EXPECT_FALSE(match("mctp.src >= 10", f));
  EXPECT_TRUE(match("mctp.src==9", f));
  EXPECT_TRUE(match("mctp.src in {1 9}", f));
  EXPECT_TRUE(match("mctp.src in {1, 0x09, 3}", f));
  EXPECT_FALSE(match("mctp.src in {1 2}", f));
}

TEST(Filter, EnglishOperators) {
  const Frame& f = set_eid();
  EXPECT_TRUE(match("mctp.src eq 9", f));
  EXPECT_TRUE(match("mctp.src ne 8", f));
  EXPECT_TRUE(match("mctp.src all_ne 8", f));
  EXPECT_TRUE(match("mctp.src any_ne 8", f));
  EXPECT_TRUE(match("mctp.src lt 10", f));
  EXPECT_TRUE(match("mctp.src le 9", f));
  EXPECT_FALSE(match("mctp.src gt 9", f));
  EXPECT_TRUE(match("mctp.src ge 9", f));
}

TEST(Filter, NumberBases) {
  const Frame& f = set_eid();  // mctpc.set_eid.eid is 0x0A
  EXPECT_TRUE(match("mctpc.set_eid.eid == 10", f));
  EXPECT_TRUE(match("mctpc.set_eid.eid == 0x0A", f));
  EXPECT_TRUE(match("mctpc.set_eid.eid == 0x0a", f));
  EXPECT_TRUE(match("mctpc.set_eid.eid == 0X000A", f));
  EXPECT_TRUE(match("mctpc.set_eid.eid == 0b1010", f));
  EXPECT_FALSE(match("mctpc.set_eid.eid == 0b1011", f));
  EXPECT_TRUE(match("mctp.to == true", f));
  EXPECT_FALSE(match("mctp.to == false", f));
  EXPECT_TRUE(match("mctp.tag == FALSE", f));
}

TEST(Filter, EnumNames) {
  const Frame& f = set_eid();
  EXPECT_TRUE(match("mctpc.command == set_endpoint_id", f));
  EXPECT_TRUE(match("mctpc.command == SET_Endpoint_ID", f));
  EXPECT_TRUE(match("mctpc.command == \"set_endpoint_id\"", f));
  EXPECT_FALSE(match("mctpc.command == get_endpoint_id", f));
  EXPECT_TRUE(match("mctpc.command != get_endpoint_id", f));
  EXPECT_TRUE(match("mctpc.command < get_endpoint_id", f));
  EXPECT_TRUE(match("mctpc.command in {get_endpoint_id set_endpoint_id}", f));
  EXPECT_TRUE(match("mctpc.set_eid.op == set", f));
  EXPECT_FALSE(match("mctpc.set_eid.op == force", f));
  EXPECT_TRUE(match("mctp.msg_type == control", f));
  EXPECT_TRUE(match("mctp.msg_type == 0", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.static == dynamic", routing()));
  EXPECT_TRUE(match("mctpc.cc == success", routing()));
  EXPECT_FALSE(match("mctpc.cc == success", error_rsp()));
  EXPECT_TRUE(match("mctpc.cc == error_unsupported_cmd", error_rsp()));
}

TEST(Filter, Aliases) {
  EXPECT_TRUE(match("mctpc.cmd == set_endpoint_id", set_eid()));
  EXPECT_TRUE(match("mctpc.cmd == 1", set_eid()));
  EXPECT_TRUE(match("mctpc.instance_id == 3", set_eid()));
  EXPECT_TRUE(match("mctp.type == control", set_eid()));
  EXPECT_TRUE(match("mctpc.completion_code == 5", error_rsp()));
  EXPECT_TRUE(match("mctpc.completion_code", error_rsp()));
  EXPECT_FALSE(match("mctpc.completion_code", set_eid()));
}

TEST(Filter, LayerPresence) {
  EXPECT_TRUE(match("mctp", set_eid()));
  EXPECT_TRUE(match("mctpc", set_eid()));
  EXPECT_TRUE(match("mctpc.set_eid", set_eid()));
  EXPECT_FALSE(match("mctpc.routing_table", set_eid()));
  EXPECT_TRUE(match("mctpc.routing_table", routing()));
  EXPECT_TRUE(match("mctpc.routing_table", error_rsp()));  // the layer is there, empty
  EXPECT_FALSE(match("pldm", set_eid()));
  EXPECT_TRUE(match("pldm", get_tid()));
  EXPECT_TRUE(match("pldm.get_tid", get_tid()));
  EXPECT_FALSE(match("pldm.name", get_tid()));
  EXPECT_TRUE(match("pldm", name()));
  // By id and by craft name.
  EXPECT_TRUE(match("control", set_eid()));
  EXPECT_TRUE(match("set_endpoint_id_req", set_eid()));
  EXPECT_TRUE(match("set_endpoint_id", set_eid()));
  EXPECT_FALSE(match("get_routing_table_entries", set_eid()));
  EXPECT_TRUE(match("vendor_x", vendor()));
  EXPECT_TRUE(match("raw", fragment()));
  EXPECT_FALSE(match("raw", set_eid()));
  // A prefix only counts at a dot (and a registry knows no such name).
  EXPECT_FALSE(std::get<Filter>(parse_filter("pld")).matches(get_tid()));
  EXPECT_FALSE(std::get<Filter>(parse_filter("mct")).matches(set_eid()));
  EXPECT_FALSE(std::get<Filter>(parse_filter("mctpc.set")).matches(set_eid()));
  EXPECT_EQ(error("pld", &registry()), "unknown field or layer 'pld' at column 1 (did you mean pldm?)");
  EXPECT_EQ(error("mctpc.set", &registry()), "unknown field or layer 'mctpc.set' at column 1");
}

TEST(Filter, FieldPresenceAndAbsentFields) {
  const Frame& request = set_eid();  // no completion code in a request
  EXPECT_TRUE(match("mctpc.command", request));
  EXPECT_FALSE(match("mctpc.cc", request));
  EXPECT_FALSE(match("mctpc.cc == 0", request));
  EXPECT_FALSE(match("mctpc.cc != 0", request));
  EXPECT_FALSE(match("mctpc.cc ~= 0", request));
  EXPECT_FALSE(match("mctpc.cc < 5", request));
  EXPECT_FALSE(match("mctpc.cc in {0 1}", request));
  EXPECT_TRUE(match("not mctpc.cc == 0", request));
  EXPECT_TRUE(match("!mctpc.cc", request));
  EXPECT_TRUE(match("mctpc.cc", routing()));
  EXPECT_FALSE(match("mctp.msg_type", fragment()));
  EXPECT_FALSE(match("mctp.ic", fragment()));
  EXPECT_TRUE(match("mctp.som == 0", fragment()));
  EXPECT_FALSE(match("mctpc.routing_table.next_handle", error_rsp()));
  EXPECT_FALSE(match("mctpc.routing_table.entries", error_rsp()));
  // A payload marker is not a field, nor is a name one level too deep (a registry rejects both).
  EXPECT_FALSE(std::get<Filter>(parse_filter("mctp.payload")).matches(set_eid()));
  EXPECT_FALSE(std::get<Filter>(parse_filter("mctp.src.x")).matches(set_eid()));
  EXPECT_EQ(error("mctp.payload", &registry()), "unknown field or layer 'mctp.payload' at column 1");
}

TEST(Filter, Precedence) {
  const Frame& f = set_eid();  // mctp: true, pldm: false, mctpc.set_eid: true, mctpc.cc: false
  // ((not mctp) and pldm) or mctpc.set_eid; every other grouping gives false.
  EXPECT_TRUE(match("not mctp and pldm or mctpc.set_eid", f));
  EXPECT_TRUE(match("! mctp && pldm || mctpc.set_eid", f));
  // mctp or (pldm and mctpc.cc), not (mctp or pldm) and mctpc.cc.
  EXPECT_TRUE(match("mctp or pldm and mctpc.cc", f));
  EXPECT_FALSE(match("(mctp or pldm) and mctpc.cc", f));
  // and/or are left to right within their level.
  EXPECT_TRUE(match("pldm or mctpc.cc or mctp", f));
  EXPECT_FALSE(match("mctp and mctpc and pldm", f));
  EXPECT_TRUE(match("not not mctp", f));
  EXPECT_FALSE(match("not (mctp and mctpc.set_eid)", f));
  EXPECT_TRUE(match("not (mctp and pldm)", f));
  EXPECT_TRUE(match("((mctp.src == 9)) and (not (mctpc.cc))", f));
}

TEST(Filter, ByteStrings) {
  const Frame& f = unknown();  // raw.data is 01 02 03
  EXPECT_TRUE(match("raw.data == 01:02:03", f));
  EXPECT_TRUE(match("raw.data == 0x010203", f));
  EXPECT_TRUE(match("raw.data == 010203", f));
  EXPECT_TRUE(match("raw.data == 01-02-03", f));
  EXPECT_TRUE(match("raw.data == 01.02.03", f));
  EXPECT_TRUE(match("raw.data == 0102:03", f));
  EXPECT_FALSE(match("raw.data == 01:02", f));
  EXPECT_FALSE(match("raw.data == 01:02:03:04", f));
  EXPECT_TRUE(match("raw.data != 01:02", f));
  EXPECT_TRUE(match("raw.data > 01:02", f));     // a longer string sorts after its prefix
  EXPECT_TRUE(match("raw.data < 01:02:04", f));
  EXPECT_TRUE(match("raw.data >= 01:02:03", f));
  EXPECT_FALSE(match("raw.data > 01:02:03", f));
  EXPECT_TRUE(match("raw.data contains 02:03", f));
  EXPECT_TRUE(match("raw.data contains 0x01", f));
  EXPECT_FALSE(match("raw.data contains 03:02", f));
  EXPECT_TRUE(match("pldm.name.extra == de:ad", name()));
  EXPECT_TRUE(match("vendor_x.data == 01:02", vendor()));
  // Without a registry a number never equals a byte string.
  auto parsed = parse_filter("raw.data == 1");
  ASSERT_TRUE(std::holds_alternative<Filter>(parsed));
  EXPECT_FALSE(std::get<Filter>(parsed).matches(f));
}

TEST(Filter, TextAndUuid) {
  const Frame& f = name();  // pldm.name.text is "HELLO" and a NUL
  EXPECT_TRUE(match("pldm.name.text == \"HELLO\"", f));
  EXPECT_TRUE(match("pldm.name.text == HELLO", f));
  EXPECT_FALSE(match("pldm.name.text == \"hello\"", f));
  EXPECT_TRUE(match("pldm.name.text == \"HEL\\x4CO\"", f));
  EXPECT_TRUE(match("pldm.name.text contains \"ELL\"", f));
  EXPECT_FALSE(match("pldm.name.text contains \"ELLS\"", f));
  EXPECT_TRUE(match("pldm.name.text == 48:45:4c:4c:4f", f));
  EXPECT_TRUE(match("pldm.name.text > \"HELL\"", f));
  const Frame& u = uuid_frame();
  EXPECT_TRUE(match("mctpc.uuid.uuid == 00112233-4455-6677-8899-aabbccddeeff", u));
  EXPECT_TRUE(match("mctpc.uuid.uuid == 00112233-4455-6677-8899-AABBCCDDEEFF", u));
  EXPECT_TRUE(match("mctpc.uuid.uuid == 0x00112233445566778899aabbccddeeff", u));
  EXPECT_FALSE(match("mctpc.uuid.uuid == 00112233-4455-6677-8899-aabbccddeef0", u));
}

TEST(Filter, ListElementsMatchWhenAnyOccurrenceDoes) {
  const Frame& f = routing();  // start EIDs 0x0A and 0x10, ports 2 and 5
  EXPECT_TRUE(match("mctpc.routing_table.entries.start_eid == 0x0A", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.start_eid == 0x10", f));
  EXPECT_FALSE(match("mctpc.routing_table.entries.start_eid == 0x0B", f));
  EXPECT_FALSE(match("mctpc.routing_table.entries.start_eid != 0x10", f));  // not every entry differs
  EXPECT_TRUE(match("mctpc.routing_table.entries.start_eid != 0x0B", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.start_eid ~= 0x10", f));   // one entry differs
  EXPECT_TRUE(match("not mctpc.routing_table.entries.start_eid == 0x0B", f));
  EXPECT_FALSE(match("not mctpc.routing_table.entries.start_eid == 0x10", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.start_eid > 0x0F", f));
  EXPECT_FALSE(match("mctpc.routing_table.entries.start_eid < 0x0A", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.port in {5 7}", f));
  EXPECT_FALSE(match("mctpc.routing_table.entries.port in {1, 3}", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.entry_type == bridge", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.phys_addr == 20:21", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.phys_addr contains 21", f));
  EXPECT_TRUE(match("mctpc.routing_table.entries.start_eid", f));
  // A list compares as its number of elements.
  EXPECT_TRUE(match("mctpc.routing_table.entries == 2", f));
  EXPECT_FALSE(match("mctpc.routing_table.entries > 2", f));
}

TEST(Filter, LayersSharingAnAbbreviation) {
  const Frame& f = two_mctp();  // mctp.src 0x08 then 0x20; tag 0 in both
  EXPECT_TRUE(match("mctp.src == 0x08", f));
  EXPECT_TRUE(match("mctp.src == 0x20", f));
  EXPECT_FALSE(match("mctp.src == 0x09", f));
  EXPECT_FALSE(match("mctp.src != 0x08", f));
  EXPECT_TRUE(match("mctp.src ~= 0x08", f));
  EXPECT_FALSE(match("mctp.tag ~= 0", f));
  EXPECT_TRUE(match("mctp.tag != 1", f));
  // Unset fields of a crafted layer occur with their default (som falls back to 1) ...
  EXPECT_TRUE(match("mctp.som == 1", f));
  EXPECT_TRUE(match("mctp.version == 1", f));
  // ... unless their condition is false or the builder would derive them.
  Frame request(Layer(testing::kControl, {{"rq", 1}, {"command", 1}}));
  EXPECT_FALSE(match("mctpc.cc", request));
  Frame response(Layer(testing::kControl, {{"rq", 0}, {"command", 0x0A}}));
  EXPECT_TRUE(match("mctpc.cc == 0", response));
  Frame table(Layer(testing::kRoutingRsp, {{"next_handle", 0xFF}}));
  EXPECT_FALSE(match("mctpc.routing_table.count", table));
}

TEST(Filter, EvaluationIsRepeatableAndCopiesWork) {
  auto parsed = parse_filter("mctpc.command == set_endpoint_id and mctp.src == 9", &registry());
  ASSERT_TRUE(std::holds_alternative<Filter>(parsed));
  const Filter filter = std::get<Filter>(parsed);
  const Filter copy = filter;  // NOLINT(performance-unnecessary-copy-initialization)
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(copy.matches(set_eid()));
    EXPECT_FALSE(copy.matches(routing()));
  }
  EXPECT_EQ(copy.text(), "mctpc.command == set_endpoint_id and mctp.src == 9");
}

TEST(FilterError, SyntaxErrorsGiveMessageAndColumn) {
  EXPECT_EQ(error(""), "empty filter at column 1");
  EXPECT_EQ(error("   "), "empty filter at column 4");
  EXPECT_EQ(error("mctp.src =="), "expected a value after '==' at column 12");
  EXPECT_EQ(error("mctp.src == and mctp"), "expected a value after '==' at column 13");
  EXPECT_EQ(error("mctp.src >= ,"), "expected a value after '>=' at column 13");
  EXPECT_EQ(error("raw.data contains"), "expected a value after 'contains' at column 18");
  EXPECT_EQ(error("(mctp.src == 8"), "unbalanced parenthesis at column 1 (no ')' closes it)");
  EXPECT_EQ(error("mctp and ((pldm) or mctpc"), "unbalanced parenthesis at column 10 (no ')' closes it)");
  EXPECT_EQ(error("mctp.src == 8)"), "unbalanced parenthesis at column 14 (no '(' to close)");
  EXPECT_EQ(error(")"), "unbalanced parenthesis at column 1 (no '(' to close)");
  EXPECT_EQ(error("mctp and ()"), "expected a field or layer name at column 11");
  EXPECT_EQ(error("mctp and"), "expected a field or layer name after 'and' at column 9");
  EXPECT_EQ(error("not"), "expected a field or layer name after 'not' at column 4");
  EXPECT_EQ(error("(mctp or"), "expected a field or layer name after 'or' at column 9");
  EXPECT_EQ(error("8 == mctp.src"), "expected a field or layer name at column 1");
  EXPECT_EQ(error("== 8"), "expected a field or layer name at column 1");
  EXPECT_EQ(error("mctp..src"), "expected a field or layer name at column 1");
  EXPECT_EQ(error("mctp and or pldm"), "expected a field or layer name at column 10");
  EXPECT_EQ(error("mctp.src = 8"), "unexpected '=' at column 10 (did you mean '=='?)");
  EXPECT_EQ(error("mctp & pldm"), "unexpected '&' at column 6 (did you mean '&&'?)");
  EXPECT_EQ(error("mctp | pldm"), "unexpected '|' at column 6 (did you mean '||'?)");
  EXPECT_EQ(error("mctp.src ~ 1"), "unexpected '~' at column 10 (did you mean '~='?)");
  EXPECT_EQ(error("mctp.src == 8 $"), "unexpected character '$' at column 15");
  EXPECT_EQ(error("mctp\x01"), "unexpected character '\\x01' at column 5");
  EXPECT_EQ(error("mctp.src 8"), "unexpected '8' after 'mctp.src' at column 10 (expected a comparison, 'and' or 'or')");
  EXPECT_EQ(error("mctp.src == 8 9"), "unexpected '9' after '8' at column 15 (expected 'and' or 'or')");
  EXPECT_EQ(error("(mctp pldm)"), "unexpected 'pldm' after 'mctp' at column 7 (expected a comparison, 'and', 'or' or ')')");
  EXPECT_EQ(error("(mctp == 1 2)"), "unexpected '2' after '1' at column 12 (expected 'and', 'or' or ')')");
  EXPECT_EQ(error("mctp.src == 0xZZ"), "invalid value '0xZZ' at column 13");
  EXPECT_EQ(error("mctp.src == 0x"), "invalid value '0x' at column 13");
  EXPECT_EQ(error("mctp.src == 0b102"), "invalid value '0b102' at column 13");
  EXPECT_EQ(error("mctp.src == -0xZZ"), "invalid value '-0xZZ' at column 13");
  EXPECT_EQ(error("mctp.src == 1.5.2"), "invalid value '1.5.2' at column 13");
  EXPECT_EQ(error("mctp.src == 999999999999999999999"),
            "number '999999999999999999999' is too large at column 13 (at most 64 bits)");
  EXPECT_EQ(error("mctp.src == mctp.dst"),
            "invalid value 'mctp.dst' at column 13 (comparing two fields is not supported)");
  EXPECT_EQ(error("pldm.name.text == \"abc"), "unterminated string at column 19");
  EXPECT_EQ(error("pldm.name.text == \"abc\\"), "unterminated string at column 19");
  EXPECT_EQ(error("pldm.name.text == \"a\\qb\""), "invalid escape '\\q' in string at column 21");
  EXPECT_EQ(error("pldm.name.text == \"a\\x4\""),
            "invalid escape '\\x' in string at column 21 (write \\x and two hex digits)");
  EXPECT_EQ(error("mctp.src in 1"), "expected '{' after 'in' at column 13");
  EXPECT_EQ(error("mctp.src in {1 2"), "unbalanced brace at column 13 (no '}' closes it)");
  EXPECT_EQ(error("mctp.src in {}"), "expected a value after '{' at column 14");
  EXPECT_EQ(error("mctp.src in {1 and}"), "expected a value after 'in' at column 16");
  EXPECT_EQ(error("mctp.src == 1 in {2}"), "unexpected 'in' after '1' at column 15 (expected 'and' or 'or')");
}

TEST(FilterError, DeepNestingIsRefused) {
  const std::string deep = std::string(300, '(') + "mctp" + std::string(300, ')');
  EXPECT_EQ(error(deep), "filter nested too deeply at column 202");
  std::string nots;
  for (int i = 0; i < 300; ++i) nots += "not ";
  EXPECT_EQ(error(nots + "mctp"), "filter nested too deeply at column 805");
  // Long flat chains are fine.
  std::string chain = "mctp";
  for (int i = 0; i < 1000; ++i) chain += " or mctp.src == " + std::to_string(i);
  auto parsed = parse_filter(chain);
  ASSERT_TRUE(std::holds_alternative<Filter>(parsed));
  EXPECT_TRUE(std::get<Filter>(parsed).matches(set_eid()));
  const std::string nested = std::string(150, '(') + "mctp.src == 9" + std::string(150, ')');
  EXPECT_TRUE(match(nested, set_eid()));
}

TEST(FilterError, RegistryCheckedNames) {
  const Registry* r = &registry();
  EXPECT_EQ(error("mctp.srcc == 8", r), "unknown field 'mctp.srcc' at column 1 (did you mean mctp.src?)");
  EXPECT_EQ(error("mctp and mctp.scr == 8", r), "unknown field 'mctp.scr' at column 10 (did you mean mctp.src?)");
  EXPECT_EQ(error("pldmm", r), "unknown field or layer 'pldmm' at column 1 (did you mean pldm?)");
  EXPECT_EQ(error("mctpc.routing_table.entries.start_ied", r),
            "unknown field or layer 'mctpc.routing_table.entries.start_ied' at column 1 "
            "(did you mean mctpc.routing_table.entries.start_eid?)");
  EXPECT_EQ(error("src == 8", r), "unknown field 'src' at column 1 (did you mean mctp.src?)");
  EXPECT_EQ(error("zzzzzz", r), "unknown field or layer 'zzzzzz' at column 1");
  EXPECT_EQ(error("mctpc.set_eid == 1", r),
            "'mctpc.set_eid' is a layer, not a field at column 1 (only fields can be compared)");
  EXPECT_EQ(error("mctpc.command == set_endpont_id", r),
            "'set_endpont_id' is not a value of mctpc.command at column 18 (did you mean set_endpoint_id?)");
  EXPECT_EQ(error("mctpc.command == bogus", r),
            "'bogus' is not a value of mctpc.command at column 18 "
            "(mctpc.command takes a number or a name such as set_endpoint_id)");
  EXPECT_EQ(error("mctpc.command in {1 \"nope\"}", r), "'\"nope\"' is not a value of mctpc.command at column 21 "
                                                       "(mctpc.command takes a number or a name such as set_endpoint_id)");
  EXPECT_EQ(error("raw.data == 1", r), "'1' is not a byte string at column 13 (write bytes as 01:02:03 or 0x010203)");
  EXPECT_EQ(error("mctp.src == hello", r), "'hello' is not a number at column 13 (mctp.src takes a number)");
  EXPECT_EQ(error("mctpc.routing_table.entries == x", r),
            "'x' is not a number at column 32 (mctpc.routing_table.entries takes a number)");
  EXPECT_EQ(error("mctp.src contains 01", r),
            "'contains' needs a byte string or text field; mctp.src is a number at column 10");
  // Without a registry the same names parse (and never match).
  EXPECT_TRUE(std::holds_alternative<Filter>(parse_filter("mctp.srcc == 8")));
  EXPECT_TRUE(std::holds_alternative<Filter>(parse_filter("mctpc.command == bogus")));
  EXPECT_FALSE(std::get<Filter>(parse_filter("mctpc.command == bogus")).matches(set_eid()));
  // Everything the registry knows is accepted.
  for (const char* ok : {"raw.data", "vendor_x.vendor_id == 0x1234", "mctpc.cmd", "control", "set_endpoint_id",
                         "mctpc.routing_table.entries", "mctpc.routing_table", "pldm.get_tid.tid == 5", "raw"}) {
    EXPECT_TRUE(std::holds_alternative<Filter>(parse_filter(ok, r))) << ok;
  }
}

TEST(FilterError, CaretLine) {
  auto result = parse_filter("mctp.srcc == 8", &registry());
  ASSERT_TRUE(std::holds_alternative<FilterError>(result));
  EXPECT_EQ(format_filter_error(std::get<FilterError>(result)),
            "unknown field 'mctp.srcc' at column 1 (did you mean mctp.src?)\n"
            "    mctp.srcc == 8\n"
            "    ^~~~~~~~~\n");
  result = parse_filter("mctp.src ==");
  ASSERT_TRUE(std::holds_alternative<FilterError>(result));
  EXPECT_EQ(format_filter_error(std::get<FilterError>(result)),
            "expected a value after '==' at column 12\n"
            "    mctp.src ==\n"
            "               ^\n");
  result = parse_filter("mctp and\t(pldm or\nmctpc.cc contains 1");
  ASSERT_TRUE(std::holds_alternative<FilterError>(result));
  EXPECT_EQ(format_filter_error(std::get<FilterError>(result)),
            "unbalanced parenthesis at column 10 (no ')' closes it)\n"
            "    mctp and\t(pldm or mctpc.cc contains 1\n"
            "            \t^\n");
  const FilterError& e = std::get<FilterError>(result);
  EXPECT_EQ(e.column, 10u);
  EXPECT_EQ(e.length, 1u);
  EXPECT_EQ(e.message, "unbalanced parenthesis");
  EXPECT_EQ(e.hint, "no ')' closes it");
}

TEST(FilterNames, ListAndClosest) {
  const std::vector<std::string> names = filter_names(registry());
  for (const char* n : {"mctp", "mctp.src", "mctp.type", "mctpc.cmd", "mctpc.set_eid", "mctpc.set_eid.op",
                        "mctpc.routing_table.entries.start_eid", "control", "set_endpoint_id", "raw.data",
                        "vendor_x.data", "pldm.name.text"}) {
    EXPECT_TRUE(std::binary_search(names.begin(), names.end(), n)) << n;
  }
  EXPECT_FALSE(std::binary_search(names.begin(), names.end(), "mctp.payload"));
  EXPECT_EQ(closest_name("mctp.srcc", names), "mctp.src");
  EXPECT_EQ(closest_name("MCTP.SRC", names), "mctp.src");
  EXPECT_EQ(closest_name("completely_else", names), "");
  EXPECT_EQ(find_field_defs(registry(), "mctpc.cmd").size(), 1u);
  EXPECT_EQ(find_field_defs(registry(), "mctpc.cmd")[0]->name, "command");
  EXPECT_EQ(find_field_defs(registry(), "mctpc.routing_table.entries.port")[0]->width, 5);
  EXPECT_TRUE(find_field_defs(registry(), "mctpc.set_eid").empty());
}

}  // namespace
}  // namespace mctpkit::output
