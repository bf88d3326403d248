// Endpoint configuration: defaults, both number forms, and error messages that name the key
// and the reason.

#include "endpoint_test_support.hpp"

using namespace mctpkit;
using namespace mctpkit::endpoint;

namespace {

std::string error_of(const std::string& json) {
  try {
    parse_config(json);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST(EndpointConfig, SmallestConfiguration) {
  Config c = parse_config(test::kSmallest);
  ASSERT_EQ(c.endpoints.size(), 1u);
  const EndpointConfig& e = c.endpoints[0];
  EXPECT_EQ(e.name, "endpoint 0");
  EXPECT_EQ(e.physical_address, 0x10);
  EXPECT_EQ(e.static_eid, 9);
  EXPECT_EQ(e.eid, 9);
  EXPECT_EQ(to_hex(e.uuid), "11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00");
  EXPECT_EQ(e.mtu, 64u);
  EXPECT_EQ(e.message_types, std::vector<std::uint8_t>{0x01});
  EXPECT_EQ(e.role, Role::Endpoint);
  EXPECT_FALSE(e.pldm.has_value());
}

TEST(EndpointConfig, NumbersAsJsonNumbersOrStrings) {
  Config c = parse_config(R"({"endpoints": [
      {"physical_address": 18, "eid": "0x20", "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
       "message_types": ["pldm", "0x7e", 5], "mtu": "128",
       "canned_replies": [{"request": "7E 99 99 80 01 05", "response": "7E 99 99 00 01 05 01 02 03", "delay_ms": 5}]},
      {"physical_address": "0x13", "eid": 33, "uuid": "11223344-5566-7788-99aa-bbccddeeff01", "role": "bus_owner",
       "eid_pool": {"size": 8, "start": "0x40"}}]})");
  ASSERT_EQ(c.endpoints.size(), 2u);
  EXPECT_EQ(c.endpoints[0].physical_address, 0x12);
  EXPECT_EQ(c.endpoints[0].eid, 0x20);
  EXPECT_FALSE(c.endpoints[0].static_eid.has_value());
  EXPECT_EQ(c.endpoints[0].message_types, (std::vector<std::uint8_t>{0x01, 0x7E, 0x05}));
  EXPECT_EQ(c.endpoints[0].mtu, 128u);
  ASSERT_EQ(c.endpoints[0].canned.size(), 1u);
  EXPECT_EQ(c.endpoints[0].canned[0].delay, std::chrono::milliseconds(5));
  EXPECT_EQ(c.endpoints[1].role, Role::BusOwner);
  EXPECT_EQ(c.endpoints[1].pool_start, 0x40);
}

TEST(EndpointConfig, ErrorsNameTheKeyAndTheReason) {
  const std::string uuid = R"("uuid": "11223344-5566-7788-99aa-bbccddeeff00")";
  EXPECT_EQ(error_of("{").rfind("configuration is not valid JSON: ", 0), 0u);
  EXPECT_EQ(error_of(R"({"static_eid": 9})"), "configuration: missing key 'uuid'");
  EXPECT_EQ(error_of(R"({"uuid": "1122"})"), "uuid: '1122' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
  EXPECT_EQ(error_of("{" + uuid + R"(, "physical_address": "0x80"})"), "physical_address: must be between 0 and 127");
  EXPECT_EQ(error_of("{" + uuid + R"(, "physical_address": "0xZ1"})"), "physical_address: '0xZ1' is not a number");
  EXPECT_EQ(error_of("{" + uuid + R"(, "physical_address": true})"),
            "physical_address: must be a number or a \"0x..\" string");
  EXPECT_EQ(error_of("{" + uuid + R"(, "static_eid": 3})"), "static_eid: EIDs 1 to 7 are reserved (DSP0236)");
  EXPECT_EQ(error_of("{" + uuid + R"(, "static_eid": 255})"), "static_eid: must be between 0 and 254");
  EXPECT_EQ(error_of("{" + uuid + R"(, "message_types": ["pldm", "spmd"]})"),
            "message_types[1]: 'spmd' is not one of control, pldm, ncsi, ethernet, nvme_mi, spdm, secured, "
            "cxl_fm_api, cxl_cci, pcie_mi, vendor_pci, vendor_iana (or a number)");
  EXPECT_EQ(error_of("{" + uuid + R"(, "mtu": 0})"), "mtu: must be between 1 and 65535");
  EXPECT_EQ(error_of("{" + uuid + R"(, "colour": 1})"),
            "colour: unknown key (known: name, physical_address, static_eid, eid, uuid, network_id, mtu, "
            "message_types, vendor_capabilities, role, eid_pool, routing_table, routing_ready, rate_limit, pldm, "
            "canned_replies)");
  EXPECT_EQ(error_of("{" + uuid + R"(, "role": "router"})"),
            "role: 'router' is not one of endpoint, bus_owner, bridge");
  EXPECT_EQ(error_of("{" + uuid + R"(, "eid_pool": {"size": 4}})"),
            "eid_pool: only a bridge or a bus owner has an EID pool (set \"role\")");
  EXPECT_EQ(error_of("{" + uuid + R"(, "pldm": {}})"), "pldm: a PLDM model needs \"pldm\" in message_types");
  EXPECT_EQ(error_of("{" + uuid + R"(, "message_types": ["pldm"], "pldm": {"numeric_sensors": [{"id": 1}, {"id": 1}]}})"),
            "pldm.numeric_sensors[1].id: ID 1 is used twice");
  EXPECT_EQ(error_of("{" + uuid +
                     R"(, "message_types": ["pldm"], "pldm": {"numeric_sensors": [{"id": 1, "data_size": "sint8", "value": 200}]}})"),
            "pldm.numeric_sensors[0].value: must be between -128 and 127");
  EXPECT_EQ(error_of("{" + uuid +
                     R"(, "message_types": ["pldm"], "pldm": {"state_effecters": [{"id": 1, "state_set": 1, "possible_states": [1, 2], "state": 3}]}})"),
            "pldm.state_effecters[0].state: is not one of the possible_states");
  const std::string sensors = "{" + uuid + R"(, "message_types": ["pldm"], "pldm": {"numeric_sensors": [{"id": 1, )";
  EXPECT_EQ(error_of(sensors + R"("values": [1, 2]}]}})"),
            "pldm.numeric_sensors[0]: missing key 'period_ms' (needed by 'values')");
  EXPECT_EQ(error_of(sensors + R"("period_ms": 100}]}})"), "pldm.numeric_sensors[0].period_ms: needs 'values' or 'ramp'");
  EXPECT_EQ(error_of(sensors + R"("values": [1], "value": 1, "period_ms": 100}]}})"),
            "pldm.numeric_sensors[0].value: cannot be combined with 'values'");
  EXPECT_EQ(error_of(sensors + R"("values": [1], "ramp": {"from": 0, "to": 9}, "period_ms": 100}]}})"),
            "pldm.numeric_sensors[0].ramp: cannot be combined with 'values'");
  EXPECT_EQ(error_of(sensors + R"("values": [], "period_ms": 100}]}})"), "pldm.numeric_sensors[0].values: must not be empty");
  EXPECT_EQ(error_of(sensors + R"("values": [1, 256], "period_ms": 100}]}})"),
            "pldm.numeric_sensors[0].values[1]: must be between 0 and 255");
  EXPECT_EQ(error_of(sensors + R"("ramp": {"from": 0, "to": 9}, "period_ms": 0}]}})"),
            "pldm.numeric_sensors[0].period_ms: must be between 1 and 86400000");
  EXPECT_EQ(error_of(sensors + R"("ramp": {"from": 0}, "period_ms": 10}]}})"),
            "pldm.numeric_sensors[0].ramp: missing key 'to'");
  EXPECT_EQ(error_of(sensors + R"("ramp": {"from": 0, "to": 9, "step": 0}, "period_ms": 10}]}})"),
            "pldm.numeric_sensors[0].ramp.step: must be between 1 and 255");
  EXPECT_EQ(error_of("{" + uuid +
                     R"(, "message_types": ["pldm"], "pldm": {"state_sensors": [{"id": 1, "state_set": 1, "possible_states": [1, 2], "states": [2, 4], "period_ms": 5}]}})"),
            "pldm.state_sensors[0].states[1]: is not one of the possible_states");
  EXPECT_EQ(error_of("{" + uuid +
                     R"(, "message_types": ["pldm"], "pldm": {"state_sensors": [{"id": 1, "state_set": 1, "possible_states": [1], "ramp": {}}]}})"),
            "pldm.state_sensors[0].ramp: unknown key (known: id, entity_type, entity_instance, container_id, state_set, "
            "possible_states, state, states, period_ms, op_state)");
  EXPECT_EQ(error_of("{" + uuid + R"(, "canned_replies": [{"request": "01 0g", "response": "01"}]})"),
            "canned_replies[0].request: is not hex bytes (\"01 80 02\" or \"018002\")");
  EXPECT_EQ(error_of(R"({"endpoints": []})"), "endpoints: must list at least one endpoint");
  EXPECT_EQ(error_of(R"({"endpoints": [{"physical_address": 16, )" + uuid + R"(}, {"physical_address": "0x10", )" +
                     uuid + "}]}"),
            "endpoints[1].physical_address: 0x10 is already used by endpoints[0]");
  EXPECT_EQ(error_of(R"({"endpoints": [{"eid": 9, )" + uuid + R"(}, {"static_eid": 9, )" + uuid + "}]}"),
            "endpoints[1]: EID 9 is already used by endpoints[0]");
  EXPECT_EQ(error_of(R"({"endpoints": [{"static_eid": "nine", )" + uuid + "}]}"),
            "endpoints[0].static_eid: 'nine' is not a number");
}

TEST(EndpointConfig, UnreadableFile) {
  try {
    load_config("/nonexistent/endpoint.json");
    FAIL();
  } catch (const ConfigError& e) {
    EXPECT_STREQ(e.what(), "cannot read configuration '/nonexistent/endpoint.json'");
  }
}
