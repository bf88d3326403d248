// Filter::reads_layer: the layers a filter reads, and the promise made of them: a frame decoded
// only into those layers and the ones that lead to them (DecodeScope) matches as the whole frame.

#include <gtest/gtest.h>

#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/decode_scope.hpp"
#include "mctpkit/core/hex_text.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/output/filter.hpp"

namespace mctpkit::output::testing {
// Defined in filter_test_layers.cpp.
extern const LayerDef kMctp, kControl, kSetEidReq, kRoutingRsp, kUuidRspLayer, kPldm, kGetTid, kName, kVendor;
const Registry& registry();
}  // namespace mctpkit::output::testing

namespace mctpkit::output {
namespace {

using namespace testing;

Filter parsed(std::string_view text) {
  auto f = parse_filter(text, &registry());
  if (auto* e = std::get_if<FilterError>(&f)) ADD_FAILURE() << text << ": " << e->text();
  return std::get<Filter>(std::move(f));
}

// Which of the stand-in layers the filter reads, as a string of their ids.
std::string layers_read(std::string_view text) {
  const Filter filter = parsed(text);
  std::string out;
  for (const LayerDef* def : {&kMctp, &kControl, &kSetEidReq, &kRoutingRsp, &kUuidRspLayer, &kPldm, &kGetTid, &kName,
                              &kVendor, &kRawLayer}) {
    if (filter.reads_layer(*def)) out += std::string(out.empty() ? "" : " ") + std::string(def->id);
  }
  return out;
}

TEST(FilterScope, AFilterReadsTheLayersItNamesAndTheLayersOfTheFieldsItNames) {
  EXPECT_EQ(layers_read("mctp.dst == 9"), "mctp");
  EXPECT_EQ(layers_read("mctpc.command == 1 && mctp.src == 8"), "mctp control");
  // Conservatively, the layers whose abbreviation starts the name too (mctpc, for a field
  // path inside it).
  EXPECT_EQ(layers_read("mctpc.set_eid.eid == 0x0A"), "control set_endpoint_id_req");
  // A layer name is a prefix of the abbreviations of the layers it names.
  EXPECT_EQ(layers_read("pldm"), "pldm_header get_tid_rsp name_rsp");
  EXPECT_EQ(layers_read("mctpc.routing_table.entries.start_eid in {0x0A 0x10}"),
            "control get_routing_table_entries_rsp");
  EXPECT_EQ(layers_read("raw.data contains 01:02"), "raw");
  EXPECT_EQ(layers_read("frame.len > 3 and frame.number < 9 and frame.link == mctp"), "");
}

TEST(FilterScope, AFilterOnDiagnosticsReadsEveryLayer) {
  for (const char* text : {"_diag", "mctp.src == 8 or _diag.truncated", "not _diag.error"}) {
    EXPECT_EQ(layers_read(text),
              "mctp control set_endpoint_id_req get_routing_table_entries_rsp get_endpoint_uuid_rsp pldm_header "
              "get_tid_rsp name_rsp vendor_x raw")
        << text;
  }
}

TEST(FilterScope, AFrameDecodedWithinTheFilterScopeMatchesAsTheWholeFrame) {
  const char* frames[] = {
      "01 08 09 C8 00 83 01 00 0A",
      "01 09 08 C0 00 03 0A 00 FF 02 01 0A 22 01 1D 03 10 C5 02 20 21",
      "01 08 09 50 AA BB",
      "01 08 09 C8 01 01 00 02 00 05",
      "01 08 09 C8 01 01 00 99 06 48 45 4C 4C 4F 00 DE AD",
      "01 09 08 C0 00 03 03 00 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF",
      "01 08 09 C8 7E 12 34 01 02",
      "01 08 09 C8 05 01 02 03",
      "01 09 08 C0 00 03 0A 05",
      "01 09 08 C0 00 03 0A",  // cut short in the routing table response
  };
  const char* filters[] = {
      "mctp.dst == 9", "mctp.src == 8", "mctp.som && !mctp.eom", "mctpc", "mctpc.cmd == set_endpoint_id",
      "mctpc.cc == 0", "not mctpc.cc == 0", "mctpc.set_eid.eid == 0x0A", "pldm.get_tid.tid == 5",
      "mctpc.routing_table.entries.start_eid == 0x10", "pldm.name.text contains \"HELL\"", "pldm", "vendor_x",
      "raw.data contains 02:03", "_diag", "frame.len > 9", "mctp.src != 9", "mctpc.cc ~= 5",
  };
  std::size_t matched = 0, partial = 0;
  for (const char* text : filters) {
    const Filter filter = parsed(text);
    const DecodeScope scope(registry(), [&](const LayerDef& def) { return filter.reads_layer(def); });
    for (const char* hex : frames) {
      const Bytes bytes = parse_hex(hex).value();
      const Frame whole = decode(bytes, "mctp", registry());
      Frame within;
      decode_into(within, bytes, "mctp", registry(), &scope);
      EXPECT_EQ(filter.matches(within), filter.matches(whole)) << text << " on " << hex;
      matched += filter.matches(whole) ? 1 : 0;
      partial += within.layers.size() < whole.layers.size() ? 1 : 0;
    }
  }
  // The comparison means something: some frames match, and some were decoded in part.
  EXPECT_GT(matched, 20u);
  EXPECT_GT(partial, 50u);
}

}  // namespace
}  // namespace mctpkit::output
