#include "exerciser_cli.hpp"

#include <fmt/format.h>

#include <chrono>
#include <csignal>
#include <iostream>

#include "mctpkit/mctp/transport.hpp"

namespace mctpkit::cli {

std::atomic<bool> g_stop_requested{false};

namespace {
void on_stop_signal(int) { g_stop_requested = true; }
}  // namespace

void watch_stop_signals() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a wait returns early and the loop sees the flag
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

bool open_pcap_option(const std::string& path, std::unique_ptr<capture::PcapWriter>& pcap, int& status) {
  if (path.empty()) return true;
  auto opened = capture::PcapWriter::open(path);
  if (!opened.writer) {
    error_line() << opened.error << "\n";
    status = kCannotOpen;
    return false;
  }
  pcap = std::move(opened.writer);
  return true;
}

std::unique_ptr<exerciser::Exerciser> open_exerciser(const std::string& spec, int& status) {
  try {
    return exerciser::open(spec);
  } catch (const exerciser::TransportError& e) {
    error_line() << e.what() << "\n";
    status = kTransport;
  } catch (const std::invalid_argument& e) {
    error_line() << e.what() << "\n";
    status = kUsage;
  }
  return nullptr;
}

std::int64_t wall_clock_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

bool write_packet(capture::PcapWriter& writer, const Frame& decoded, bool outgoing) {
  ByteView packet = mctp::packet_bytes(decoded);
  if (packet.empty()) return true;
  return writer.write(packet, wall_clock_ns(), outgoing);
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace mctpkit::cli
