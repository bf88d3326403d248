#pragma once
// The MCTP transport header (DSP0236) with, on SOM packets, the message header byte.

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::mctp {

/// Fields: version, dst, src, som, eom, pkt_seq, to, tag, then (SOM only) ic and msg_type.
/// The next layer is found in table "mctp.type" by msg_type.
extern const LayerDef kTransport;

/// Message type codes (DSP0239).
enum MessageType : std::uint8_t {
  kControl = 0x00,
  kPldm = 0x01,
  kNcsi = 0x02,
  kEthernet = 0x03,
  kNvmeMi = 0x04,
  kSpdm = 0x05,
  kSecured = 0x06,
  kCxlFmApi = 0x07,
  kCxlCci = 0x08,
  kPcieMi = 0x09,
  kVendorPci = 0x7E,
  kVendorIana = 0x7F,
};

/// Names for message types, for fields that carry one.
inline constexpr EnumEntry kMessageTypeNames[] = {
    {kControl, "control"},     {kPldm, "pldm"},          {kNcsi, "ncsi"},           {kEthernet, "ethernet"},
    {kNvmeMi, "nvme_mi"},      {kSpdm, "spdm"},          {kSecured, "secured"},     {kCxlFmApi, "cxl_fm_api"},
    {kCxlCci, "cxl_cci"},      {kPcieMi, "pcie_mi"},     {kVendorPci, "vendor_pci"}, {kVendorIana, "vendor_iana"},
};

inline constexpr std::string_view kMessageTypeTable = "mctp.type";

void register_transport(Registry& registry);

}  // namespace mctpkit::mctp

namespace mctpkit {
class Frame;
}

namespace mctpkit::mctp {

/// The MCTP packet inside a decoded frame: from the transport header to the end of what the
/// binding carries, without binding headers or trailers (a PEC, an FCS); the same whether the
/// layers above the transport header were decoded or not. Empty when the frame has no MCTP
/// transport layer.
ByteView packet_bytes(const Frame& decoded);

}  // namespace mctpkit::mctp
