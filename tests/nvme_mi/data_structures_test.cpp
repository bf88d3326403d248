// Response data structures, decoded directly (a response does not name its request), from byte
// vectors written by hand from the layouts.

#include "test_util.hpp"

namespace mctpkit::nvme_mi::test {
namespace {

std::string one_summary(const Layer& l) {
  std::string s;
  render_summary(l, s);
  return s;
}

struct DataVector {
  const LayerDef* def;
  std::string_view hex;
  std::string_view summary;
};

const std::vector<DataVector>& data_vectors() {
  static const std::vector<DataVector> v = {
      {&kSubsystemInfo,
       "00 01 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
       "NVMSubsystemInfo (nump: 0, mjr: 1, mnr: 2, nnsc: 0x00)"},
      {&kPortInfo,
       "01 00 40 00 00 10 00 00 01 0f 03 04 04 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
       "PortInfo (portt: pcie, mmctptus: 64, meb: 4096, mps: 1, sls: 0x0F, cls: 3, mlw: 4, nlw: 4, pn: 0)"},
      {&kPortInfo,
       "02 00 40 00 00 00 00 00 a6 01 3a 02 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
       "PortInfo (portt: smbus, mmctptus: 64, meb: 0, vpd_addr: 0xA6, mvpd_freq: 100khz, mme_addr: 0x3A, "
       "mme_freq: 400khz, nvmebm: 0x01)"},
      {&kPortInfo,
       "00 00 40 00 00 00 00 00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17 18",
       "PortInfo (portt: inactive, mmctptus: 64, meb: 0, port_data: 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 "
       "11 12 13 14 15 16 17 18)"},
      {&kControllerList, "02 00 01 00 02 00", "ControllerList (numids: 2, ids: [1, 2])"},
      {&kControllerInfo,
       "00 00 00 00 00 01 00 01 86 80 53 09 86 80 70 33 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
       "ControllerInfo (portid: 0, prii: 1, pri: 0x0100, vid: 0x8086, did: 0x0953, ssvid: 0x8086, ssid: 0x3370)"},
      {&kOptionalCommandList, "02 00 01 05 02 06", "OptionalCommandList (numcmd: 2, commands: [0x01/0x05, 0x02/0x06])"},
      {&kMebCommandList, "01 00 02 06", "MEBCommandList (numcmd: 1, commands: [0x02/0x06])"},
      {&kSubsystemHealth, "38 00 25 05 01 01 00 00",
       "SubsystemHealth (nss: 0x38, sw: 0x00, ctemp: 37, pdlu: 5, ccs: rdy|csts)"},
      {&kControllerHealthList,
       "01 00 01 00 36 01 05 64 00 00 00 00 00 00 00 00 02 00 00 00 35 01 00 63 01 00 00 00 00 00 00 00",
       "ControllerHealth (entries: [1: csts=0x0001, ctemp=310, pdlu=5, spare=100, cwarn=0x00; 2: csts=0x0000, "
       "ctemp=309, pdlu=0, spare=99, cwarn=0x01])"},
  };
  return v;
}

TEST(NvmeMiData, VectorsDecodeToTheirFields) {
  for (const DataVector& v : data_vectors()) {
    Frame f = decode(hex(v.hex), *v.def, registry());
    EXPECT_TRUE(f.diagnostics.empty()) << v.summary << "\n" << describe_all(f);
    ASSERT_EQ(f.layers.size(), 1u) << v.summary;
    EXPECT_EQ(one_summary(f.layers[0]), v.summary);
    EXPECT_EQ(f.build(registry()), hex(v.hex)) << v.summary;
  }
}

TEST(NvmeMiData, EveryTruncationIsTruncated) {
  for (const DataVector& v : data_vectors()) {
    const Bytes good = hex(v.hex);
    for (std::size_t n = 0; n < good.size(); ++n) {
      Frame f = decode(ByteView(good.data(), n), *v.def, registry());
      // A list that runs to the end may legitimately stop at an element boundary.
      bool whole_entries = v.def == &kControllerHealthList && n % 16 == 0;
      if (whole_entries) {
        EXPECT_TRUE(f.diagnostics.empty()) << v.summary << " cut at " << n;
      } else {
        EXPECT_TRUE(has(f, DiagKind::Truncated)) << v.summary << " cut at " << n;
      }
    }
  }
}

TEST(NvmeMiData, EveryBitFlipDecodesWithoutCrash) {
  for (const DataVector& v : data_vectors()) {
    const Bytes good = hex(v.hex);
    for (std::size_t i = 0; i < good.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        Bytes data = good;
        data[i] ^= static_cast<std::uint8_t>(1u << bit);
        Frame f = decode(data, *v.def, registry());
        ASSERT_FALSE(f.layers.empty());
        (void)one_summary(f.layers[0]);
      }
    }
  }
}

TEST(NvmeMiData, ReservedBitsAreReported) {
  Bytes data = hex("00 00 00 00 00 03 00 01 86 80 53 09 86 80 70 33 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00");
  Frame f = decode(data, kControllerInfo, registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Reserved});
}

TEST(NvmeMiData, ControllerListCountBeyondTheDataIsTruncated) {
  Frame f = decode(hex("03 00 01 00 02 00"), kControllerList, registry());
  EXPECT_EQ(kinds(f), std::vector<DiagKind>{DiagKind::Truncated});
}

TEST(NvmeMiData, CraftedControllerListCountsItsIds) {
  Fields a(*kControllerList.fields[1].element, {{"id", 1}});
  Fields b(*kControllerList.fields[1].element, {{"id", 0x0102}});
  Frame f(Layer(kControllerList, {{"ids", std::vector<Fields>{a, b}}}));
  EXPECT_EQ(f.build(registry()), hex("02 00 01 00 02 01"));
}

TEST(NvmeMiData, CaptureResponseDataIsSubsystemInfo) {
  Frame f = decode_mctp(
      "01 08 09 c0 84 88 00 00 00 20 00 00 00 01 02 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 "
      "00 00 00 00 00 00 00 00 00 00 00 00 f7 28 7d 6f");
  ASSERT_EQ(f.layers.size(), 4u);
  Frame data = decode(f.layers[3].bytes("data"), kSubsystemInfo, registry());
  EXPECT_TRUE(data.diagnostics.empty());
  EXPECT_EQ(data.layers[0].num("nump"), 0u);
  EXPECT_EQ(data.layers[0].num("mjr"), 1u);
  EXPECT_EQ(data.layers[0].num("mnr"), 2u);
}

}  // namespace
}  // namespace mctpkit::nvme_mi::test
