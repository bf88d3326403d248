#pragma once
// Reassembly: packets in capture order in, whole MCTP messages and diagnostics out.
//
// A message is identified by its terminus (DSP0236: source EID, TO and tag, at one destination):
// here (source EID, destination EID, TO, tag) plus the binding's physical addresses when the
// packets came through a binding, since the same EIDs may be in use on different buses.
// Memory is bounded by Limits whatever the input: at most max_open_assemblies assemblies of at
// most max_message_size bytes, and at most max_history small records of finished assemblies and
// unanswered requests.
//
// Typical use (a capture reader feeding decoded frames):
//   Reassembler r(registry);
//   for (each record) for (Event& e : r.push(frame, record.time_ns, record.number)) handle(e);
//   for (Event& e : r.flush()) handle(e);

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/decode_scope.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::mctp {

struct Limits {
  /// Largest message body (message header byte included); Linux and libmctp stop at 64 KiB.
  std::size_t max_message_size = 64 * 1024;
  /// Assemblies in progress at once; the least recently active one is dropped to make room.
  std::size_t max_open_assemblies = 64;
  /// Records kept of finished assemblies (to tell duplicates and late packets from orphans) and
  /// of requests awaiting a response (to see tag reuse).
  std::size_t max_history = 256;
  /// Longest gap between two packets of one message, and how long a request tag stays in use.
  /// DSP0236 leaves the inter-packet timeout to the bindings and gives no tag lifetime; 6 s is
  /// what Linux (mctp_key_lifetime) and libmctp (MCTP_TAG_TIMEOUT) use for both, chosen to
  /// outlast the longest response time (MT4 max = 6 s). A shorter default would report timeouts
  /// that no real receiver has.
  std::int64_t timeout_ns = 6'000'000'000;
};

/// What a message is keyed on.
struct AssemblyKey {
  std::uint8_t src = 0;  // source EID
  std::uint8_t dst = 0;  // destination EID
  std::uint8_t to = 0;   // tag owner bit
  std::uint8_t tag = 0;
  /// Binding addresses of the packet ("smbus.dst=0x1D smbus.src=0x10"); empty for bare MCTP.
  std::string physical;

  friend bool operator==(const AssemblyKey&, const AssemblyKey&) = default;
};

/// "EID 0x0A -> 0x08, TO=1, tag 5 (smbus.dst=0x1D smbus.src=0x10)"
std::string describe(const AssemblyKey& key);

enum class EventKind : std::uint8_t {
  Message,          // a whole message (single-packet ones included)
  BadPacket,        // the binding or transport header failed its checks: packet dropped (DSP0236)
  MissingPacket,    // sequence gap: the message is dropped; later packets of it are absorbed
  DuplicatePacket,  // a copy of a packet just received: ignored, the assembly goes on
  OutOfOrder,       // a packet earlier reported missing arrived late: ignored
  OrphanPacket,     // a middle or end packet with no assembly in progress: dropped with the rest of its message
  Restarted,        // a new SOM on a terminus with an assembly in progress: the old one is dropped
  TagReuse,         // a request uses a tag still awaiting the response to an earlier request
  Timeout,          // no packet within the timeout: the assembly is dropped
  TooLarge,         // the message grew past max_message_size: dropped
  Evicted,          // max_open_assemblies reached: the least recently active assembly is dropped
  Incomplete,       // flush(): an assembly still in progress at the end of the input
  UnexpectedSize,   // a middle packet's payload differs from the first packet's, or the last is
                    // larger (DSP0236 allows dropping the message; it is kept here)
};

std::string_view to_string(EventKind kind);

struct Event {
  EventKind kind;
  AssemblyKey key;
  /// Numbers of the packets concerned, in order: every packet of a Message; the packets of the
  /// dropped assembly (and the packet that ended it, if any) for MissingPacket, Restarted, TooLarge,
  /// Timeout, Evicted, Incomplete; the one packet for the others.
  std::vector<std::size_t> packets;
  /// What went wrong, in words; empty for a Message (`packets` and `packet` say what it is), so
  /// that a whole message costs no text nobody reads.
  std::string text;
  /// Message only: the message as one packet (bare transport header with SOM=EOM=1 and the
  /// first packet's addresses, TO, tag and sequence number, then the whole body)...
  Bytes packet;
  /// ...and that packet decoded as link "mctp"...
  Frame message;
  /// ...unless the reassembler leaves messages in their packets (leave_messages_in_packets()) and
  /// this one was: a message of one packet whose decoding reads nothing outside the message.
  /// `message` is then empty, and the message's layers are those of the frame pushed, from its
  /// MCTP transport layer on; copy_message_of_packet() makes them a frame of their own.
  bool in_packet = false;

  /// Message only: the message body (message header byte first).
  ByteView body() const;
};

class Reassembler {
 public:
  /// `registry` decodes the reassembled messages and must outlive the reassembler.
  explicit Reassembler(const Registry& registry = default_registry(), Limits limits = {});
  ~Reassembler();
  Reassembler(Reassembler&&) noexcept;
  Reassembler& operator=(Reassembler&&) noexcept;

  /// Feeds one packet: a decoded frame (any binding layers, then the MCTP transport layer) or a
  /// crafted one, such as fragment() returns. Frames without an MCTP layer are ignored (no
  /// event). `time_ns` (capture time) drives timeouts; without it nothing times out except by
  /// expire(). `number` names the packet in events (default: 0, 1, 2... in push order).
  std::vector<Event> push(const Frame& packet, std::optional<std::int64_t> time_ns = std::nullopt,
                          std::optional<std::size_t> number = std::nullopt);

  /// Drops (Timeout) every assembly whose last packet is older than `now_ns` - timeout.
  std::vector<Event> expire(std::int64_t now_ns);

  /// End of input: every assembly in progress is reported Incomplete and all state is cleared.
  std::vector<Event> flush();

  /// With `on`, a message of one packet is left in the frame pushed instead of copied into its
  /// event, when the packet's own decoding is the message's (Event::in_packet): for a caller that
  /// reads the message's layers from the packet anyway. Off unless asked for.
  void leave_messages_in_packets(bool on);

  /// Messages are decoded within `scope` (core/decode_scope.hpp), which must outlive the
  /// reassembler or be replaced first: for a caller that reads only the layers it enters. Null,
  /// the default, decodes every layer.
  void decode_within(const DecodeScope* scope);

  /// Gives back events the caller is done with: later events are built in their storage, so
  /// that a loop that hands back what push() returned does not allocate for each message.
  void recycle(std::vector<Event>&& events);

  std::size_t open_assemblies() const;
  /// Body bytes held by assemblies in progress.
  std::size_t buffered_bytes() const;
  const Limits& limits() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The message of an event left in its packet (Event::in_packet) as a frame of its own, in the
/// storage of `message`: the layers of `packet` (the frame that was pushed) from its MCTP
/// transport layer on, placed from the message's start, with `message_bytes` (Event::packet) as
/// its data and link "mctp", as the event would have held it.
void copy_message_of_packet(const Frame& packet, ByteView message_bytes, Frame& message);

}  // namespace mctpkit::mctp
