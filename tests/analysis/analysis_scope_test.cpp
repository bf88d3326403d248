// A run that prints no packet (-q), or only field columns, decodes each packet only as far as the
// filter, the columns and the MCTP transport layer need (DecodeScope): what it writes with -w and
// the columns it prints are what a run that decodes every layer gives, for every filter, capture
// format and binding, reading ahead or not.

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "analyze_run.hpp"
#include "analysis/decoded_records.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::analysis {
namespace {

const std::string kCaptures = std::string(MCTPKIT_SHARED_DIR) + "/captures/";

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> captures() {
  std::vector<std::string> paths = {kCaptures + "mctp-sll.pcap", kCaptures + "mctp-sll2.pcap",
                                    kCaptures + "mctp-smbus-i2c.pcap", kCaptures + "libmctp-demux-serial.pcap",
                                    kCaptures + "mctp-sll.pcapng"};
  for (const auto& entry : std::filesystem::directory_iterator(kCaptures + "tcpdump-text")) {
    paths.push_back(entry.path().string());
  }
  return paths;
}

TEST(AnalysisScope, AQuietRunWritesWhatAWholeDecodingWrites) {
  const std::string stem = ::testing::TempDir() + "quiet_scope_" + std::to_string(::getpid());
  const std::string quiet_path = stem + "_quiet.pcap", whole_path = stem + "_whole.pcap";
  // On the MCTP header, on a message's layers, on a binding, on packet names only, on Raw, on
  // diagnostics (which need every layer), and none.
  const char* filters[] = {"mctp.dst == 9",      "mctp.src == 8 and mctp.som", "mctpc.command == 2",
                           "pldm",               "pldm.type == 2 or spdm",     "smbus.src",
                           "frame.len > 12",     "raw",                        "_diag",
                           "not mctp.eom",       ""};
  std::size_t written = 0, cases = 0;
  for (const std::string& capture : captures()) {
    for (const char* filter : filters) {
      for (unsigned threads : {1u, 2u}) {
        const std::string where = capture + " -Y '" + filter + "' --threads " + std::to_string(threads);
        AnalyzeOptions quiet;
        quiet.quiet = true;
        quiet.filter = filter;
        quiet.threads = threads;
        quiet.write_path = quiet_path;
        AnalyzeOptions whole = quiet;
        whole.quiet = false;  // summary lines: every layer is decoded
        whole.write_path = whole_path;
        const test_support::Output q = test_support::run({capture}, quiet);
        const test_support::Output w = test_support::run({capture}, whole);
        EXPECT_EQ(q.err, w.err) << where;
        EXPECT_EQ(q.result.packets, w.result.packets) << where;
        const std::string bytes = file_bytes(quiet_path);
        EXPECT_EQ(bytes, file_bytes(whole_path)) << where;
        written += bytes.size() > 24 ? 1 : 0;  // more than the file header
        ++cases;
      }
    }
  }
  std::remove(quiet_path.c_str());
  std::remove(whole_path.c_str());
  // The comparison means something: most runs wrote packets.
  EXPECT_GT(written, cases / 2);
}

// Each line without its last column.
std::string without_last_column(const std::string& text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    out += line.substr(0, line.rfind('\t'));
    out += '\n';
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return out;
}

TEST(AnalysisScope, FieldColumnsAreWhatAWholeDecodingGives) {
  // A link column makes a run decode every layer (the links read the messages' commands): the
  // same columns with one added last, then taken off, are what every layer decoded gives.
  const std::vector<std::vector<std::string>> column_sets = {
      {"mctp.src", "mctp.dst"},
      {"frame.number", "frame.len", "mctp.tag", "smbus.src"},
      {"mctpc.command", "pldm.type", "spdm.code"},
      {"raw.data"},
      {"frame.message_frames", "mctp.msg_type"},
  };
  const char* filters[] = {"", "mctp.src == 8", "pldm"};
  std::size_t cells = 0;
  for (const std::string& capture : captures()) {
    for (const auto& columns : column_sets) {
      for (const char* filter : filters) {
        for (unsigned threads : {1u, 2u}) {
          AnalyzeOptions fields;
          fields.format = OutputFormat::Fields;
          fields.fields = columns;
          fields.filter = filter;
          fields.threads = threads;
          AnalyzeOptions whole = fields;
          whole.fields.push_back("mctp.response_in");
          const test_support::Output f = test_support::run({capture}, fields);
          const test_support::Output w = test_support::run({capture}, whole);
          const std::string where = capture + " -Y '" + filter + "' -e " + columns.front();
          EXPECT_EQ(f.err, w.err) << where;
          EXPECT_EQ(f.out, without_last_column(w.out)) << where;
          cells += f.out.size();
        }
      }
    }
  }
  EXPECT_GT(cells, 10000u);
}

TEST(AnalysisScope, RecordsAreDecodedNoFurtherThanTheScope) {
  const DecodeScope transport_only(default_registry(), [](const LayerDef& def) { return &def == &mctp::kTransport; });
  for (bool ahead : {false, true}) {
    auto one = capture::open_capture(kCaptures + "mctp-smbus-i2c.pcap");
    auto two = capture::open_capture(kCaptures + "mctp-smbus-i2c.pcap");
    ASSERT_TRUE(one && two);
    detail::DecodedRecords whole(*one.reader, default_registry(), std::nullopt, ahead);
    detail::DecodedRecords within(*two.reader, default_registry(), std::nullopt, ahead, nullptr, &transport_only);
    std::size_t shorter = 0;
    for (;;) {
      const detail::DecodedRecords::Item& a = whole.next();
      const detail::DecodedRecords::Item& b = within.next();
      ASSERT_EQ(a.read, b.read);
      if (!a.read) break;
      ASSERT_EQ(a.record.data, b.record.data);
      // The binding and the transport layer, as the whole decoding has them, then nothing.
      const std::size_t transport = mctp::transport_index(b.frame);
      ASSERT_LT(transport, b.frame.layers.size());
      EXPECT_EQ(b.frame.layers.size(), transport + 1);
      ASSERT_EQ(mctp::transport_index(a.frame), transport);
      for (std::size_t i = 0; i <= transport; ++i) {
        EXPECT_EQ(b.frame.layers[i].def().id, a.frame.layers[i].def().id);
        EXPECT_EQ(b.frame.layers[i].offset, a.frame.layers[i].offset);
      }
      EXPECT_EQ(to_hex(mctp::packet_bytes(b.frame)), to_hex(mctp::packet_bytes(a.frame)));
      shorter += b.frame.layers.size() < a.frame.layers.size() ? 1 : 0;
    }
    EXPECT_GT(shorter, 0u);
  }
}

}  // namespace
}  // namespace mctpkit::analysis
