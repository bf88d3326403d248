#pragma once
// The exerciser interface: a way to put whole binding frames on a wire (a tty, a QEMU virtual
// bus, an adapter) and take them off it. Exercisers are small: framing lives in pure functions
// fed bytes, and an exerciser only moves frames. Everything that waits (requesters, responders,
// `listen`) polls the exerciser's file descriptor with a deadline; no call blocks unbounded.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::exerciser {

/// A failure of the transport itself (port gone, peer closed, socket error, bad option).
class TransportError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A parsed exerciser specification, `NAME:main,key=value,...` (`serial:/dev/ttyUSB0,baud=115200`,
/// `qemu-i2c:in=5558,out=5559,addr=0x20,peer=0x10`). The first item may omit its key: it is the
/// transport's main argument.
struct Spec {
  std::string name;
  std::string main;  // the key-less first item, empty when absent
  std::vector<std::pair<std::string, std::string>> options;

  /// The value of `key`, or nullopt.
  std::optional<std::string> get(std::string_view key) const;
};

/// Parses `text`; throws std::invalid_argument with a message naming the problem.
Spec parse_spec(std::string_view text);

class Exerciser {
 public:
  virtual ~Exerciser() = default;

  /// The link name of the frames this exerciser sends and receives ("smbus", "serial", "i3c",
  /// ...), so they decode with `decode(frame, link())`.
  virtual std::string_view link() const = 0;
  /// Sends one whole binding frame. Throws TransportError when the transport fails.
  virtual void send(ByteView frame) = 0;
  /// Returns a received frame if one is complete, without blocking. Throws TransportError when
  /// the transport fails (peer gone, port removed).
  virtual std::optional<Bytes> try_recv() = 0;
  /// A descriptor that becomes readable when try_recv() may have something, or -1.
  virtual int fd() const = 0;
  /// The largest MCTP packet payload the binding carries (the transmission unit).
  virtual std::size_t mtu() const { return 64; }
  /// The exerciser's own physical address and its peer's (7-bit for SMBus/I2C/I3C), when the
  /// binding has addresses.
  virtual std::optional<std::uint8_t> own_address() const { return std::nullopt; }
  virtual std::optional<std::uint8_t> peer_address() const { return std::nullopt; }
};

/// Implemented, besides Exerciser, by transports whose sent frames can wait for the other side to
/// take them: a target's replies until the controller reads them, writes until the peer connects.
/// A separate interface rather than a new virtual function of Exerciser, so that exercisers of
/// plugins built against the older class keep working.
class OutputQueue {
 public:
  virtual ~OutputQueue() = default;
  /// Whether frames given to send() still wait. It changes as try_recv() serves the other side.
  virtual bool output_pending() const = 0;
};

/// Whether frames given to `exerciser` still wait for the other side (false for transports that
/// do not queue them).
bool output_pending(const Exerciser& exerciser);

/// Waits up to `timeout` for one frame. Returns nullopt on timeout.
std::optional<Bytes> recv(Exerciser& exerciser, std::chrono::milliseconds timeout);

using ExerciserFactory = std::function<std::unique_ptr<Exerciser>(const Spec&)>;

/// One registered exerciser kind.
struct ExerciserInfo {
  std::string name;         // PyMCTP's name: "serial", "qemu-i2c", ...
  std::string description;  // one line
  std::string syntax;       // option syntax, e.g. "serial:DEVICE[,baud=N][,parity=none|even|odd]"
  ExerciserFactory factory;
  std::string owner = "mctpkit";  // "mctpkit" or the plugin that registered it
};

class ExerciserRegistry {
 public:
  /// Adds `info`; a second kind with the same name is std::invalid_argument naming both owners.
  void add(ExerciserInfo info);
  const ExerciserInfo* find(std::string_view name) const;
  /// Every registered kind, sorted by name.
  std::vector<const ExerciserInfo*> list() const;

 private:
  std::vector<std::unique_ptr<ExerciserInfo>> kinds_;
};

/// The process-wide registry, holding the built-in exercisers.
ExerciserRegistry& default_exercisers();

/// Parses `spec` and opens the exerciser it names. Throws std::invalid_argument for an unknown
/// name (with did-you-mean) or bad options, TransportError when the transport cannot be opened.
std::unique_ptr<Exerciser> open(std::string_view spec, const ExerciserRegistry& registry = default_exercisers());

/// Two exercisers joined back to back in this process: what one sends, the other receives.
/// Their link is `link`; for tests and in-process endpoints.
std::pair<std::unique_ptr<Exerciser>, std::unique_ptr<Exerciser>> loopback_pair(std::string link = "mctp",
                                                                               std::size_t mtu = 64);

}  // namespace mctpkit::exerciser
