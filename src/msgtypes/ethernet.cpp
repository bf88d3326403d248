// Ethernet over MCTP (message type 0x03, DSP0261). The reference (9.2) only says the body after
// the type byte carries an Ethernet frame [unverified]: whether a frame check sequence follows
// is not known, so everything after the EtherType is shown as data.

#include <fmt/format.h>

#include "mctpkit/core/format.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {

namespace {

constexpr EnumEntry kEtherTypes[] = {
    {0x0800, "ipv4"}, {0x0806, "arp"}, {0x8100, "vlan"}, {0x86DD, "ipv6"}, {0x88CC, "lldp"}, {0x88F8, "ncsi"},
};

constexpr FieldDef kFields[] = {
    bytes("dst").fixed(6).titled("Destination MAC address"),
    bytes("src").fixed(6).titled("Source MAC address"),
    u16("ethertype").hex().names(kEtherTypes).titled("EtherType"),
    bytes("data").titled("Data"),
};

std::string mac_text(const Bytes& b) { return to_hex(b, ":"); }

void summarize(const Layer& l, std::string& out) {
  std::size_t type = l.index_of("ethertype");
  fmt::format_to(std::back_inserter(out), "Ethernet (dst: {}, src: {}", mac_text(l.bytes("dst")), mac_text(l.bytes("src")));
  if (l.value(type).state != FieldValue::State::Absent) {
    fmt::format_to(std::back_inserter(out), ", ethertype: {}, data_length: {}", format_value(l.defs()[type], l.value(type)),
                   l.bytes("data").size());
  }
  out += ")";
}

}  // namespace

const LayerDef kEthernet{
    .id = "ethernet",
    .craft_name = "ethernet",
    .title = "Ethernet frame over MCTP (DSP0261)",
    .abbrev = "eth",
    .fields = kFields,
    .summary_fn = summarize,
    .bind = {mctp::kMessageTypeTable, Key{mctp::kEthernet}},
};

}  // namespace mctpkit::msgtypes
