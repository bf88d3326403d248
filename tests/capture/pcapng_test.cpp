// pcapng: several interfaces with different link types (which libpcap 1.10 refuses), both
// byte orders, timestamp resolutions, simple packet blocks, several sections, damage.

#include <gtest/gtest.h>

#include "capture_test_support.hpp"
#include "mctpkit/capture/link_types.hpp"

namespace mctpkit::capture::test {
namespace {

class PcapngBuilder {
 public:
  explicit PcapngBuilder(bool big_endian) : big_(big_endian) {}

  PcapngBuilder& section(std::uint16_t major_version = 1) {
    Bytes body;
    put(body, 0x1A2B3C4D, 4);
    put(body, major_version, 2);
    put(body, 0, 2);
    put(body, ~std::uint64_t{0}, 8);  // section length unknown
    return block(0x0A0D0D0A, body);
  }

  // `resolution`: if_tsresol, `offset`: if_tsoffset, both left out when nullopt.
  PcapngBuilder& interface(std::uint32_t link_type, std::optional<std::uint8_t> resolution = std::nullopt,
                           std::optional<std::int64_t> offset = std::nullopt) {
    Bytes body;
    put(body, link_type, 2);
    put(body, 0, 2);
    put(body, 65535, 4);
    if (resolution) option(body, 9, Bytes{*resolution});
    if (offset) {
      Bytes value;
      put(value, static_cast<std::uint64_t>(*offset), 8);
      option(body, 14, value);
    }
    if (resolution || offset) put(body, 0, 4);  // opt_endofopt
    return block(1, body);
  }

  PcapngBuilder& enhanced(std::uint32_t interface, std::uint64_t units, const Bytes& data) {
    Bytes body;
    put(body, interface, 4);
    put(body, units >> 32, 4);
    put(body, units & 0xFFFFFFFF, 4);
    put(body, data.size(), 4);
    put(body, data.size(), 4);
    body.insert(body.end(), data.begin(), data.end());
    return block(6, body);
  }

  PcapngBuilder& simple(const Bytes& data) {
    Bytes body;
    put(body, data.size(), 4);
    body.insert(body.end(), data.begin(), data.end());
    return block(3, body);
  }

  PcapngBuilder& obsolete(std::uint16_t interface, std::uint64_t units, const Bytes& data) {
    Bytes body;
    put(body, interface, 2);
    put(body, 0, 2);
    put(body, units >> 32, 4);
    put(body, units & 0xFFFFFFFF, 4);
    put(body, data.size(), 4);
    put(body, data.size(), 4);
    body.insert(body.end(), data.begin(), data.end());
    return block(2, body);
  }

  PcapngBuilder& block(std::uint32_t type, Bytes body) {
    while (body.size() % 4 != 0) body.push_back(0);
    auto length = static_cast<std::uint32_t>(body.size() + 12);
    put(out_, type, 4);
    put(out_, length, 4);
    out_.insert(out_.end(), body.begin(), body.end());
    put(out_, length, 4);
    return *this;
  }

  const Bytes& bytes() const { return out_; }

 private:
  void put(Bytes& out, std::uint64_t value, int width) const {
    for (int i = 0; i < width; ++i) {
      int shift = big_ ? 8 * (width - 1 - i) : 8 * i;
      out.push_back(static_cast<std::uint8_t>(value >> shift));
    }
  }
  void option(Bytes& out, std::uint16_t code, const Bytes& value) const {
    put(out, code, 2);
    put(out, value.size(), 2);
    out.insert(out.end(), value.begin(), value.end());
    while (out.size() % 4 != 0) out.push_back(0);
  }

  bool big_;
  Bytes out_;
};

const Bytes kSllPacket = hex("0004 0122 0000 0000000000000000 00fa 010008c80080010009");
const Bytes kI2cPacket = hex("01 00000000 3a0f0a21010008c80080010009ce");
const Bytes kBarePacket = hex("010908c9008102");

std::vector<CaptureRecord> read_memory(const Bytes& file, CaptureReader** keep = nullptr,
                                       std::unique_ptr<CaptureReader>* holder = nullptr) {
  OpenResult opened = open_capture_memory(file);
  EXPECT_TRUE(opened.reader) << opened.error;
  if (!opened.reader) return {};
  EXPECT_EQ(opened.reader->format_name(), "pcapng");
  std::vector<CaptureRecord> records = read_all(*opened.reader);
  if (keep != nullptr) *keep = opened.reader.get();
  if (holder != nullptr) *holder = std::move(opened.reader);
  return records;
}

class PcapngOrders : public ::testing::TestWithParam<bool> {};

TEST_P(PcapngOrders, InterfacesWithDifferentLinkTypesAndResolutions) {
  PcapngBuilder file(GetParam());
  file.section()
      .interface(kDltLinuxSll)                           // microseconds by default
      .interface(kDltI2cLinux, 9)                        // nanoseconds
      .interface(kDltUser0, 0x80 | 10, -3600)            // 1/1024 s, an hour earlier
      .enhanced(0, 1'700'000'000'000'001, kSllPacket)
      .enhanced(1, 1'700'000'000'123'456'789, kI2cPacket)
      .enhanced(2, std::uint64_t{1'700'000'000} * 1024 + 512, kBarePacket)
      .block(5, Bytes(8, 0))  // interface statistics: ignored
      .obsolete(0, 1'700'000'001'000'000, kSllPacket)
      .simple(kSllPacket);
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_memory(file.bytes(), nullptr, &reader);
  ASSERT_EQ(records.size(), 5u);
  EXPECT_FALSE(reader->failed());
  EXPECT_TRUE(reader->diagnostics().empty());

  EXPECT_EQ(records[0].link, "mctp");
  EXPECT_EQ(records[0].link_type, kDltLinuxSll);
  EXPECT_EQ(to_hex(records[0].data), "01 00 08 C8 00 80 01 00 09");
  EXPECT_EQ(records[0].time_ns, 1'700'000'000'000'001'000);

  EXPECT_EQ(records[1].link, "smbus");
  EXPECT_EQ(records[1].link_type, kDltI2cLinux);
  EXPECT_EQ(to_hex(records[1].data), "3A 0F 0A 21 01 00 08 C8 00 80 01 00 09 CE");
  EXPECT_EQ(records[1].time_ns, 1'700'000'000'123'456'789);

  EXPECT_EQ(records[2].link, "mctp");
  EXPECT_EQ(records[2].link_type, kDltUser0);
  EXPECT_EQ(records[2].data, kBarePacket);
  EXPECT_EQ(records[2].time_ns, 1'699'996'400'500'000'000);

  EXPECT_EQ(records[3].number, 4u);
  EXPECT_EQ(records[3].time_ns, 1'700'000'001'000'000'000);
  EXPECT_EQ(records[3].link, "mctp");

  // Simple packet blocks carry no time.
  EXPECT_EQ(records[4].number, 5u);
  EXPECT_FALSE(records[4].time_ns.has_value());
  EXPECT_EQ(to_hex(records[4].data), "01 00 08 C8 00 80 01 00 09");
}

INSTANTIATE_TEST_SUITE_P(ByteOrders, PcapngOrders, ::testing::Values(false, true));

TEST(Pcapng, InterfacesRestartWithEverySection) {
  PcapngBuilder file(false);
  file.section()
      .interface(kDltLinuxSll)
      .interface(kDltI2cLinux)
      .enhanced(1, 0, kI2cPacket)
      .section()  // a second section in the other byte order is allowed too, see below
      .interface(kDltLinuxSll)
      .enhanced(1, 0, kI2cPacket)
      .enhanced(0, 0, kSllPacket);
  PcapngBuilder big(true);
  big.section().interface(kDltI2cLinux).enhanced(0, 5, kI2cPacket);
  Bytes both = file.bytes();
  both.insert(both.end(), big.bytes().begin(), big.bytes().end());

  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_memory(both, nullptr, &reader);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].link, "smbus");
  EXPECT_EQ(records[1].link, "");
  EXPECT_EQ(records[1].skip_reason, "packet of interface 1, which has no description block");
  EXPECT_EQ(records[2].link, "mctp");
  EXPECT_EQ(records[3].link, "smbus");
  EXPECT_EQ(records[3].time_ns, 5'000);
  EXPECT_FALSE(reader->failed());
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].line_or_record, 2u);
  EXPECT_FALSE(reader->diagnostics()[0].fatal);
}

TEST(Pcapng, CorruptBlockLengthStopsAfterTheEarlierRecords) {
  PcapngBuilder file(false);
  file.section().interface(kDltLinuxSll).enhanced(0, 0, kSllPacket).enhanced(0, 0, kSllPacket);
  Bytes bytes = file.bytes();
  Bytes tail = PcapngBuilder(false).enhanced(0, 0, kSllPacket).bytes();
  std::size_t start = bytes.size();
  bytes.insert(bytes.end(), tail.begin(), tail.end());
  bytes[start + 4] = 0x3D;  // not a multiple of 4
  CaptureReader* reader = nullptr;
  std::unique_ptr<CaptureReader> holder;
  std::vector<CaptureRecord> records = read_memory(bytes, &reader, &holder);
  EXPECT_EQ(records.size(), 2u);
  ASSERT_TRUE(reader->failed());
  ASSERT_EQ(reader->diagnostics().size(), 1u);
  EXPECT_EQ(reader->diagnostics()[0].line_or_record, 3u);
  EXPECT_EQ(reader->diagnostics()[0].message,
            "corrupt pcapng at byte offset " + std::to_string(start) + ": invalid block length 61");
}

TEST(Pcapng, CapturedLengthBeyondTheBlockSkipsTheRecord) {
  PcapngBuilder file(false);
  file.section().interface(kDltLinuxSll).enhanced(0, 0, kSllPacket).enhanced(0, 0, kSllPacket);
  Bytes bytes = file.bytes();
  // First EPB starts after SHB (28) and IDB (20); its captured length is at +20.
  bytes[28 + 20 + 20] = 0xFF;
  std::unique_ptr<CaptureReader> holder;
  std::vector<CaptureRecord> records = read_memory(bytes, nullptr, &holder);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].skip_reason, "corrupt packet block: captured length 255 exceeds the block");
  EXPECT_EQ(records[1].link, "mctp");
  EXPECT_FALSE(holder->failed());
}

TEST(Pcapng, BadSectionHeaderIsAnOpenError) {
  Bytes bytes = PcapngBuilder(false).section().bytes();
  bytes[8] = 0x00;  // byte-order magic
  EXPECT_EQ(open_capture_memory(bytes, {}, "x").error,
            "cannot read pcapng 'x': corrupt pcapng at byte offset 0: section header with an unknown "
            "byte-order magic");
  Bytes truncated(bytes.begin(), bytes.begin() + 6);
  truncated[0] = 0x0A;
  EXPECT_EQ(open_capture_memory(truncated, {}, "x").error,
            "cannot read pcapng 'x': corrupt pcapng at byte offset 0: truncated block header (6 of 8 "
            "bytes)");
}

TEST(Pcapng, EveryCutInsideTheLastBlockOfTheSample) {
  Bytes whole = read_bytes(capture_path("mctp-sll.pcapng"));
  std::uint32_t last_length = whole[whole.size() - 4] | whole[whole.size() - 3] << 8;
  std::size_t last = whole.size() - last_length;
  for (std::size_t cut = last; cut < whole.size(); ++cut) {
    SCOPED_TRACE("cut at " + std::to_string(cut));
    Bytes part(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(cut));
    std::unique_ptr<CaptureReader> reader;
    std::vector<CaptureRecord> records = read_memory(part, nullptr, &reader);
    ASSERT_EQ(records.size(), 34u);
    EXPECT_EQ(to_hex(records[33].data), to_hex(load_samples()[33].mctp));
    if (cut == last) {
      EXPECT_FALSE(reader->failed());
      continue;
    }
    ASSERT_TRUE(reader->failed());
    ASSERT_EQ(reader->diagnostics().size(), 1u);
    std::size_t got = cut - last;
    std::string what = got < 8 ? "truncated block header (" + std::to_string(got) + " of 8 bytes)"
                               : "truncated block: " + std::to_string(got) + " of " +
                                     std::to_string(last_length) + " bytes";
    EXPECT_EQ(reader->diagnostics()[0].message,
              "corrupt pcapng at byte offset " + std::to_string(last) + ": " + what);
    EXPECT_EQ(reader->diagnostics()[0].line_or_record, 35u);
  }
}

// A capture whose first record is whole, followed by `tail`: reading stops after that record
// with `what`, placed at the tail's first byte, whether the records are read or skipped.
void expect_stop_after_one_record(const Bytes& tail, const std::string& what) {
  Bytes bytes = PcapngBuilder(false).section().interface(kDltLinuxSll).enhanced(0, 0, kSllPacket).bytes();
  const std::string expected = "corrupt pcapng at byte offset " + std::to_string(bytes.size()) + ": " + what;
  bytes.insert(bytes.end(), tail.begin(), tail.end());
  for (bool skip : {false, true}) {
    SCOPED_TRACE(skip ? "skip()" : "next()");
    OpenResult opened = open_capture_memory(bytes);
    ASSERT_TRUE(opened.reader) << opened.error;
    CaptureReader& reader = *opened.reader;
    std::size_t records = 0;
    CaptureRecord record;
    bool carries_mctp = false;
    while (skip ? reader.skip(carries_mctp) : reader.next(record)) ++records;
    EXPECT_EQ(records, 1u);
    ASSERT_TRUE(reader.failed());
    ASSERT_EQ(reader.diagnostics().size(), 1u);
    EXPECT_EQ(reader.diagnostics()[0].message, expected);
    EXPECT_EQ(reader.diagnostics()[0].line_or_record, 2u);
  }
}

TEST(Pcapng, DamagedBlocksAfterARecordAreNamedAtTheirOffset) {
  Bytes mismatched = PcapngBuilder(false).enhanced(0, 0, kSllPacket).bytes();
  mismatched[mismatched.size() - 4] = 64;
  expect_stop_after_one_record(mismatched, "block length 60 does not match its trailing length 64");
  expect_stop_after_one_record(PcapngBuilder(false).section(2).bytes(), "unsupported pcapng version 2.0");
  Bytes cut = PcapngBuilder(false).section().bytes();
  cut.resize(10);
  expect_stop_after_one_record(cut, "truncated section header block");
  Bytes unknown_order = PcapngBuilder(false).section().bytes();
  unknown_order[8] = 0;
  expect_stop_after_one_record(unknown_order, "section header with an unknown byte-order magic");
  expect_stop_after_one_record(hex("06000000 04000001"), "block of 16777220 bytes, more than the 16777216 accepted");
}

TEST(Pcapng, UnreadablePacketBlocksAreRecordsThatSayWhy) {
  PcapngBuilder file(false);
  file.section()
      .block(1, Bytes(4, 0))              // interface 0: too short to describe one
      .interface(kDltLinuxSll, 9)         // interface 1, nanoseconds
      .enhanced(0, 0, kSllPacket)         // of the corrupt interface
      .block(6, Bytes(16, 0))             // an enhanced packet block without room for its lengths
      .enhanced(1, ~std::uint64_t{0}, kSllPacket)  // 2^64 - 1 ns: beyond a signed 64-bit time
      .enhanced(1, 7, kSllPacket);
  std::unique_ptr<CaptureReader> reader;
  std::vector<CaptureRecord> records = read_memory(file.bytes(), nullptr, &reader);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].link, "");
  EXPECT_EQ(records[0].skip_reason, "interface 0 has a corrupt description block");
  EXPECT_EQ(records[0].data.size(), 48u);  // the block's body
  EXPECT_FALSE(records[0].time_ns.has_value());
  EXPECT_EQ(records[1].skip_reason, "corrupt packet block: too short");
  EXPECT_EQ(records[1].data, Bytes(16, 0));
  EXPECT_EQ(records[1].original_length, 16u);
  EXPECT_EQ(records[2].link, "mctp");
  EXPECT_FALSE(records[2].time_ns.has_value());
  EXPECT_EQ(records[3].link, "mctp");
  EXPECT_EQ(records[3].number, 4u);
  EXPECT_EQ(records[3].time_ns, 7);
  EXPECT_FALSE(reader->failed());
  const std::vector<std::pair<std::uint64_t, std::string>> expected = {
      {1, "interface 0: description block too short"},
      {1, "interface 0 has a corrupt description block"},
      {2, "corrupt packet block: too short"},
      {3, "timestamp out of range; the record has no time"}};
  auto listed = [](const std::vector<CaptureDiagnostic>& diagnostics) {
    std::vector<std::pair<std::uint64_t, std::string>> out;
    for (const CaptureDiagnostic& d : diagnostics) out.emplace_back(d.line_or_record, d.message);
    return out;
  };
  EXPECT_EQ(listed(reader->diagnostics()), expected);

  // Skipped rather than read: the same records carry MCTP, with the same diagnostics.
  OpenResult skipped = open_capture_memory(file.bytes());
  ASSERT_TRUE(skipped.reader) << skipped.error;
  std::vector<bool> mctp;
  bool carries_mctp = false;
  while (skipped.reader->skip(carries_mctp)) mctp.push_back(carries_mctp);
  EXPECT_EQ(mctp, (std::vector<bool>{false, false, true, true}));
  EXPECT_EQ(listed(skipped.reader->diagnostics()), expected);
}

}  // namespace
}  // namespace mctpkit::capture::test
