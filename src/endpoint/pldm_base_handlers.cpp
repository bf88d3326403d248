// PLDM messaging control and discovery (type 0, DSP0240) for an emulated terminus: TID, the
// version of each served type with its CRC-32, the served types and, per type, the commands
// that the handler table holds.

#include <algorithm>

#include "detail/handlers.hpp"
#include "mctpkit/pldm/base.hpp"

namespace mctpkit::endpoint::detail {

namespace {

using namespace pldm;

constexpr std::uint8_t kInvalidTransferHandle = 0x80;
constexpr std::uint8_t kInvalidTransferOperation = 0x81;
constexpr std::uint8_t kInvalidTypeInRequest = 0x83;
constexpr std::uint8_t kInvalidVersionInRequest = 0x84;

// The version of each type this terminus implements (ver32 as a number: major in the top byte).
std::uint32_t type_version(std::uint8_t type) {
  switch (type) {
    case kBase: return 0xF1F1F000;      // DSP0240 1.1.0
    case kPlatform: return 0xF1F2F000;  // DSP0248 1.2.0
    case kFru: return 0xF1F0F000;       // DSP0257 1.0.0
    default: return 0xF1F0F000;
  }
}

bool serves(const Request& r, std::uint64_t type) {
  auto types = pldm_types(r.endpoint);
  return std::find(types.begin(), types.end(), type) != types.end();
}

Reply set_tid(const Request& r) {
  std::uint64_t tid = r.body->num("tid");
  if (tid == 0 || tid == 0xFF) return pldm_reply(r, kCcInvalidData);
  r.endpoint.config.pldm->tid = static_cast<std::uint8_t>(tid);
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.set_tid_rsp"));
}

Reply get_tid(const Request& r) {
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.get_tid_rsp", {{"tid", r.endpoint.config.pldm->tid}}));
}

// The version data fits one response: only a first-part request is valid.
Reply get_pldm_version(const Request& r) {
  if (r.body->num("transfer_op") != 0x01) {
    return pldm_reply(r, r.body->num("transfer_op") == 0x00 ? kInvalidTransferHandle : kInvalidTransferOperation);
  }
  std::uint64_t type = r.body->num("type");
  if (!serves(r, type)) return pldm_reply(r, kInvalidTypeInRequest);
  Frame reply = pldm_reply(r, kCcSuccess,
                           make(r.registry, "pldm.get_pldm_version_rsp",
                                {{"next_transfer_handle", 0}, {"transfer_flag", kFlagStartAndEnd}}));
  Layer data = make(r.registry, "pldm.version_data");
  const FieldDef& list = data.defs()[data.index_of("versions")];
  std::vector<Fields> versions;
  versions.emplace_back(*list.element,
                        std::initializer_list<FieldInit>{{"version", type_version(static_cast<std::uint8_t>(type))}});
  data.set("versions", versions);  // the CRC-32 is derived at build time
  reply.layers.push_back(std::move(data));
  return reply;
}

Reply get_pldm_types(const Request& r) {
  std::uint64_t bits = 0;
  for (std::uint8_t t : pldm_types(r.endpoint)) bits |= 1ull << t;
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.get_pldm_types_rsp", {{"types", bits}}));
}

// One bit per command that has a handler for the type.
Reply get_pldm_commands(const Request& r) {
  std::uint64_t type = r.body->num("type");
  if (!serves(r, type)) return pldm_reply(r, kInvalidTypeInRequest);
  if (r.body->num("version") != type_version(static_cast<std::uint8_t>(type))) {
    return pldm_reply(r, kInvalidVersionInRequest);
  }
  Bytes bitmap(32, 0);
  for (const auto& [key, handler] : r.handlers.entries()) {
    if (key.parts[0] != type) continue;
    std::uint64_t command = key.parts[1];
    bitmap[command / 8] = static_cast<std::uint8_t>(bitmap[command / 8] | 1u << (command % 8));
  }
  return pldm_reply(r, kCcSuccess, make(r.registry, "pldm.get_pldm_commands_rsp", {{"commands", bitmap}}));
}

}  // namespace

std::vector<std::uint8_t> pldm_types(const EndpointState& state) {
  std::vector<std::uint8_t> out{kBase};
  if (!state.config.pldm) return out;
  out.push_back(kPlatform);
  if (!state.config.pldm->fru_records.empty()) out.push_back(kFru);
  return out;
}

void add_pldm_base_handlers(HandlerTable& table) {
  table.add(Key{kBase, kSetTid}, set_tid);
  table.add(Key{kBase, kGetTid}, get_tid);
  table.add(Key{kBase, kGetPldmVersion}, get_pldm_version);
  table.add(Key{kBase, kGetPldmTypes}, get_pldm_types);
  table.add(Key{kBase, kGetPldmCommands}, get_pldm_commands);
}

}  // namespace mctpkit::endpoint::detail
