// `mctpkit discover`: act as the bus owner on a transport, give EIDs to the endpoints found and
// list them (endpoint/discovery.hpp does the work).

#include <fmt/format.h>

#include <charconv>
#include <iostream>

#include "commands.hpp"
#include "exerciser_cli.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/endpoint/discovery.hpp"
#include "mctpkit/output/output.hpp"

namespace mctpkit::cli {

namespace {

struct DiscoverArgs {
  std::string via;
  std::string pool = "0x10-0xFE";
  std::string own_eid = "0x08";
  std::vector<std::string> addresses;
  std::string probe;
  double timeout_ms = -1;
  int retries = -1;
  std::string format = "table";
  std::string write;
  bool trace = false;
};

// A number in C notation (0x10, 16) no larger than `max`.
std::optional<unsigned> parse_number(std::string_view text, unsigned max) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  unsigned value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value > max) return std::nullopt;
  return value;
}

// FIRST-LAST, both numbers no larger than `max`, FIRST <= LAST.
std::optional<std::pair<unsigned, unsigned>> parse_range(std::string_view text, unsigned max) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto first = parse_number(text.substr(0, dash), max);
  auto last = parse_number(text.substr(dash + 1), max);
  if (!first || !last || *first > *last) return std::nullopt;
  return std::pair{*first, *last};
}

// Fills `o` from the command line; returns an error message, empty when all is well.
std::string read_options(const DiscoverArgs& a, endpoint::DiscoveryOptions& o) {
  auto eid = parse_number(a.own_eid, 0xFF);
  if (!eid) return fmt::format("--own-eid {}: not a number from 0 to 0xFF", a.own_eid);
  o.own_eid = static_cast<std::uint8_t>(*eid);
  auto pool = parse_range(a.pool, 0xFF);
  if (!pool) return fmt::format("--pool {}: not a range FIRST-LAST of EIDs (0x10-0xFE)", a.pool);
  o.pool_first = static_cast<std::uint8_t>(pool->first);
  o.pool_last = static_cast<std::uint8_t>(pool->second);
  for (const std::string& item : a.addresses) {
    auto address = parse_number(item, 0x7F);
    if (!address) return fmt::format("--address {}: not a 7-bit address (0 to 0x7F)", item);
    o.addresses.push_back(static_cast<std::uint8_t>(*address));
  }
  if (!a.probe.empty()) {
    auto range = parse_range(a.probe, 0x7F);
    if (!range) return fmt::format("--probe {}: not a range FIRST-LAST of 7-bit addresses (0x08-0x77)", a.probe);
    for (unsigned address = range->first; address <= range->second; ++address) {
      o.addresses.push_back(static_cast<std::uint8_t>(address));
    }
  }
  if (a.timeout_ms >= 0) o.request.timeout = std::chrono::milliseconds(static_cast<long long>(a.timeout_ms));
  if (a.retries >= 0) o.request.retries = a.retries;
  return {};
}

int run(const DiscoverArgs& a) {
  endpoint::DiscoveryOptions options;
  if (std::string problem = read_options(a, options); !problem.empty()) {
    error_line() << problem << "\n";
    return kUsage;
  }
  int status = kOk;
  std::unique_ptr<capture::PcapWriter> pcap;
  if (!open_pcap_option(a.write, pcap, status)) return status;
  std::unique_ptr<exerciser::Exerciser> ex = open_exerciser(a.via, status);
  if (!ex) return status;
  watch_stop_signals();

  const std::string link(ex->link());
  options.on_exchange = [&](const exerciser::Exchange& x) {
    if (pcap) {
      for (const Bytes& p : x.request_packets) write_packet(*pcap, decode(p, link), true);
      for (const Bytes& p : x.response_packets) write_packet(*pcap, decode(p, link), false);
    }
    if (a.trace) {
      std::cerr << "-> " << output::summary(x.request) << "\n";
      if (x.response) std::cerr << "<- " << output::summary(*x.response) << "\n";
    }
  };
  options.on_unmatched = [&](const exerciser::Unmatched& u) {
    if (pcap && !u.wire.empty()) write_packet(*pcap, decode(u.wire, link), false);
    std::cerr << "mctpkit discover: not a response (" << u.reason << ")"
              << (u.frame.layers.empty() ? std::string() : ": " + output::summary(u.frame)) << "\n";
  };

  options.stop = &g_stop_requested;

  endpoint::DiscoveryResult result;
  try {
    result = endpoint::discover(*ex, options);
  } catch (const exerciser::TransportError& e) {
    error_line() << e.what() << "\n";
    return kTransport;
  } catch (const std::invalid_argument& e) {
    error_line() << e.what() << "\n";
    return kUsage;
  }
  if (a.format == "json") {
    std::cout << endpoint::discovery_json(result);
  } else {
    std::cout << endpoint::discovery_table(result);
    std::cout.flush();
    std::string problems = endpoint::discovery_problems_text(result);
    for (std::size_t start = 0; start < problems.size();) {
      const std::size_t end = problems.find('\n', start);
      std::cerr << "mctpkit discover: " << problems.substr(start, end - start) << "\n";
      start = end + 1;
    }
  }
  if (result.stopped) std::cerr << "mctpkit discover: stopped before the end; the table shows what was found\n";
  if (pcap && !pcap->close()) {
    error_line() << pcap->error() << "\n";
    return kCannotOpen;
  }
  return result.answered == 0 ? kNoResponse : kOk;
}

}  // namespace

Runner add_discover_command(CLI::App& app) {
  auto a = std::make_shared<DiscoverArgs>();
  CLI::App* cmd = app.add_subcommand("discover", "Act as bus owner: find endpoints, assign EIDs, list them");
  cmd->footer(
      "At each physical address: Get Endpoint ID (to the null EID); then Set Endpoint ID with the\n"
      "lowest free EID of the pool for every endpoint without a static EID (static EIDs are kept\n"
      "and never handed out); then Get Message Type Support and Get Endpoint UUID at its EID.\n"
      "Prints a table (ADDRESS, EID, EID TYPE, UUID, MESSAGE TYPES; control is implied and not\n"
      "listed) and, on stderr, one line per problem (no response, error completion, rejected\n"
      "assignment, pool exhausted). -T json prints one object instead: {\"endpoints\": [...],\n"
      "\"problems\": [...], \"stopped\": false}. On links with physical addresses give --address\n"
      "or --probe (or peer= in the transport); on serial the one peer is discovered. Each address\n"
      "that does not answer costs the timeout times the tries (DSP0237 default on SMBus: 3 tries\n"
      "of 300 ms): use a short --timeout and --retries 0 with --probe. Ctrl-C or SIGTERM stops\n"
      "after the query under way and prints what was found.\n"
      "Exit code 0 when at least one endpoint answered, 4 when none did, 5 when the transport\n"
      "failed, 2 for a bad option. See docs/endpoint.md.\n"
      "Examples:\n"
      "  mctpkit discover --via qemu-i2c:in=5558,out=5559,addr=0x08 --address 0x10,0x12,0x14\n"
      "  mctpkit discover --via qemu-i2c:in=5558,out=5559,addr=0x08 --probe 0x09-0x77 --timeout 20 --retries 0 -T json");
  cmd->add_option("--via", a->via, "Exerciser specification NAME:options (see 'mctpkit exercisers')")->required();
  cmd->add_option("--pool", a->pool, "EIDs to assign, FIRST-LAST (default 0x10-0xFE)");
  cmd->add_option("--own-eid", a->own_eid, "The bus owner's EID, source of every request (default 0x08)");
  cmd->add_option("--address", a->addresses, "Physical (7-bit) addresses to ask, comma-separated")->delimiter(',');
  cmd->add_option("--probe", a->probe, "Ask every 7-bit address of FIRST-LAST (e.g. 0x08-0x77)")->excludes("--address");
  cmd->add_option("--timeout", a->timeout_ms, "Milliseconds to wait for each response, per try")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--retries", a->retries, "Further tries after a timeout")->check(CLI::Range(0, 100));
  cmd->add_option("-T,--format", a->format, "Output format: table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  cmd->add_option("-w,--write", a->write, "Write the packets of both directions to this pcap file (Linux SLL)");
  cmd->add_flag("--trace", a->trace, "Print a summary of every request and response on stderr");
  return [a] { return run(*a); };
}

}  // namespace mctpkit::cli
