#pragma once
// PLDM messaging control and discovery (type 0, DSP0240). Layer ids are "pldm.<command>_req" and
// "pldm.<command>_rsp", craft names "<command>", field abbreviations "pldm.<command>.<field>".

#include <cstdint>
#include <string_view>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::pldm {

enum BaseCommand : std::uint8_t {
  kSetTid = 0x01,
  kGetTid = 0x02,
  kGetPldmVersion = 0x03,
  kGetPldmTypes = 0x04,
  kGetPldmCommands = 0x05,
  kSelectPldmVersion = 0x06,
  kNegotiateTransferParameters = 0x07,
  kMultipartSend = 0x08,
  kMultipartReceive = 0x09,
  kGetMultipartTransferSupport = 0x0A,
};

/// Bindings of messages that have nothing after the PLDM header (GetTID request, SetTID
/// response...). They bind like any other command; the PLDM header's dispatch hides a body
/// layer that has neither fields nor bytes, as PyMCTP shows none.
constexpr BindDef bodiless_request_binding(std::uint8_t type, std::uint8_t command) {
  return command_binding(type, command, true);
}
constexpr BindDef bodiless_response_binding(std::uint8_t type, std::uint8_t command) {
  return command_binding(type, command, false);
}

/// Version data of a GetPLDMVersion response that carries all of it (transfer flag
/// StartAndEnd): ver32 entries then their CRC-32. Found in table "pldm.version_data".
extern const LayerDef kVersionData;
inline constexpr std::string_view kVersionDataTable = "pldm.version_data";

/// TransferFlag values of base/FRU/BIOS multipart responses (not the platform ones).
enum BaseTransferFlag : std::uint8_t {
  kFlagStart = 0x01,
  kFlagMiddle = 0x02,
  kFlagEnd = 0x04,
  kFlagStartAndEnd = 0x05,
  kFlagAckCompletion = 0x08,
};

/// Name of a completion code of a base command, command-specific codes included; empty when
/// the code has no name.
std::string_view base_completion_code_name(std::uint8_t command, std::uint8_t cc);

}  // namespace mctpkit::pldm
