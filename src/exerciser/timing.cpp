#include "exerciser/detail/timing.hpp"

namespace mctpkit::exerciser::detail {

Timing default_timing(std::string_view link) {
  using std::chrono::milliseconds;
  // DSP0238 (PCIe VDM) Table 4: MT1 max 120 ms, MT2 min = MT1 max + 6 ms, MN1 = 2.
  if (link == "pcie-vdm") return {milliseconds(126), 2};
  // DSP0237 (SMBus/I2C) Table 9: MT2 min = MT1 max (100 ms) + 2 x MT3 max (100 ms) = 300 ms,
  // MN1 = 2 retries. DSP0253 (serial), DSP0233 (I3C), USB and KCS give no table of their own;
  // the SMBus figures are the baseline every MCTP control responder is held to.
  return {milliseconds(300), 2};
}

}  // namespace mctpkit::exerciser::detail
