#include "mctpkit/nvme_mi/nvme_mi.hpp"

namespace mctpkit::nvme_mi {

void register_nvme_mi(Registry& registry) {
  for (const LayerDef* def : {
           &kHeader,
           &kControlPrimitiveRequest,
           &kControlPrimitiveResponse,
           &kMiCommandRequest,
           &kMiCommandResponse,
           &kAdminRequest,
           &kAdminResponse,
           &kReadDataStructureRequest,
           &kSubsystemHealthPollRequest,
           &kControllerHealthPollRequest,
           &kConfigurationSetRequest,
           &kConfigurationGetRequest,
           &kVpdReadRequest,
           &kVpdWriteRequest,
           &kResetRequest,
           &kSesReceiveRequest,
           &kSesSendRequest,
           &kMebReadRequest,
           &kMebWriteRequest,
           &kShutdownRequest,
           &kSubsystemInfo,
           &kPortInfo,
           &kControllerList,
           &kControllerInfo,
           &kOptionalCommandList,
           &kMebCommandList,
           &kSubsystemHealth,
           &kControllerHealthList,
       }) {
    registry.declare(*def);
  }
}

}  // namespace mctpkit::nvme_mi
