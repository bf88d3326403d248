// PCIe-MI over MCTP (message type 0x09, DSP0291). The reference lists only the type code [2src];
// no header layout was found in our sources, so the body is shown as bytes.

#include <fmt/format.h>

#include "mctpkit/mctp/transport.hpp"
#include "mctpkit/msgtypes/msgtypes.hpp"

namespace mctpkit::msgtypes {

namespace {

constexpr FieldDef kFields[] = {bytes("data").titled("Message body")};

void summarize(const Layer& l, std::string& out) {
  fmt::format_to(std::back_inserter(out), "PCIeMI (data_length: {})", l.bytes("data").size());
}

}  // namespace

const LayerDef kPcieMi{
    .id = "pcie_mi",
    .title = "PCIe-MI message (DSP0291, body not decoded)",
    .abbrev = "pcie_mi",
    .fields = kFields,
    .summary_fn = summarize,
    .bind = {mctp::kMessageTypeTable, Key{mctp::kPcieMi}},
};

}  // namespace mctpkit::msgtypes
