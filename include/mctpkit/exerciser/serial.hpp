#pragma once
// The `serial` exerciser: DSP0253 frames over a tty (a USB serial adapter, a QEMU chardev, a
// pseudo-terminal). Frames are sent with the FCS bytes raw, as Linux, libmctp and PyMCTP send
// them, or escaped with fcs_escape=1; received frames go through binding::SerialDeframer, which
// takes either form and survives noise, aborted frames and reads split anywhere.

#include <cstdint>
#include <memory>
#include <string>

#include "mctpkit/binding/serial_deframer.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

struct SerialOptions {
  std::string device;
  unsigned baud = 115200;
  char parity = 'n';       // 'n', 'e', 'o'
  unsigned stop_bits = 1;  // 1 or 2
  std::string flow = "none";  // "none", "rtscts", "xonxoff"
  bool fcs_escape = false;
  std::size_t mtu = 64;
  std::size_t max_queued = 64;  // received frames held until read; the oldest are dropped beyond
};

/// Parses `serial:DEVICE[,baud=N][,parity=none|even|odd][,stop=1|2][,flow=none|rtscts|xonxoff]
/// [,fcs_escape=0|1][,mtu=N]`. Throws std::invalid_argument.
SerialOptions serial_options(const Spec& spec);

/// Opens the tty. Throws TransportError when it cannot be opened or configured.
std::unique_ptr<Exerciser> open_serial(const SerialOptions& options);

/// A serial exerciser on a descriptor that is already open (a pty master, a socket, a pipe pair
/// end), used as it is (no termios settings); it takes ownership. options.device names it in
/// messages.
std::unique_ptr<Exerciser> adopt_serial(int fd, const SerialOptions& options);

/// Counters of a serial exerciser (frames, damage reports, frames dropped for a full queue).
struct SerialCounters {
  binding::SerialDeframer::Stats deframer;
  std::uint64_t dropped = 0;
};
/// The counters of an exerciser opened by open_serial (nullopt for any other exerciser).
std::optional<SerialCounters> serial_counters(const Exerciser& exerciser);

void register_serial_exerciser(ExerciserRegistry& registry);

}  // namespace mctpkit::exerciser
