// PLDM FRU data (type 0x04): every command with vectors written from the protocol reference 6.8,
// and the FRU record table, including the one in the sample capture.

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "fru_test_support.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/pldm/fru.hpp"

namespace mctpkit::pldm {
namespace {

using test::check;
using test::Vector;

const LayerDef& def(std::string_view id) {
  const LayerDef* d = test::registry().layer(id);
  EXPECT_NE(d, nullptr) << id;
  return d ? *d : kRawLayer;
}

const StructDef& element(std::span<const FieldDef> fields, std::string_view list) {
  for (const FieldDef& f : fields) {
    if (f.name == list) return *f.element;
  }
  throw std::logic_error("no list");
}

const StructDef& record_struct() { return element(kFruRecordTable.fields, "records"); }
const StructDef& field_struct() { return element(record_struct().fields, "fields"); }
const StructDef& oem_field_struct() { return element(record_struct().fields, "oem_fields"); }

Fields text_field(std::string_view type, std::string_view text) {
  return Fields(field_struct(), {{"type", type}, {"value", Bytes(text.begin(), text.end())}});
}

// Record 1 (general): model "ABC", serial "S1", manufacture date 2024-06-15 12:45:30, vendor IANA
// 343. Record 2 (OEM): vendor IANA 343 and OEM field 2 = AA BB. 50 bytes, 2 pad, CRC-32.
constexpr std::string_view kTable =
    "01 00 01 04 01  02 03 41 42 43  04 02 53 31 "
    "06 0D 00 00 00 00 00 1E 2D 0C 0F 06 E8 07 00  0F 04 57 01 00 00 "
    "02 00 FE 02 01  01 04 57 01 00 00  02 02 AA BB  00 00  80 A7 D3 68";

Layer crafted_table() {
  Fields date(field_struct(), {{"type", "manufacture_date"}, {"utc_offset", 0}, {"microsecond", 0}, {"second", 30},
                               {"minute", 45}, {"hour", 12}, {"day", 15}, {"month", 6}, {"year", 2024},
                               {"resolution", 0}});
  Fields rec1(record_struct(),
              {{"record_set_id", 1},
               {"record_type", "general"},
               {"encoding", "ascii"},
               {"fields", std::vector<Fields>{text_field("model", "ABC"), text_field("serial_number", "S1"), date,
                                              Fields(field_struct(), {{"type", "vendor_iana"}, {"iana", 343}})}}});
  Fields rec2(record_struct(),
              {{"record_set_id", 2},
               {"record_type", "oem"},
               {"encoding", "ascii"},
               {"oem_fields", std::vector<Fields>{Fields(oem_field_struct(), {{"type", "vendor_iana"}, {"iana", 343}}),
                                                  Fields(oem_field_struct(), {{"type", 2}, {"data", Bytes{0xAA, 0xBB}}})}},
               {"pad", Bytes{0, 0}}});
  return Layer(kFruRecordTable, {{"records", std::vector<Fields>{rec1, rec2}}});
}

constexpr std::string_view kTableSummary =
    "FRURecordTable (records: [{record_set_id: 1, record_type: general, encoding: ascii, fields: {model: \"ABC\", "
    "serial_number: \"S1\", manufacture_date: 2024-06-15 12:45:30, vendor_iana: 343}}, {record_set_id: 2, "
    "record_type: oem, encoding: ascii, fields: {vendor_iana: 343, 2: AA BB}, pad: 00 00}], crc: 0x68D3A780)";

// One record, name "BRD" (set) or model "ABC" (by option): 10 bytes, 2 pad, CRC-32.
Layer one_record_table(std::string_view type, std::string_view text, std::uint64_t set_id = 1) {
  Fields rec(record_struct(), {{"record_set_id", set_id},
                               {"fields", std::vector<Fields>{text_field(type, text)}},
                               {"pad", Bytes{0, 0}}});
  return Layer(kFruRecordTable, {{"records", std::vector<Fields>{rec}}});
}

TEST(PldmFru, MetadataRequestAndResponse) {
  check({"metadata req", "85 04 01", {"pldm.fru.get_fru_record_table_metadata_req"}, "GetFRURecordTableMetadata ()",
         std::string_view::npos,
         [] { return test::crafted(test::request_header(), Layer(def("pldm.fru.get_fru_record_table_metadata_req"))); }});
  check({"metadata rsp", "05 04 01 00  01 00  00 10 00 00  90 00 00 00  01 00  01 00  8C 73 7B 11",
         {"pldm.fru.get_fru_record_table_metadata_rsp"},
         "GetFRURecordTableMetadata (major_version: 1, minor_version: 0, table_maximum_size: 4096, table_length: 144, "
         "total_record_set_ids: 1, total_records: 1, checksum: 0x117B738C)",
         std::string_view::npos, [] {
           return test::crafted(test::response_header(),
                                Layer(def("pldm.fru.get_fru_record_table_metadata_rsp"),
                                      {{"major_version", 1}, {"minor_version", 0}, {"table_maximum_size", 4096},
                                       {"table_length", 144}, {"total_record_set_ids", 1}, {"total_records", 1},
                                       {"checksum", 0x117B738C}}));
         }});
}

TEST(PldmFru, GetRecordTableRequest) {
  check({"get table req", "85 04 02  00 00 00 00  01", {"pldm.fru.get_fru_record_table_req"},
         "GetFRURecordTable (data_transfer_handle: 0x00000000, transfer_operation_flag: get_first_part)",
         std::string_view::npos, [] {
           return test::crafted(test::request_header(),
                                Layer(def("pldm.fru.get_fru_record_table_req"),
                                      {{"data_transfer_handle", 0}, {"transfer_operation_flag", "get_first_part"}}));
         }});
}

TEST(PldmFru, WholeTableDecodesRecordsFieldsPadAndCrc) {
  std::string hex = "05 04 02 00  00 00 00 00  05  " + std::string(kTable);
  check({"get table rsp", hex, {"pldm.fru.get_fru_record_table_rsp", "pldm.fru.record_table"}, kTableSummary,
         std::string_view::npos,
         [] {
           Frame f = test::crafted(test::response_header(),
                                   Layer(def("pldm.fru.get_fru_record_table_rsp"), {{"next_data_transfer_handle", 0}}));
           return std::move(f) / crafted_table();
         },
         true});

  Frame f = decode(test::packet(hex), "mctp", test::registry());
  ASSERT_EQ(f.layers.size(), 4u);
  EXPECT_EQ(f.layers[2].num("transfer_flag"), 5u);
  const auto& records = f.layers[3].items("records");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].num("field_count"), 4u);
  const auto& fields = records[0].items("fields");
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0].num("type"), 2u);
  EXPECT_EQ(fields[0].bytes("value"), (Bytes{'A', 'B', 'C'}));
  EXPECT_EQ(fields[2].num("year"), 2024u);
  EXPECT_EQ(fields[2].num("hour"), 12u);
  EXPECT_EQ(fields[3].num("iana"), 343u);
  EXPECT_FALSE(fields[3].has("data"));
  EXPECT_EQ(records[1].items("oem_fields")[1].bytes("data"), (Bytes{0xAA, 0xBB}));
  EXPECT_EQ(records[1].bytes("pad"), (Bytes{0, 0}));
  EXPECT_EQ(f.layers[3].num("crc"), 0x68D3A780u);
}

TEST(PldmFru, TableCrcMismatchIsABadChecksumWarning) {
  std::string hex = "05 04 02 00  00 00 00 00  05  " + std::string(kTable);
  hex.replace(hex.size() - 2, 2, "69");  // last CRC byte
  Frame f = decode(test::packet(hex), "mctp", test::registry());
  ASSERT_EQ(f.diagnostics.size(), 1u) << test::diagnostics(f);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::BadChecksum);
  EXPECT_EQ(f.diagnostics[0].layer_id, "pldm.fru.record_table");
  EXPECT_EQ(f.diagnostics[0].offset, test::kMctpBytes + 4 + 5 + 52);
  EXPECT_EQ(f.layers[3].items("records").size(), 2u);  // still decoded
}

TEST(PldmFru, FieldWhoseLengthDoesNotFitItsTypeStaysBytes) {
  // Manufacture date of 2 bytes and vendor IANA of 3 bytes: shown as bytes, rebuilt unchanged.
  std::string records = "01 00 01 02 01  06 02 11 22  0F 03 01 02 03";  // 14 bytes
  Bytes table = *parse_hex(records + " 00 00");
  std::uint32_t crc = crc::crc32(table);
  std::string hex = fmt::format("05 04 02 00 00 00 00 00 05 {} 00 00 {:02X} {:02X} {:02X} {:02X}", records, crc & 0xFF,
                                (crc >> 8) & 0xFF, (crc >> 16) & 0xFF, crc >> 24);
  Frame f = decode(test::packet(hex), "mctp", test::registry());
  EXPECT_EQ(test::diagnostics(f), "");
  ASSERT_EQ(f.layers.size(), 4u);
  const auto& fields = f.layers[3].items("records")[0].items("fields");
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].bytes("data"), (Bytes{0x11, 0x22}));
  EXPECT_FALSE(fields[0].has("year"));
  EXPECT_EQ(fields[1].bytes("data"), (Bytes{1, 2, 3}));
  Frame rebuilt = f;
  for (Layer& l : rebuilt.layers) {
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (l.defs()[i].is_derived()) l.value(i).state = FieldValue::State::Unset;
    }
  }
  for (Fields& rec : rebuilt.layers[3].value(0).items) {
    rec.value(rec.index_of("field_count")).state = FieldValue::State::Unset;
    for (Fields& fld : rec.value(rec.index_of("fields")).items) fld.value(1).state = FieldValue::State::Unset;
  }
  EXPECT_EQ(to_hex(rebuilt.build(test::registry())), to_hex(test::packet(hex)));
}

TEST(PldmFru, SampleCaptureTableSplitOverThreePackets) {
  // Frames 25, 28 and 29 of the sample capture: one GetFRURecordTable response in three MCTP
  // packets. Joined here by hand (reassembly is not this layer's job).
  std::ifstream in(std::string(MCTPKIT_SHARED_DIR) + "/captures/samples.json");
  ASSERT_TRUE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  auto mctp_hex = [&](int frame) {
    std::string key = "\"frame\": " + std::to_string(frame) + ",";
    std::size_t at = text.str().find(key);
    EXPECT_NE(at, std::string::npos);
    std::size_t m = text.str().find("\"mctp\": \"", at) + 9;
    return text.str().substr(m, text.str().find('"', m) - m);
  };
  Bytes message;
  for (int frame : {25, 28, 29}) {
    Bytes packet = *parse_hex(mctp_hex(frame));
    message.insert(message.end(), packet.begin() + 4, packet.end());  // drop the transport header
  }
  Bytes data = {0x01, 0x08, 0x09, 0xC5};  // one whole-message packet: SOM, EOM, tag 5
  data.insert(data.end(), message.begin(), message.end());
  ASSERT_EQ(message.size(), 154u);

  Frame f = decode(data, "mctp", test::registry());
  EXPECT_EQ(test::diagnostics(f), "");
  ASSERT_EQ(f.layers.size(), 4u);
  EXPECT_EQ(f.layers[3].def().id, "pldm.fru.record_table");
  EXPECT_EQ(test::summary(f.layers[3]),
            "FRURecordTable (records: [{record_set_id: 1, record_type: general, encoding: ascii, fields: {model: "
            "\"X12-SERVER-BOARD\", part_number: \"PN-0123456789\", serial_number: \"SN-ABCDEFG-00042\", manufacturer: "
            "\"Example Corp\", name: \"Baseboard FRU for MCTP tests\", version: \"1.02\", asset_tag: \"ASSET-77\", "
            "description: \"Reassembly test record\"}}], crc: 0x117B738C)");
  EXPECT_EQ(to_hex(f.build(test::registry())), to_hex(data));
}

TEST(PldmFru, TablePortions) {
  check({"start portion", "05 04 02 00  01 00 00 00  01  01 00 01 02",
         {"pldm.fru.get_fru_record_table_rsp", "pldm.fru.record_table_part"}, "FRURecordTablePart (data: 01 00 01 02)",
         5, [] {
           Frame f = test::crafted(test::response_header(), Layer(def("pldm.fru.get_fru_record_table_rsp"),
                                                                  {{"next_data_transfer_handle", 1}}));
           return std::move(f) / Layer(kFruRecordTablePart, {{"data", Bytes{0x01, 0x00, 0x01, 0x02}}});
         }});
  check({"middle portion", "05 04 02 00  02 00 00 00  02  41 42",
         {"pldm.fru.get_fru_record_table_rsp", "pldm.fru.record_table_part"}, "FRURecordTablePart (data: 41 42)", 5,
         [] {
           Frame f = test::crafted(test::response_header(),
                                   Layer(def("pldm.fru.get_fru_record_table_rsp"),
                                         {{"next_data_transfer_handle", 2}, {"transfer_flag", "middle"}}));
           return std::move(f) / Layer(kFruRecordTablePart, {{"data", Bytes{0x41, 0x42}}});
         }});
  check({"end portion", "05 04 02 00  00 00 00 00  04  41 42 00 00  78 56 34 12",
         {"pldm.fru.get_fru_record_table_rsp", "pldm.fru.record_table_end"},
         "FRURecordTableEnd (data: 41 42 00 00, crc: 0x12345678)", 9, [] {
           Frame f = test::crafted(test::response_header(), Layer(def("pldm.fru.get_fru_record_table_rsp")));
           return std::move(f) / Layer(kFruRecordTableEnd, {{"data", Bytes{0x41, 0x42, 0, 0}}, {"crc", 0x12345678}});
         }});
}

TEST(PldmFru, SetRecordTable) {
  check({"set table req", "85 04 03  00 00 00 00  05  01 00 01 01 01 08 03 42 52 44 00 00  36 20 BC 55",
         {"pldm.fru.set_fru_record_table_req", "pldm.fru.record_table"},
         "FRURecordTable (records: [{record_set_id: 1, record_type: general, encoding: ascii, fields: {name: \"BRD\"}, "
         "pad: 00 00}], crc: 0x55BC2036)",
         std::string_view::npos,
         [] {
           Frame f = test::crafted(test::request_header(), Layer(def("pldm.fru.set_fru_record_table_req")));
           return std::move(f) / one_record_table("name", "BRD");
         },
         true});
  check({"set table rsp", "05 04 03 00  00 00 00 00", {"pldm.fru.set_fru_record_table_rsp"},
         "SetFRURecordTable (next_data_transfer_handle: 0x00000000)", std::string_view::npos, [] {
           return test::crafted(test::response_header(), Layer(def("pldm.fru.set_fru_record_table_rsp")));
         }});
}

TEST(PldmFru, GetRecordByOption) {
  check({"by option req", "85 04 04  00 00 00 00  00 00  01 00  01  02  01", {"pldm.fru.get_fru_record_by_option_req"},
         "GetFRURecordByOption (data_transfer_handle: 0x00000000, fru_table_handle: 0, record_set_id: 1, "
         "record_type: general, field_type: model, transfer_operation_flag: get_first_part)",
         std::string_view::npos, [] {
           return test::crafted(test::request_header(), Layer(def("pldm.fru.get_fru_record_by_option_req"),
                                                              {{"record_set_id", 1},
                                                               {"record_type", "general"},
                                                               {"field_type", "model"}}));
         }});
  check({"by option rsp", "05 04 04 00  00 00 00 00  05  01 00 01 01 01 02 03 41 42 43 00 00  B2 44 3A E3",
         {"pldm.fru.get_fru_record_by_option_rsp", "pldm.fru.record_table"},
         "FRURecordTable (records: [{record_set_id: 1, record_type: general, encoding: ascii, fields: {model: \"ABC\"}, "
         "pad: 00 00}], crc: 0xE33A44B2)",
         std::string_view::npos,
         [] {
           Frame f = test::crafted(test::response_header(), Layer(def("pldm.fru.get_fru_record_by_option_rsp")));
           return std::move(f) / one_record_table("model", "ABC");
         },
         true});
}

TEST(PldmFru, CommandsKnownOnlyByCodeKeepTheirBody) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"85 04 10  01 02", "ReadFRUDataItem (data: 01 02)"},
      {"05 04 11 00", "WriteFRUDataItem (data: (none))"},
      {"85 04 18  AA", "FindFRUFiles (data: AA)"},
      {"05 04 19 00  01", "GetFRUFileMetadata (data: 01)"},
  };
  for (const auto& [hex, text] : cases) {
    Frame f = decode(test::packet(hex), "mctp", test::registry());
    EXPECT_EQ(test::diagnostics(f), "") << hex;
    ASSERT_EQ(f.layers.size(), 3u) << hex;
    EXPECT_EQ(test::summary(f.layers[2]), text);
  }
  check({"read item", "85 04 10  01 02", {"pldm.fru.read_fru_data_item_req"}, "ReadFRUDataItem (data: 01 02)", 0, [] {
           return test::crafted(test::request_header(),
                                Layer(def("pldm.fru.read_fru_data_item_req"), {{"data", Bytes{1, 2}}}));
         }});
}

TEST(PldmFru, ErrorResponseEndsAfterTheCompletionCode) {
  Frame f = decode(test::packet("05 04 02 85"), "mctp", test::registry());
  EXPECT_EQ(test::diagnostics(f), "");
  EXPECT_EQ(f.layers.size(), 2u);
}

TEST(PldmFru, UnknownTransferFlagLeavesTheTableRaw) {
  Frame f = decode(test::packet("05 04 02 00  00 00 00 00  03  01 02"), "mctp", test::registry());
  ASSERT_EQ(f.layers.size(), 4u);
  EXPECT_EQ(f.layers[3].def().id, "raw");
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::UnknownType);
}

TEST(PldmFru, CraftedTablePadsNothingByItselfButChecksumsWhatItHas) {
  // Without `pad` the records are written as given and the CRC covers them.
  Fields rec(record_struct(), {{"record_set_id", 7}, {"fields", std::vector<Fields>{text_field("sku", "Q")}}});
  Frame f = test::crafted(test::request_header(), Layer(def("pldm.fru.set_fru_record_table_req"))) /
            Layer(kFruRecordTable, {{"records", std::vector<Fields>{rec}}});
  Bytes built = f.build(test::registry());
  Bytes records = *parse_hex("07 00 01 01 01 09 01 51");
  std::uint32_t crc = crc::crc32(records);
  Bytes want = test::packet("85 04 03 00 00 00 00 05");
  want.insert(want.end(), records.begin(), records.end());
  for (int k = 0; k < 4; ++k) want.push_back(static_cast<std::uint8_t>(crc >> (8 * k)));
  EXPECT_EQ(to_hex(built), to_hex(want));
}

}  // namespace
}  // namespace mctpkit::pldm
