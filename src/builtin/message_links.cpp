// Links for message bodies without their MCTP transport header, as tools log them (pldmtool,
// spdm-emu, nvme-cli): `mctpkit decode --link pldm 80 00 02`. Each starts at the message's own
// header, after the MCTP message type byte.

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/mctp/control.hpp"
#include "mctpkit/nvme_mi/nvme_mi.hpp"
#include "mctpkit/pldm/pldm.hpp"
#include "mctpkit/spdm/spdm.hpp"
#include "mctpkit/vdm/vdm.hpp"

namespace mctpkit {

void register_message_links(Registry& registry) {
  registry.add_link({"control", "MCTP control message without the transport header: Rq/D/instance, command ...",
                     &mctp::kControlHeader});
  registry.add_link({"pldm", "PLDM message without the MCTP header: Rq/D/instance, type, command ...", &pldm::kHeader});
  registry.add_link({"spdm", "SPDM message without the MCTP header: version, code, param1, param2 ...", &spdm::kHeader});
  registry.add_link({"nvme-mi", "NVMe-MI message after the MCTP message type byte (MIC not checkable)", &nvme_mi::kHeader});
  registry.add_link({"vdm-pci", "vendor-defined (PCI) message after the MCTP message type byte: vendor ID ...",
                     &vdm::kPciHeader});
  registry.add_link({"vdm-iana", "vendor-defined (IANA) message after the MCTP message type byte: enterprise ...",
                     &vdm::kIanaHeader});
}

}  // namespace mctpkit
