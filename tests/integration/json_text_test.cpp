// The JSON of a frame is written as text directly. It must be the text a JSON library writes for
// the same object: parsing it and writing it again with nlohmann::json changes nothing, for every
// golden vector, every captured packet, and frames whose values need escaping or are signed or
// real numbers.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "mctpkit/capture/open.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/hex_text.hpp"
#include "mctpkit/output/output.hpp"
#include "vectors.hpp"

namespace mctpkit::testing {
namespace {

void expect_library_text(const Frame& frame, const std::string& where) {
  const std::string text = output::json(frame);
  nlohmann::ordered_json parsed;
  try {
    parsed = nlohmann::ordered_json::parse(text);
  } catch (const std::exception& e) {
    ADD_FAILURE() << where << ": not JSON (" << e.what() << "): " << text;
    return;
  }
  EXPECT_EQ(parsed.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace), text) << where;
}

Bytes hex(std::string_view text) { return std::get<Bytes>(parse_hex_text(text)); }

TEST(JsonText, EveryGoldenVector) {
  std::size_t count = 0;
  for (const char* file : {"pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv", "pymctp-ipmi.tsv", "seed-examples.tsv"}) {
    for (const Vector& v : load_vectors(file)) {
      expect_library_text(decode(v.data, v.link), v.source);
      ++count;
    }
  }
  EXPECT_GT(count, 500u);
}

TEST(JsonText, EveryCapturedPacket) {
  for (const char* name : {"mctp-sll.pcap", "mctp-sll2.pcap", "mctp-smbus-i2c.pcap", "libmctp-demux-serial.pcap"}) {
    capture::OpenResult opened = capture::open_capture(std::string(MCTPKIT_SHARED_DIR) + "/captures/" + name);
    ASSERT_TRUE(opened) << name;
    while (auto record = opened.reader->next()) {
      if (!record->link.empty()) expect_library_text(decode(record->data, record->link), name);
    }
  }
}

TEST(JsonText, ValuesThatNeedCare) {
  // A FRU text field with a quote, a backslash, control bytes and bytes beyond ASCII (valid and
  // invalid UTF-8), a negative sensor reading, a real32 PDR value, a bad PEC diagnostic.
  const char* packets[][2] = {
      {"mctp", "01 08 09 c0 01 08 09 c5 01 04 04 02 00 00 00 00 00 05 01 00 01 01 01 02 0a 22 5c 0a 09 01 c3 a9 ff 41 42"},
      {"mctp", "01 08 09 c0 01 00 02 11 00 00 00 00 01 fb"},
      {"smbus", "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F5"},
      {"mctp", "01 08 09 c0 01 00 02 51 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
      {"mctp", "01"},
  };
  for (const auto& p : packets) expect_library_text(decode(hex(p[1]), p[0]), p[1]);
}

// Strings are copied and checked in blocks of 16 bytes: a byte that needs care is put at every
// place of strings of every length up to three blocks, alone and followed by a second one.
TEST(JsonText, StringsWithAByteThatNeedsCareAtEveryPlace) {
  const std::string specials[] = {"\"", "\\", "\n", "\t", std::string(1, '\0'), "\x01", "\x1f",
                                  "\xc3\xa9", "\xff", "\x80"};
  // Bytes next to the limits of what is copied as it is: these stay as they are.
  const std::string plain_edges = " ~\x7f!#[]";
  std::size_t checked = 0;
  for (std::size_t length = 0; length <= 48; ++length) {
    std::string base(length, 'a');
    for (std::size_t i = 0; i < length; ++i) base[i] = plain_edges[i % plain_edges.size()];
    const auto expect_library_string = [&](const std::string& text) {
      std::string written;
      output::append_json_string(written, text);
      EXPECT_EQ(written, nlohmann::ordered_json(text).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace))
          << "length " << text.size();
      ++checked;
    };
    expect_library_string(base);
    for (std::size_t at = 0; at <= length; ++at) {
      for (const std::string& special : specials) {
        std::string text = base;
        text.insert(at, special);
        expect_library_string(text);
        text.insert(std::min(text.size(), at + special.size() + 3), "\"");
        expect_library_string(text);
      }
    }
  }
  EXPECT_GT(checked, 24000u);
}

TEST(JsonText, ExactTextOfOnePacket) {
  EXPECT_EQ(output::json(decode(hex("01 09 08 c8 00 82 02"), "mctp")),
            R"j({"link":"mctp","length":7,"summary":"MCTP 0:0 (09 <-- 08) (S:E:TO) CTRL / CONTROL REQ (instance_id: 2, )j"
            R"j(cmd_code=2) / GetEndpointID ()","layers":[{"layer":"mctp","offset":0,"length":5,"fields":{"mctp.reserved":0,)j"
            R"j("mctp.version":1,"mctp.dst":9,"mctp.src":8,"mctp.som":1,"mctp.eom":1,"mctp.pkt_seq":0,"mctp.to":1,"mctp.tag":0,)j"
            R"j("mctp.ic":0,"mctp.msg_type":0}},{"layer":"control","offset":5,"length":2,"fields":{"mctpc.rq":1,"mctpc.d":0,)j"
            R"j("mctpc.reserved":0,"mctpc.iid":2,"mctpc.command":2}},{"layer":"get_endpoint_id_req","offset":7,"length":0,)j"
            R"j("fields":{}}],"diagnostics":[]})j");
}

}  // namespace
}  // namespace mctpkit::testing
