// CommandLabels keeps each command name by the parts that decide it. If those parts missed
// anything the name depends on, a name kept for one frame would be given to another: every
// golden vector and capture packet, in order, must get the name worked out from the frame alone.

#include <gtest/gtest.h>

#include <set>

#include "mctpkit/analysis/command_label.hpp"
#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "vectors.hpp"

namespace mctpkit::testing {
namespace {

TEST(CommandLabels, AKeptNameIsTheNameOfTheFrameAsked) {
  analysis::CommandLabels labels;
  std::set<std::string> names;
  std::size_t frames = 0;
  auto check = [&](const Frame& frame, const std::string& where) {
    const std::string expected = analysis::command_label(frame);
    EXPECT_EQ(labels.of(frame), expected) << where;
    names.insert(expected);
    ++frames;
  };
  for (const char* file : {"pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv", "pymctp-ipmi.tsv", "seed-examples.tsv"}) {
    for (const Vector& v : load_vectors(file)) check(decode(v.data, v.link), v.source);
  }
  for (const char* name : {"mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    ASSERT_TRUE(opened) << name << ": " << opened.error;
    while (auto record = opened.reader->next()) {
      if (!record->link.empty()) check(decode(record->data, record->link), name);
    }
  }
  EXPECT_GT(frames, 700u);
  EXPECT_GT(names.size(), 50u);  // many different commands, so that kept names are reused across them
  EXPECT_TRUE(names.count("control set_endpoint_id"));
  EXPECT_TRUE(names.count("continuation"));
}

TEST(CommandLabels, PastItsCapacityNamesAreStillRight) {
  analysis::CommandLabels labels(default_registry(), 2);
  for (const Vector& v : load_vectors("pymctp-control.tsv")) {
    const Frame frame = decode(v.data, v.link);
    EXPECT_EQ(labels.of(frame), analysis::command_label(frame)) << v.source;
  }
}

}  // namespace
}  // namespace mctpkit::testing
