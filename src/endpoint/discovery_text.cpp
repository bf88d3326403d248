// Discovery results for people (a table, problem lines) and for programs (JSON).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "mctpkit/endpoint/discovery.hpp"

namespace mctpkit::endpoint {

namespace {

std::string address_text(const std::optional<std::uint8_t>& address) {
  return address ? fmt::format("0x{:02X}", *address) : std::string("-");
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string_view eid_type(const DiscoveredEndpoint& ep) { return ep.static_eid ? "static" : "dynamic"; }

}  // namespace

std::string discovery_table(const DiscoveryResult& result) {
  using Row = std::array<std::string, 5>;
  std::vector<Row> rows{{"ADDRESS", "EID", "EID TYPE", "UUID", "MESSAGE TYPES"}};
  for (const DiscoveredEndpoint& ep : result.endpoints) {
    rows.push_back({address_text(ep.physical_address), fmt::format("0x{:02X}", ep.eid), std::string(eid_type(ep)),
                    ep.uuid.value_or("-"), ep.message_types ? joined(*ep.message_types) : std::string("-")});
  }
  std::array<std::size_t, 5> width{};
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  }
  std::string out;
  for (const Row& row : rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(width[c] - row[c].size() + 2, ' ');
    }
    // A last column that is empty (no message types besides control) leaves no trailing blanks.
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  }
  return out;
}

std::string discovery_problems_text(const DiscoveryResult& result) {
  std::string out;
  for (const DiscoveryProblem& p : result.problems) {
    out += address_text(p.physical_address) + ": ";
    if (!p.command.empty()) out += p.command + ": ";
    out += p.detail + "\n";
  }
  return out;
}

std::string discovery_json(const DiscoveryResult& result) {
  using Json = nlohmann::ordered_json;
  auto address = [](const std::optional<std::uint8_t>& a) { return a ? Json(*a) : Json(nullptr); };
  Json endpoints = Json::array();
  for (const DiscoveredEndpoint& ep : result.endpoints) {
    endpoints.push_back({{"address", address(ep.physical_address)},
                         {"eid", ep.eid},
                         {"eid_type", eid_type(ep)},
                         {"endpoint_type", ep.endpoint_type},
                         {"uuid", ep.uuid ? Json(*ep.uuid) : Json(nullptr)},
                         {"message_types", ep.message_types ? Json(*ep.message_types) : Json(nullptr)}});
  }
  Json problems = Json::array();
  for (const DiscoveryProblem& p : result.problems) {
    problems.push_back({{"address", address(p.physical_address)},
                        {"command", p.command.empty() ? Json(nullptr) : Json(p.command)},
                        {"problem", to_string(p.kind)},
                        {"detail", p.detail}});
  }
  Json doc = {{"endpoints", std::move(endpoints)}, {"problems", std::move(problems)}, {"stopped", result.stopped}};
  return doc.dump(2) + "\n";
}

}  // namespace mctpkit::endpoint
