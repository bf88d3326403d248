// The NVMe-MI header and its MIC: the reference's CRC-32C vector, the two NVMe-MI packets of the
// shared sample capture, corruption and truncation.

#include "test_util.hpp"

namespace mctpkit::nvme_mi::test {
namespace {

// Sample capture frames 32 and 33 (captures/samples.json): Read NVMe-MI Data Structure for the
// NVM subsystem information, and its 32-byte answer.
constexpr std::string_view kReadDsRequest =
    "01 09 08 c8 84 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 e2 00 06 07";
constexpr std::string_view kReadDsResponse =
    "01 08 09 c0 84 88 00 00 00 20 00 00 00 01 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
    "00 00 00 00 00 00 00 00 00 00 00 00 f7 28 7d 6f";
// Reference 8.2: Subsystem Health Status Poll request, MIC 0x3677D4D2 appended little-endian.
constexpr std::string_view kHealthPoll = "01 09 08 c8 84 08 00 00 01 00 00 00 00 00 00 00 00 00 00 00 d2 d4 77 36";

TEST(NvmeMiMic, ReferenceVector) {
  Bytes rest = hex("08 00 00 01 00 00 00 00 00 00 00 00 00 00 00");
  EXPECT_EQ(message_mic(0x84, rest), 0x3677D4D2u);
  // CRC-32C check value, split after the first byte as the layer splits it.
  Bytes digits = hex("32 33 34 35 36 37 38 39");
  EXPECT_EQ(message_mic('1', digits), 0xE3069283u);
}

TEST(NvmeMiHeader, CaptureRequestDecodes) {
  Frame f = decode_mctp(kReadDsRequest);
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(layer_ids(f), (std::vector<std::string>{"mctp", "nvme_mi", "nvme_mi_cmd_req", "nvme_mi_read_ds_req"}));
  const Layer& h = f.layers[1];
  EXPECT_EQ(h.num("ror"), 0u);
  EXPECT_EQ(h.num("nmimt"), 1u);
  EXPECT_EQ(h.num("csi"), 0u);
  EXPECT_EQ(h.num("meb"), 0u);
  EXPECT_EQ(h.num("mic"), 0x070600E2u);
  EXPECT_EQ(h.offset, 5u);
  EXPECT_EQ(h.length, 19u);
  EXPECT_EQ(f.layers[2].num("opcode"), 0u);
  EXPECT_EQ(f.layers[3].num("dtyp"), 0u);
  EXPECT_EQ(summary(f),
            "MCTP 0:0 (09 <-- 08) (S:E:TO) NVMeMgmtMsg / NVMeMI (ror: request, nmimt: mi_command, csi: 0, ciap: 0, "
            "meb: 0, mic: 0x070600E2) / NVMeMICommand (opcode: read_data_structure) / ReadDataStructure (ctrl_id: 0, "
            "port_id: 0, dtyp: nvm_subsystem_info, iocsi: 0)");
}

TEST(NvmeMiHeader, CaptureResponseDecodes) {
  Frame f = decode_mctp(kReadDsResponse);
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(layer_ids(f), (std::vector<std::string>{"mctp", "nvme_mi", "nvme_mi_cmd_rsp", "raw"}));
  EXPECT_EQ(f.layers[1].num("ror"), 1u);
  EXPECT_EQ(f.layers[1].num("mic"), 0x6F7D28F7u);
  EXPECT_EQ(f.layers[2].num("status"), 0u);
  EXPECT_EQ(f.layers[2].num("nmresp"), 0x20u);
  EXPECT_EQ(f.layers[3].bytes("data").size(), 32u);
  EXPECT_EQ(summary(f),
            "MCTP 0:0 (08 <-- 09) (S:E) NVMeMgmtMsg / NVMeMI (ror: response, nmimt: mi_command, csi: 0, ciap: 0, "
            "meb: 0, mic: 0x6F7D28F7) / NVMeMIResponse (status: success, nmresp: 0x000020) / Raw");
}

TEST(NvmeMiHeader, ReferenceHealthPollVector) {
  Frame f = decode_mctp(kHealthPoll);
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  ASSERT_EQ(f.layers.size(), 4u);
  EXPECT_EQ(f.layers[1].num("mic"), 0x3677D4D2u);
  EXPECT_EQ(f.layers[3].def().id, "nvme_mi_subsys_health_poll_req");
  EXPECT_EQ(f.layers[3].num("cs"), 0u);
}

TEST(NvmeMiHeader, RoundTripsByteForByte) {
  for (std::string_view v : {kReadDsRequest, kReadDsResponse, kHealthPoll}) {
    Frame f = decode_mctp(v);
    EXPECT_EQ(f.build(registry()), hex(v)) << v;
  }
}

TEST(NvmeMiHeader, FlippedMessageByteIsBadChecksum) {
  Bytes data = hex(kHealthPoll);
  data[19] ^= 0x80;  // NMD1 bit 31: clear status
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});
  ASSERT_EQ(f.diagnostics.size(), 1u);
  EXPECT_EQ(f.diagnostics[0].layer_id, "nvme_mi");
  EXPECT_EQ(f.diagnostics[0].offset, 20u);
  EXPECT_EQ(f.diagnostics[0].severity, Severity::Warning);
}

TEST(NvmeMiHeader, MicCoversTheTypeByte) {
  Bytes data = hex(kHealthPoll);
  data[4] ^= 0x80;  // IC bit in the transport's message header byte
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});
}

// Every single-bit flip after the type byte is caught by the MIC; flips of reserved bits are
// reported as such as well.
TEST(NvmeMiHeader, EveryBitFlipAfterTheTypeByteIsDetected) {
  for (std::string_view v : {kReadDsRequest, kReadDsResponse, kHealthPoll}) {
    const Bytes good = hex(v);
    for (std::size_t i = 5; i < good.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        Bytes data = good;
        data[i] ^= static_cast<std::uint8_t>(1u << bit);
        Frame f = decode(data, "mctp", registry());
        EXPECT_TRUE(has(f, DiagKind::BadChecksum)) << v << " byte " << i << " bit " << bit;
      }
    }
  }
}

TEST(NvmeMiHeader, EveryBitFlipDecodesWithoutCrash) {
  for (std::string_view v : {kReadDsRequest, kReadDsResponse, kHealthPoll}) {
    const Bytes good = hex(v);
    for (std::size_t i = 0; i < good.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        Bytes data = good;
        data[i] ^= static_cast<std::uint8_t>(1u << bit);
        Frame f = decode(data, "mctp", registry());
        EXPECT_FALSE(f.layers.empty());
        (void)summary(f);
      }
    }
  }
}

TEST(NvmeMiHeader, ReservedHeaderBitsAreReported) {
  Bytes data = hex(kHealthPoll);
  data[5] |= 0x02;  // byte 1 bit 1: reserved
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), (std::vector<DiagKind>{DiagKind::Reserved, DiagKind::BadChecksum}));
  data = hex(kHealthPoll);
  data[7] = 0x01;  // byte 3: reserved
  f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), (std::vector<DiagKind>{DiagKind::Reserved, DiagKind::BadChecksum}));
}

TEST(NvmeMiHeader, EveryTruncationOfAFixedSizeMessageIsTruncated) {
  for (std::string_view v : {kReadDsRequest, kHealthPoll}) {
    const Bytes good = hex(v);
    for (std::size_t n = 0; n < good.size(); ++n) {
      Frame f = decode(ByteView(good.data(), n), "mctp", registry());
      EXPECT_TRUE(has(f, DiagKind::Truncated)) << v << " cut at " << n << "\n" << describe_all(f);
    }
  }
}

// The response's data has no stated size in the frame, so a shorter one is seen through the MIC.
TEST(NvmeMiHeader, EveryTruncationOfAResponseIsNoticed) {
  const Bytes good = hex(kReadDsResponse);
  for (std::size_t n = 0; n < good.size(); ++n) {
    Frame f = decode(ByteView(good.data(), n), "mctp", registry());
    bool truncated = has(f, DiagKind::Truncated);
    bool bad_mic = has(f, DiagKind::BadChecksum);
    EXPECT_TRUE(truncated || bad_mic) << "cut at " << n;
    if (n < 4 + 4 + 4 + 4) { EXPECT_TRUE(truncated) << "cut at " << n; }
  }
}

TEST(NvmeMiHeader, MissingMicIsTruncatedInTheMic) {
  Frame f = decode_mctp("01 09 08 c8 84 08 00 00");
  ASSERT_EQ(f.diagnostics.size(), 1u) << describe_all(f);
  EXPECT_EQ(f.diagnostics[0].kind, DiagKind::Truncated);
  EXPECT_EQ(f.diagnostics[0].layer_id, "nvme_mi");
  EXPECT_EQ(f.diagnostics[0].offset, 8u);
}

// IC=0 is not what NVMe-MI expects, but the MIC is then computed over the byte that was sent.
TEST(NvmeMiHeader, MicOverAnIcZeroTypeByte) {
  Frame f = decode_mctp("01 09 08 c8 04 08 00 00 01 00 00 00 00 00 00 00 00 00 00 00 2a 91 46 87");
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  Frame wrong = decode_mctp("01 09 08 c8 04 08 00 00 01 00 00 00 00 00 00 00 00 00 00 00 d2 d4 77 36");
  EXPECT_EQ(kinds(wrong), std::vector<DiagKind>{DiagKind::BadChecksum});
}

// The first packet of a longer message ends before its MIC: nothing to check.
TEST(NvmeMiHeader, FirstPacketOfALongerMessageIsNotChecked) {
  Frame f = decode_mctp("01 09 08 88 84 08 00 00 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
  EXPECT_FALSE(has(f, DiagKind::BadChecksum)) << describe_all(f);
  EXPECT_EQ(f.layers[0].num("eom"), 0u);
}

TEST(NvmeMiHeader, CsiMebAndCiapBits) {
  Frame f = decode_mctp("01 09 08 c8 84 09 03 00 0a 00 00 00 00 00 00 00 40 00 00 00 53 88 a8 73");
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::BadChecksum});  // MIC computed with byte 2 = 0x01
  f = decode_mctp("01 09 08 c8 84 09 01 00 0a 00 00 00 00 00 00 00 40 00 00 00 53 88 a8 73");
  EXPECT_TRUE(f.diagnostics.empty()) << describe_all(f);
  EXPECT_EQ(f.layers[1].num("csi"), 1u);
  EXPECT_EQ(f.layers[1].num("meb"), 1u);
  EXPECT_EQ(f.layers[1].num("ciap"), 0u);
  EXPECT_EQ(f.layers[3].def().id, "nvme_mi_meb_read_req");
  EXPECT_EQ(f.layers[3].num("nmd1"), 0x40u);
}

TEST(NvmeMiHeader, UnknownNmimtIsRawWithInfo) {
  // NMIMT 3 (reserved); MIC over the message as sent.
  Bytes msg = hex("84 18 00 00 01 02 03 04");
  std::uint32_t mic = message_mic(msg[0], ByteView(msg).subspan(1));
  Bytes data = hex("01 09 08 c8");
  data.insert(data.end(), msg.begin(), msg.end());
  for (int k = 0; k < 4; ++k) data.push_back(static_cast<std::uint8_t>(mic >> (8 * k)));
  Frame f = decode(data, "mctp", registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::UnknownType});
  EXPECT_EQ(layer_ids(f), (std::vector<std::string>{"mctp", "nvme_mi", "raw"}));
}

}  // namespace
}  // namespace mctpkit::nvme_mi::test
