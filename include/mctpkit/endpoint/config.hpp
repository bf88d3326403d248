#pragma once
// What an emulated endpoint is: its addresses, identity, supported message types, role on the
// bus and, when it is a PLDM terminus, the model it serves. Read from JSON (docs/endpoint.md);
// every problem is a ConfigError naming the key ("endpoints[1].pldm.numeric_sensors[0].id")
// and the reason.

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::endpoint {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Role : std::uint8_t { Endpoint, BusOwner, Bridge };

/// One vendor ID capability set (Get Vendor Defined Message Support).
struct VendorSet {
  std::uint8_t format = 0;  // 0 PCI vendor ID, 1 IANA enterprise number
  std::uint32_t vendor_id = 0;
  std::uint16_t command_set = 0;
};

/// One routing table entry (DSP0236 Get Routing Table Entries layout).
struct Route {
  std::uint8_t start_eid = 0;
  std::uint8_t range_size = 1;
  std::uint8_t entry_type = 0;  // 0 endpoint, 1 bridge and range, 2 bridge, 3 range behind a bridge
  bool is_static = true;
  std::uint8_t port = 0;
  std::uint8_t binding = 0x01;  // SMBus
  std::uint8_t medium = 0;
  Bytes physical_address;
};

struct RateLimit {
  std::uint32_t rx_buffer_size = 0;
  std::uint32_t max_rx_rate = 0;
  std::uint32_t max_tx_rate = 0;
  std::uint32_t min_tx_rate = 0;
  std::uint32_t max_burst = 0;
};

/// A request message body (message type byte first) and the body to answer it with. For
/// control and PLDM messages the instance ID is not compared and the reply takes the request's.
struct CannedReply {
  Bytes request;
  Bytes response;
  std::chrono::milliseconds delay{0};
  /// When set, the reply answers requests sent to this EID (as in the capture it was mined
  /// from), whatever the endpoint's own EID; otherwise requests that reach the endpoint.
  std::optional<std::uint8_t> eid;
  /// When set, the EID the reply comes from (the responder's in the capture); otherwise the
  /// EID the request was sent to.
  std::optional<std::uint8_t> source_eid;
};

struct Entity {
  std::uint16_t type = 0;
  std::uint16_t instance = 0;
  std::uint16_t container = 0;
};

/// A reading that changes over time. Time counts from the responder's start in steps of
/// `period`: at step k the reading is `points[k % points.size()]` or, without points, the k-th
/// point (wrapping after the last) of the ramp from `ramp_from` towards `ramp_to` by
/// `ramp_step`.
struct ChangingReading {
  std::chrono::milliseconds period{1000};
  std::vector<std::int64_t> points;
  std::int64_t ramp_from = 0;
  std::int64_t ramp_to = 0;
  std::int64_t ramp_step = 1;  // > 0; the ramp goes down when ramp_to < ramp_from
};

struct NumericSensor {
  std::uint16_t id = 0;
  Entity entity;
  std::uint8_t data_size = 0;  // sensorDataSize code: 0 uint8 ... 5 sint32
  std::uint8_t base_unit = 0;
  std::int64_t value = 0;  // the reading when `change` is absent
  std::optional<ChangingReading> change;
  std::uint8_t op_state = 0;       // enabled
  std::uint8_t present_state = 1;  // normal
};

struct StateSensor {
  std::uint16_t id = 0;
  Entity entity;
  std::uint16_t state_set = 0;
  Bytes possible_states;  // bitfield, bit n = state n
  std::uint8_t state = 0;  // the present state when `change` is absent
  std::optional<ChangingReading> change;  // states stepped through (points only)
  std::uint8_t op_state = 0;
};

struct NumericEffecter {
  std::uint16_t id = 0;
  Entity entity;
  std::uint8_t data_size = 0;
  std::uint8_t base_unit = 0;
  std::int64_t value = 0;
  std::int64_t min = 0;
  std::int64_t max = 0;
};

struct StateEffecter {
  std::uint16_t id = 0;
  Entity entity;
  std::uint16_t state_set = 0;
  Bytes possible_states;
  std::uint8_t state = 0;
};

struct EntityAssociation {
  std::uint16_t container_id = 0;
  std::uint8_t association_type = 0;  // 0 physical, 1 logical
  Entity container;
  std::vector<Entity> contained;
};

struct FruRecordSet {
  std::uint16_t id = 0;
  Entity entity;
};

struct FruField {
  std::uint8_t type = 0;
  Bytes value;
};

struct FruRecord {
  std::uint16_t record_set = 0;
  std::uint8_t record_type = 1;  // general
  std::uint8_t encoding = 1;     // ASCII
  std::vector<FruField> fields;
};

/// The PLDM terminus model: what GetTID, GetPDR, the sensor, effecter and FRU commands serve.
struct PldmModel {
  std::uint8_t tid = 1;
  std::uint16_t terminus_handle = 1;
  bool terminus_locator = true;
  std::vector<NumericSensor> numeric_sensors;
  std::vector<StateSensor> state_sensors;
  std::vector<NumericEffecter> numeric_effecters;
  std::vector<StateEffecter> state_effecters;
  std::vector<EntityAssociation> entity_associations;
  std::vector<FruRecordSet> fru_record_sets;
  std::vector<FruRecord> fru_records;
};

struct EndpointConfig {
  std::string name;  // for logs; "endpoint N" by default
  /// 7-bit physical address on addressed links (SMBus/I2C/I3C); frames for another are ignored.
  std::optional<std::uint8_t> physical_address;
  std::optional<std::uint8_t> static_eid;
  /// The EID at start; defaults to the static EID, else 0 (unassigned).
  std::uint8_t eid = 0;
  Bytes uuid;  // 16 bytes
  std::optional<Bytes> network_id;
  /// Transmission unit of the replies (packets carry at most this many body bytes).
  std::size_t mtu = 64;
  /// Supported message types besides control (control is always supported).
  std::vector<std::uint8_t> message_types;
  std::vector<VendorSet> vendor_sets;
  Role role = Role::Endpoint;
  /// Bridge: the size of the EID pool it asks for. Bus owner: the pool it assigns from.
  std::uint8_t pool_size = 0;
  std::uint8_t pool_start = 0;
  std::vector<Route> routes;
  bool routing_ready = true;
  std::optional<RateLimit> rate_limit;
  std::optional<PldmModel> pldm;
  std::vector<CannedReply> canned;
};

struct Config {
  std::vector<EndpointConfig> endpoints;
};

/// Parses a configuration: one endpoint object, or {"endpoints": [...]}. Throws ConfigError.
Config parse_config(std::string_view json_text);
/// Reads and parses a file. Throws ConfigError (also when the file cannot be read).
Config load_config(const std::string& path);

}  // namespace mctpkit::endpoint
