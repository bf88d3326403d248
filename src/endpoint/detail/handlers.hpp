#pragma once
// What handlers see and the tables they sit in. A handler receives the decoded request message
// (transport layer first, then the message header, then the command layer) and the state of
// the endpoint it was sent to, and returns the reply's layers from the message header up, or
// nothing to stay silent.

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/endpoint/config.hpp"

namespace mctpkit::endpoint::detail {

/// The changing state of one endpoint; `config` holds the model, which effecters change.
struct EndpointState {
  EndpointConfig config;
  std::uint8_t eid = 0;
  bool discovered = false;
  std::optional<std::uint8_t> bus_owner_physical;  // who assigned the EID
  bool pool_allocated = false;
  std::uint8_t allocated_start = 0;
  std::uint8_t allocated_size = 0;
  std::uint32_t tx_burst = 0;
  std::uint32_t tx_rate = 0;
  // PLDM
  std::uint8_t event_receiver_eid = 0;
  std::uint8_t event_global_enable = 0;
};

class HandlerTable;

struct Request {
  const Frame& message;   // decoded as link "mctp"
  const HandlerTable& handlers;  // the table the handler came from (GetPLDMCommands reads it)
  const Layer& header;    // control or PLDM header
  const Layer* body;      // the command layer, when one decoded
  EndpointState& endpoint;
  const Registry& registry;
  std::string_view link;
  std::optional<std::uint8_t> source_physical;  // the requester's physical address
  std::size_t address_size = 0;                 // bytes of a physical address on this link
  std::chrono::milliseconds uptime{0};          // since the responder's start (changing readings)
};

using Reply = std::optional<Frame>;
using Handler = std::function<Reply(const Request&)>;

/// Handlers keyed like a registry dispatch table.
class HandlerTable {
 public:
  void add(const Key& key, Handler handler) { entries_.emplace_back(key, std::move(handler)); }
  const Handler* find(const Key& key) const {
    for (const auto& [k, h] : entries_) {
      if (k == key) return &h;
    }
    return nullptr;
  }
  const std::vector<std::pair<Key, Handler>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<Key, Handler>> entries_;
};

/// A layer declared in `registry`; throws std::logic_error when missing (a build problem).
const LayerDef& layer_def(const Registry& registry, std::string_view id);
/// A layer of declaration `id` with the given fields set.
Layer make(const Registry& registry, std::string_view id, std::initializer_list<FieldInit> init = {});
Layer raw_layer(ByteView bytes);

// ---- control (control_handlers.cpp) ----
inline constexpr std::uint8_t kCcSuccess = 0x00;
inline constexpr std::uint8_t kCcError = 0x01;
inline constexpr std::uint8_t kCcInvalidData = 0x02;
inline constexpr std::uint8_t kCcInvalidLength = 0x03;
inline constexpr std::uint8_t kCcNotReady = 0x04;
inline constexpr std::uint8_t kCcUnsupported = 0x05;  // control: UNSUPPORTED_CMD; PLDM: UNSUPPORTED_PLDM_CMD

/// A control response: the request's instance ID and command, completion code `cc`, then `body`
/// when given (a response with an error code carries no body).
Frame control_reply(const Request& request, std::uint8_t cc, std::optional<Layer> body = std::nullopt);
/// Control command handlers keyed by Key{command}.
HandlerTable control_handlers();
/// Whether the endpoint has a routing table (bus owners and bridges).
bool routes_traffic(const EndpointState& ep);
/// The routing entry of `ep` that covers `eid`, if any.
const Route* route_to(const EndpointState& ep, std::uint64_t eid);

// ---- PLDM (pldm_*.cpp) ----
Frame pldm_reply(const Request& request, std::uint8_t cc, std::optional<Layer> body = std::nullopt);
/// PLDM command handlers keyed by Key{type, command}: base, platform, FRU.
void add_pldm_base_handlers(HandlerTable& table);
void add_pldm_platform_handlers(HandlerTable& table);
void add_pldm_fru_handlers(HandlerTable& table);
/// PLDM types that endpoint `state` serves (base always; platform and FRU from its model).
std::vector<std::uint8_t> pldm_types(const EndpointState& state);

/// The PDR repository of a model: records in handle order, handles 1, 2, 3... (pdr_repository.cpp).
std::vector<Bytes> build_pdr_repository(const PldmModel& model, std::uint8_t eid, const Registry& registry);
/// The FRU record table of a model, without pad and CRC (pldm_fru_handlers.cpp).
Bytes build_fru_table(const PldmModel& model);

}  // namespace mctpkit::endpoint::detail
