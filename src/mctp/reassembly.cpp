// The reassembly state machine (DSP0236 "message assembly"), with an analyzer's leniency: a
// duplicated packet is reported and skipped rather than aborting its message, and the packets of
// a message already reported lost are absorbed quietly so that one fault gives one event.

#include "mctpkit/mctp/reassembly.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <unordered_map>
#include <utility>

#include "core/detail/fibonacci_slot.hpp"
#include "core/detail/layer_pool.hpp"
#include "core/detail/per_thread.hpp"
#include "core/detail/table_memo.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/core/text_append.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/transport.hpp"
#include "mctp/detail/carried_end.hpp"
#include "mctp/detail/lru_map.hpp"
#include "mctp/detail/message_in_packet.hpp"

namespace mctpkit::mctp {

namespace {

constexpr std::size_t kHeaderSize = 4;

// ---- one packet, reduced to what reassembly needs ----------------------------------------------

struct Packet {
  AssemblyKey key;
  // The key of the request a response answers: addresses swapped, TO set, the same tag.
  AssemblyKey request_key;
  std::uint8_t header0 = 0;       // reserved bits and header version
  bool som = false;
  bool eom = false;
  std::uint8_t seq = 0;
  ByteView piece;  // this packet's part of the message body (in the frame or the caller's buffer)
  std::uint64_t hash = 0;
  // The decoded frame the packet came from and the index of its transport layer (decoded frames
  // only): a message of this one packet takes its layers instead of being decoded again.
  const Frame* source = nullptr;
  std::size_t transport = 0;

  // Back to a packet of nothing, keeping the storage of the physical keys.
  void reset() {
    key.src = key.dst = key.to = key.tag = 0;
    key.physical.clear();
    request_key.src = request_key.dst = request_key.to = request_key.tag = 0;
    request_key.physical.clear();
    header0 = 0;
    som = eom = false;
    seq = 0;
    piece = {};
    hash = 0;
    source = nullptr;
    transport = 0;
  }
};

bool is_address_field(std::string_view name) {
  if (name.ends_with("_rw")) return false;  // SMBus R/W bits: fixed per direction, not an address
  for (std::string_view part : {"src", "dst", "addr", "requester", "target"}) {
    if (name.find(part) != std::string_view::npos) return true;
  }
  return false;
}

// The same name seen from the other end of the link: src <-> dst, requester <-> target.
std::string reversed_name(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kSwaps[] = {
      {"src", "dst"}, {"dst", "src"}, {"requester", "target"}, {"target", "requester"}};
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    bool swapped = false;
    for (auto [from, to] : kSwaps) {
      if (name.substr(i).starts_with(from)) {
        out += to;
        i += from.size();
        swapped = true;
        break;
      }
    }
    if (!swapped) out += name[i++];
  }
  return out;
}

// Binding addresses (fields named like addresses in the layers below the MCTP layer) separate
// buses and devices that may reuse EIDs: a packet's physical key lists them,
// "smbus.dst=0x1D smbus.src=0x10", in name order. The address fields of each binding layer are
// found once per declaration, and the lists are built in storage kept from packet to packet.
class PhysicalKeys {
 public:
  // Writes the key of the packet whose transport layer is layer `transport` of `frame`, and the
  // key of a packet going the other way between the same addresses.
  void read(const Frame& frame, std::size_t transport, std::string& key, std::string& reversed_key) {
    if (transport == 0) {  // bare MCTP: no binding layer, no addresses
      key.clear();
      reversed_key.clear();
      return;
    }
    ahead_.clear();
    back_.clear();
    for (std::size_t i = 0; i < transport; ++i) {
      const Layer& layer = frame.layers[i];
      for (const AddressField& f : address_fields(layer.def())) {
        const FieldValue& v = layer.value(f.index);
        if (v.state == FieldValue::State::Absent) continue;
        const std::uint64_t number = v.is_set() ? v.number : layer.defs()[f.index].default_value;
        ahead_.push_back({&f.name, number});
        back_.push_back({&f.reversed, number});
      }
    }
    // A bus carries packets between a few pairs of addresses: the texts of the addresses met
    // last are kept, and a packet with the same ones (the same fields with the same values, in
    // the same order) takes them rather than joining them again.
    Made& made = made_[slot_of(ahead_)];
    if (made.addresses == ahead_) {
      key.assign(made.key);
      reversed_key.assign(made.reversed_key);
      return;
    }
    made.addresses.assign(ahead_.begin(), ahead_.end());  // before join() sorts them
    join(ahead_, key);
    join(back_, reversed_key);
    made.key.assign(key);
    made.reversed_key.assign(reversed_key);
  }

 private:
  struct AddressField {
    std::size_t index;
    std::string name;      // "smbus.dst"
    std::string reversed;  // "smbus.src": the same address seen from the other end
  };
  struct Address {
    const std::string* name;  // one of by_layer_'s, which stay where they are
    std::uint64_t value;
    friend bool operator<(const Address& a, const Address& b) {
      return *a.name != *b.name ? *a.name < *b.name : a.value < b.value;
    }
    friend bool operator==(const Address&, const Address&) = default;
  };
  struct Made {
    std::vector<Address> addresses;
    std::string key, reversed_key;
  };
  static constexpr unsigned kMadeBits = 4;

  static std::size_t slot_of(const std::vector<Address>& addresses) {
    std::uint64_t h = 0;
    for (const Address& a : addresses) h = (h ^ reinterpret_cast<std::uintptr_t>(a.name) ^ a.value) * 0x100000001b3ULL;
    return mctpkit::detail::fibonacci_slot(h, kMadeBits);
  }

  const std::vector<AddressField>& address_fields(const LayerDef& def) {
    // Packets of one binding come one after another.
    if (&def == last_def_) return *last_fields_;
    auto [it, added] = by_layer_.try_emplace(&def);
    last_def_ = &def;
    last_fields_ = &it->second;
    if (!added) return it->second;
    std::string_view prefix = def.abbrev.empty() ? def.id : def.abbrev;
    for (std::size_t j = 0; j < def.fields.size(); ++j) {
      const FieldDef& f = def.fields[j];
      if ((f.kind != FieldKind::UInt && f.kind != FieldKind::Bits) || f.is_derived() || !is_address_field(f.name)) continue;
      it->second.push_back({j, fmt::format("{}.{}", prefix, f.name), fmt::format("{}.{}", prefix, reversed_name(f.name))});
    }
    return it->second;
  }

  static void join(std::vector<Address>& addresses, std::string& out) {
    std::sort(addresses.begin(), addresses.end());
    out.clear();
    for (const Address& a : addresses) {
      if (!out.empty()) out += ' ';
      out += *a.name;
      out += "=0x";
      append_hex(out, a.value, 2);
    }
  }

  std::unordered_map<const LayerDef*, std::vector<AddressField>> by_layer_;
  const LayerDef* last_def_ = nullptr;
  const std::vector<AddressField>* last_fields_ = nullptr;  // by_layer_'s, of last_def_
  std::vector<Address> ahead_, back_;
  std::array<Made, std::size_t{1} << kMadeBits> made_;
};

// What tells a repeated packet from another: a hash of its flags, its size and its piece, taken
// eight bytes at a time (FNV-1a's steps on words). Each step is one-to-one in the hash and in the
// word, so two pieces of one size that differ in a single word never hash alike.
std::uint64_t packet_hash(std::uint8_t flags, ByteView data) {
  constexpr std::uint64_t kPrime = 0x100000001b3ULL;
  std::uint64_t h = (0xcbf29ce484222325ULL ^ (std::uint64_t{flags} << 56 | data.size())) * kPrime;
  std::size_t i = 0;
  for (; i + 8 <= data.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, data.data() + i, sizeof word);
    h = (h ^ word) * kPrime;
  }
  if (i < data.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, data.data() + i, data.size() - i);
    h = (h ^ word) * kPrime;
  }
  return h;
}

bool copies_outer_fields(std::span<const FieldDef> fields) {
  for (const FieldDef& f : fields) {
    if (!f.copy_of.empty() && !f.copy_of.starts_with(kRequestPrefix)) return true;
    if (f.element && copies_outer_fields(f.element->fields)) return true;
  }
  return false;
}

// copies_outer_fields() remembered per table: it walks every field of the table and of its
// elements, for every layer of every message.
using OuterCopies = mctpkit::detail::TableMemo<copies_outer_fields>;

// How many layers of message frames no longer needed (a message deeper than the one after it,
// an event slot taken for a fault or for a message left in its packet) are kept, for later
// messages to be copied or decoded into: a layer made in new storage allocates.
constexpr std::size_t kMaxSpareLayers = 16;
// Layers lent to the decode of a reassembled message: a usual stack.
constexpr std::size_t kUsualDepth = 6;
// The storage of a message body up to this size stays with its assembly for a later message;
// a larger one is released when the message ends, so that a burst does not pin its memory.
constexpr std::size_t kKeptBodyCapacity = 4096;

// Whether a packet's own decoding, from its transport layer on, is the decoding of its message
// alone (`message_bytes`, the same bytes): only for a packet decoded without any diagnostic whose
// layers read nothing outside themselves. Otherwise the message is decoded by itself.
bool stands_alone(const Frame& packet, std::size_t transport, ByteView message_bytes, OuterCopies& outer_copies) {
  if (!packet.diagnostics.empty()) return false;
  const std::size_t base = packet.layers[transport].offset;
  if (base + message_bytes.size() > packet.data.size() ||
      !std::equal(message_bytes.begin(), message_bytes.end(), packet.data.begin() + static_cast<std::ptrdiff_t>(base))) {
    return false;
  }
  for (std::size_t i = transport; i < packet.layers.size(); ++i) {
    const Layer& l = packet.layers[i];
    if (l.offset < base || l.offset + l.length > base + message_bytes.size() || outer_copies.of(l.defs())) {
      return false;
    }
  }
  return true;
}

// The message of one packet whose decoding stands alone: its layers from the transport layer on,
// moved to the start of `message_bytes`, copied into `message` (whose storage is reused).
void copy_message(const Frame& packet, std::size_t transport, ByteView message_bytes, Frame& message,
                  mctpkit::detail::LayerPool& spare) {
  const std::size_t base = packet.layers[transport].offset;
  spare.assign(message.layers, std::span(packet.layers).subspan(transport));
  for (Layer& l : message.layers) l.offset -= base;
  message.diagnostics.clear();
  message.data.assign(message_bytes.begin(), message_bytes.end());
  message.link = "mctp";
}

// Reads `frame` into `p`: false when it has no MCTP layer (not for us); otherwise true, with the
// reason the packet must be dropped in `bad` if it must. A crafted frame is built into `built`,
// which the packet's piece then points into.
bool read_packet(const Frame& frame, const Registry& registry, PhysicalKeys& physical, std::string& bad, Bytes& built,
                 Packet& p) {
  const std::size_t m = transport_index(frame);
  if (m == frame.layers.size()) return false;
  p.reset();
  ByteView header, piece;
  if (!frame.data.empty()) {
    for (const Diagnostic& d : frame.diagnostics) {
      // A packet is suspect when its binding or header is cut short or malformed, or a checksum
      // that is present does not match; a warning such as a missing PEC (libmctp's I2C binding
      // sends none) leaves it a good packet.
      bool fatal = d.kind == DiagKind::BadChecksum ||
                   (d.severity == Severity::Error && (d.kind == DiagKind::Truncated || d.kind == DiagKind::Malformed));
      if (fatal && d.layer <= m && bad.empty()) bad = describe(d);  // the header is still read, for the key
    }
    const Layer& t = frame.layers[m];
    std::size_t begin = t.offset, end = std::min(detail::carried_end(frame, m), frame.data.size());
    if (!t.complete || end < begin + kHeaderSize) {
      if (bad.empty()) bad = "truncated MCTP transport header";
      return true;
    }
    header = ByteView(frame.data).subspan(begin, kHeaderSize);
    piece = ByteView(frame.data).subspan(begin + kHeaderSize, end - begin - kHeaderSize);
    p.source = &frame;
    p.transport = m;
  } else {
    Frame upper;
    upper.layers.assign(frame.layers.begin() + static_cast<std::ptrdiff_t>(m), frame.layers.end());
    try {
      built = upper.build(registry);
    } catch (const std::exception& e) {
      bad = fmt::format("packet cannot be built: {}", e.what());
      return true;
    }
    if (built.size() < kHeaderSize) {
      bad = "truncated MCTP transport header";
      return true;
    }
    header = ByteView(built).first(kHeaderSize);
    piece = ByteView(built).subspan(kHeaderSize);
  }
  p.header0 = header[0];
  p.key.dst = header[1];
  p.key.src = header[2];
  p.som = (header[3] & 0x80) != 0;
  p.eom = (header[3] & 0x40) != 0;
  p.seq = (header[3] >> 4) & 3;
  p.key.to = (header[3] >> 3) & 1;
  p.key.tag = header[3] & 7;
  p.request_key.src = p.key.dst;
  p.request_key.dst = p.key.src;
  p.request_key.to = 1;
  p.request_key.tag = p.key.tag;
  physical.read(frame, m, p.key.physical, p.request_key.physical);
  if (!bad.empty()) return true;
  if ((header[0] & 0x0F) != 1) {
    bad = fmt::format("MCTP header version {} is not 1", header[0] & 0x0F);
    return true;
  }
  if (p.som && piece.empty()) {
    bad = "SOM packet without a message header byte";
    return true;
  }
  p.piece = piece;
  p.hash = packet_hash(header[3] & 0xF0, piece);
  return true;
}

// ---- maps by terminus, ordered by last activity ------------------------------------------------

// The maps place keys by the top bits of this hash times a large odd number, so it need not be
// spread itself: the physical key's bytes are taken eight at a time, as a packet's are.
struct KeyHash {
  std::size_t operator()(const AssemblyKey& k) const {
    const std::uint8_t packed[4] = {k.src, k.dst, k.to, k.tag};
    const auto* physical = reinterpret_cast<const std::uint8_t*>(k.physical.data());
    std::uint32_t numbers;
    std::memcpy(&numbers, packed, sizeof numbers);
    return static_cast<std::size_t>(packet_hash(0, ByteView(physical, k.physical.size())) ^ numbers);
  }
};

template <typename V>
using LruMap = detail::LruMap<V, KeyHash>;

// What is remembered of recent packets of one terminus, to tell duplicates and late packets.
struct Recent {
  std::array<std::uint64_t, 3> hashes{};  // the last three packets (sequence numbers n-1..n-3)
  std::uint8_t count = 0;
  std::uint8_t missing = 0;  // bit per sequence number reported missing and not yet seen

  void add(std::uint64_t h) {
    hashes[2] = hashes[1];
    hashes[1] = hashes[0];
    hashes[0] = h;
    count = static_cast<std::uint8_t>(std::min<int>(count + 1, 3));
  }
  bool has(std::uint64_t h) const { return std::find(hashes.begin(), hashes.begin() + count, h) != hashes.begin() + count; }
};

struct Assembly {
  AssemblyKey key;
  bool broken = false;  // dropped and reported; its remaining packets are absorbed
  Bytes body;
  std::vector<std::size_t> packets;
  std::array<std::uint8_t, kHeaderSize> header{};  // the first packet's, SOM and EOM set
  std::uint8_t next_seq = 0;
  std::size_t first_size = 0;
  bool size_reported = false;
  Recent recent;
  std::optional<std::int64_t> last_time;
  std::string dropped_packet;  // why a packet of this message was dropped, for the event that ends it
};

struct Finished {
  AssemblyKey key;
  Recent recent;
  std::optional<std::int64_t> last_time;
};

// A request (TO=1) whose response has not been seen; keyed as the request.
struct Pending {
  AssemblyKey key;
  std::size_t packet = 0;
  std::optional<std::int64_t> last_time;
};

bool older_than(const std::optional<std::int64_t>& t, std::int64_t now, std::int64_t timeout) {
  return t && now - *t > timeout;
}

}  // namespace

// ---- the reassembler -----------------------------------------------------------------------------

struct Reassembler::State {
  const Registry* registry;
  Limits limits;
  LruMap<Assembly> open;
  LruMap<Finished> finished;
  LruMap<Pending> pending;
  std::size_t buffered = 0;
  std::size_t next_number = 0;

  // The events of this call are events[0, used); the rest were given back by recycle() and are
  // rebuilt in place, so that a loop that recycles what it is given moves no event. Events a
  // call did not need wait in spare_events for a call that needs more.
  std::vector<Event> events;
  std::size_t used = 0;
  std::vector<Event> spare_events;
  static constexpr std::size_t kMaxSpareEvents = 16;
  Assembly starting;  // the assembly a SOM packet starts, before it is known to need keeping
  Packet packet;      // the packet being pushed, read into the storage of the one before
  PhysicalKeys physical;
  mctpkit::detail::LayerPool spare_layers{kMaxSpareLayers};
  OuterCopies outer_copies;
  bool messages_in_packets = false;  // leave_messages_in_packets()
  const DecodeScope* scope = nullptr;  // decode_within()

  // The next event's slot, holding whatever a recycled event held.
  Event& next_event() {
    if (used == events.size()) {
      if (spare_events.empty()) {
        events.emplace_back();
      } else {
        events.push_back(std::move(spare_events.back()));
        spare_events.pop_back();
      }
    }
    return events[used++];
  }

  // Events kept for later calls, up to a bound.
  void keep_events(std::vector<Event>& from, std::size_t begin) {
    if (begin >= from.size()) return;
    for (std::size_t i = begin; i < from.size() && spare_events.size() < kMaxSpareEvents; ++i) {
      spare_events.push_back(std::move(from[i]));
    }
    from.erase(from.begin() + static_cast<std::ptrdiff_t>(begin), from.end());
  }

  // Hands this call's events over; recycled ones it did not use are kept for later calls.
  std::vector<Event> take_events() {
    if (used == 0) return {};
    keep_events(events, used);
    used = 0;
    return std::exchange(events, {});
  }

  void keep_layers(Frame& message) {
    for (Layer& layer : message.layers) spare_layers.keep(std::move(layer));
    message.layers.clear();
  }

  // An empty frame, its layers kept for later messages.
  void clear_message(Frame& message) {
    keep_layers(message);
    message.data.clear();
    message.diagnostics.clear();
    message.link.clear();
  }

  // An event in the next slot, its packets and its text written into the slot's own storage
  // (kept from the event that held the slot before). Returned for a caller that adds a packet.
  template <typename... Args>
  Event& emit(EventKind kind, const AssemblyKey& key, std::span<const std::size_t> packets,
              fmt::format_string<Args...> text, Args&&... args) {
    Event& e = next_event();
    e.kind = kind;
    e.key = key;
    e.packets.assign(packets.begin(), packets.end());
    // Formatted into fmt's own buffer, then copied: through a std::string's back_inserter, fmt
    // appends character by character.
    fmt::memory_buffer formatted;
    fmt::format_to(fmt::appender(formatted), text, std::forward<Args>(args)...);
    e.text.assign(formatted.data(), formatted.size());
    e.packet.clear();
    clear_message(e.message);
    e.in_packet = false;
    return e;
  }
  // An event about one packet.
  template <typename... Args>
  void emit(EventKind kind, const AssemblyKey& key, std::size_t packet, fmt::format_string<Args...> text,
            Args&&... args) {
    emit(kind, key, std::span<const std::size_t>(&packet, 1), text, std::forward<Args>(args)...);
  }

  static std::string size_text(const Assembly& a) {
    return fmt::format("{} bytes in {} packet{}", a.body.size(), a.packets.size(), a.packets.size() == 1 ? "" : "s");
  }

  // The body's bytes go; the storage of a body of usual size stays for a later message.
  void release_body(Assembly& a) {
    buffered -= a.body.size();
    a.body.clear();
    if (a.body.capacity() > kKeptBodyCapacity) a.body.shrink_to_fit();
  }

  // The assembly ends: the terminus is remembered briefly for duplicates and late packets.
  void finish(LruMap<Assembly>::iterator it) {
    release_body(*it);
    remember_finished(it->key, it->recent, it->last_time);
    open.erase(it);
  }

  void remember_finished(const AssemblyKey& key, const Recent& recent, std::optional<std::int64_t> time) {
    Finished& f = *finished.slot(key);
    f.recent = recent;
    f.last_time = time;
    while (finished.size() > limits.max_history) finished.erase(finished.begin());
  }

  void drop(LruMap<Assembly>::iterator it) {
    release_body(*it);
    open.erase(it);
  }

  // Marks an assembly dropped-and-reported; it stays to absorb the rest of its packets.
  void break_assembly(Assembly& a) {
    release_body(a);
    a.broken = true;
  }

  void make_room() {
    while (!open.empty() && open.size() >= limits.max_open_assemblies) {
      auto oldest = open.begin();
      if (!oldest->broken) {
        emit(EventKind::Evicted, oldest->key, oldest->packets,
             "{} assemblies in progress (the limit): dropped the least recently active one, {}", open.size(),
             size_text(*oldest));
      }
      drop(oldest);
    }
  }

  void expire(std::int64_t now) {
    const std::int64_t timeout = limits.timeout_ns;
    for (auto it = open.begin(); it != open.end();) {
      if (!older_than(it->last_time, now, timeout)) {
        ++it;
        continue;
      }
      if (!it->broken) {
        emit(EventKind::Timeout, it->key, it->packets,
             "no packet for {} ms (timeout {} ms): dropped a message of {}{}", (now - *it->last_time) / 1'000'000,
             timeout / 1'000'000, size_text(*it), it->dropped_packet);
      }
      auto next = std::next(it);
      drop(it);
      it = next;
    }
    // These are ordered by activity; with capture times in order the oldest come first.
    while (!finished.empty() && older_than(finished.begin()->last_time, now, timeout)) finished.erase(finished.begin());
    while (!pending.empty() && older_than(pending.begin()->last_time, now, timeout)) pending.erase(pending.begin());
  }

  // A request tag is in use from the request until its response starts (DSP0236 tag rules).
  void track_tags(const Packet& p, std::size_t number) {
    if (p.key.to == 1) {
      auto it = pending.find(p.key);
      if (it != pending.end()) {
        emit(EventKind::TagReuse, p.key, number,
             "request tag {} reused while the request in packet {} still awaits its response", p.key.tag,
             it->packet);
        pending.erase(it);
      }
      return;
    }
    pending.erase_key(p.request_key);
  }

  void remember_request(const AssemblyKey& key, std::size_t first_packet, std::optional<std::int64_t> time) {
    if (key.to != 1 || limits.max_history == 0) return;
    Pending& request = *pending.slot(key);
    request.packet = first_packet;
    request.last_time = time;
    while (pending.size() > limits.max_history) pending.erase(pending.begin());
  }

  // `single` is the packet when it is the whole message (its piece is then the body, which the
  // assembly does not copy).
  void complete(Assembly& a, std::optional<std::int64_t> time, const Packet* single = nullptr) {
    Event& e = next_event();
    e.kind = EventKind::Message;
    e.key = a.key;
    e.packets.assign(a.packets.begin(), a.packets.end());
    e.text.clear();
    const ByteView body = single != nullptr ? single->piece : ByteView(a.body);
    e.packet.assign(a.header.begin(), a.header.end());
    e.packet.insert(e.packet.end(), body.begin(), body.end());
    const bool alone = single != nullptr && single->source != nullptr &&
                       stands_alone(*single->source, single->transport, e.packet, outer_copies);
    e.in_packet = alone && messages_in_packets;
    if (e.in_packet) {
      clear_message(e.message);
    } else if (alone) {
      copy_message(*single->source, single->transport, e.packet, e.message, spare_layers);
    } else {
      spare_layers.lend(e.message.layers, kUsualDepth);
      decode_into(e.message, e.packet, kTransport, *registry, scope);
      e.message.link = "mctp";
    }
    remember_request(a.key, a.packets.front(), time);
  }

  bool append(Assembly& a, const Packet& p) {
    if (a.body.size() + p.piece.size() > limits.max_message_size) {
      emit(EventKind::TooLarge, a.key, a.packets,
           "message grew past {} bytes (limit {}): dropped", a.body.size() + p.piece.size(), limits.max_message_size);
      break_assembly(a);
      return false;
    }
    a.body.insert(a.body.end(), p.piece.begin(), p.piece.end());
    buffered += p.piece.size();
    return true;
  }

  void start(const Packet& p, std::size_t number, std::optional<std::int64_t> time) {
    auto existing = open.find(p.key);
    if (existing != open.end()) {
      if (!existing->broken && existing->recent.has(p.hash)) {
        emit(EventKind::DuplicatePacket, p.key, number, "duplicate of the SOM packet {}", existing->packets.front());
        existing->last_time = time ? time : existing->last_time;
        open.touch(existing);
        return;
      }
      if (!existing->broken) {
        emit(EventKind::Restarted, p.key, existing->packets,
             "new SOM while a message of {} was in progress: that message is dropped", size_text(*existing))
            .packets.push_back(number);
      }
      drop(existing);
    }
    track_tags(p, number);

    // Built in storage kept from the last message: a message of one packet is done with it here.
    Assembly& a = starting;
    a.key = p.key;
    a.broken = false;
    a.body.clear();
    a.packets.clear();
    a.size_reported = false;
    a.recent = Recent{};
    a.dropped_packet.clear();
    a.header = {p.header0, p.key.dst, p.key.src,
                static_cast<std::uint8_t>(0xC0 | p.seq << 4 | p.key.to << 3 | p.key.tag)};
    a.packets.push_back(number);
    a.next_seq = (p.seq + 1) & 3;
    a.first_size = p.piece.size();
    a.recent.add(p.hash);
    a.last_time = time;
    if (p.eom) {
      if (p.piece.size() > limits.max_message_size) {
        emit(EventKind::TooLarge, a.key, a.packets,
             "message of {} bytes exceeds the limit of {}: dropped", p.piece.size(), limits.max_message_size);
      } else {
        complete(a, time, &p);
      }
      remember_finished(a.key, a.recent, time);
      return;
    }
    make_room();
    // The assembly goes into a node of the map, and `starting` takes that node's storage (a
    // removed assembly's vectors) for the next message: neither is allocated again.
    auto it = open.slot(a.key);
    std::swap(*it, a);
    if (limits.max_open_assemblies == 0) {
      // No room at all: report the message lost at once rather than keep it.
      emit(EventKind::Evicted, it->key, it->packets, "no assemblies allowed (limit 0): message dropped");
      drop(it);
      return;
    }
    append(*it, p);
  }

  void orphan(const Packet& p, std::size_t number, std::optional<std::int64_t> time) {
    emit(EventKind::OrphanPacket, p.key, number,
         "{} packet (seq {}) with no message in progress: dropped", p.eom ? "end" : "middle", p.seq);
    if (p.eom || limits.max_open_assemblies == 0) return;
    // Absorb the rest of this message quietly: one event per lost message start.
    make_room();
    Assembly a;
    a.key = p.key;
    a.broken = true;
    a.packets.push_back(number);
    a.next_seq = (p.seq + 1) & 3;
    a.recent.add(p.hash);
    a.last_time = time;
    open.insert(std::move(a));
  }

  void continue_broken(LruMap<Assembly>::iterator it, const Packet& p, std::size_t number) {
    Assembly& a = *it;
    const std::uint8_t bit = static_cast<std::uint8_t>(1u << p.seq);
    if (p.seq != a.next_seq && (a.recent.missing & bit)) {
      emit(EventKind::OutOfOrder, p.key, number, "packet seq {} arrived after a later packet", p.seq);
      a.recent.missing &= static_cast<std::uint8_t>(~bit);
      return;
    }
    if (p.seq != a.next_seq && a.recent.has(p.hash)) {
      emit(EventKind::DuplicatePacket, p.key, number, "duplicate of a packet just received (seq {})", p.seq);
      return;
    }
    a.packets.push_back(number);
    a.recent.add(p.hash);
    a.next_seq = (p.seq + 1) & 3;
    // From here on a packet with the next sequence number is the next packet, not a late one.
    a.recent.missing &= static_cast<std::uint8_t>(~(1u << a.next_seq));
    if (p.eom) finish(it);
  }

  void continue_open(LruMap<Assembly>::iterator it, const Packet& p, std::size_t number, std::optional<std::int64_t> time) {
    Assembly& a = *it;
    if (p.seq != a.next_seq) {
      if (a.recent.has(p.hash)) {
        emit(EventKind::DuplicatePacket, p.key, number, "duplicate of a packet just received (seq {})", p.seq);
        return;
      }
      const unsigned lost = (p.seq - a.next_seq) & 3u;
      for (unsigned k = 0; k < lost; ++k) a.recent.missing |= static_cast<std::uint8_t>(1u << ((a.next_seq + k) & 3));
      emit(EventKind::MissingPacket, p.key, a.packets,
           "packet seq {} expected, seq {} received ({} missing): dropped a message of {}{}", a.next_seq, p.seq,
           lost == 3 ? std::string("3 or more") : std::to_string(lost), size_text(a), a.dropped_packet)
          .packets.push_back(number);
      break_assembly(a);
      continue_broken(it, p, number);
      return;
    }
    const bool middle = !p.eom;
    if (!a.size_reported && (middle ? p.piece.size() != a.first_size : p.piece.size() > a.first_size)) {
      a.size_reported = true;
      emit(EventKind::UnexpectedSize, p.key, number,
           "{} packet carries {} bytes but the first carried {}", middle ? "middle" : "end", p.piece.size(),
           a.first_size);
    }
    a.packets.push_back(number);
    a.recent.add(p.hash);
    a.next_seq = (p.seq + 1) & 3;
    if (!append(a, p)) {
      if (p.eom) finish(it);
      return;
    }
    if (p.eom) {
      complete(a, time);
      finish(it);
    }
  }

  void push(const Packet& p, std::size_t number, std::optional<std::int64_t> time) {
    if (p.som) {
      start(p, number, time);
      return;
    }
    auto it = open.find(p.key);
    if (it != open.end()) {
      if (time) it->last_time = time;
      open.touch(it);
      if (it->broken) {
        continue_broken(it, p, number);
      } else {
        continue_open(it, p, number, time);
      }
      return;
    }
    auto done = finished.find(p.key);
    if (done != finished.end()) {
      const std::uint8_t bit = static_cast<std::uint8_t>(1u << p.seq);
      if (done->recent.missing & bit) {
        emit(EventKind::OutOfOrder, p.key, number, "packet seq {} arrived after its message ended", p.seq);
        done->recent.missing &= static_cast<std::uint8_t>(~bit);
        return;
      }
      if (done->recent.has(p.hash)) {
        emit(EventKind::DuplicatePacket, p.key, number,
             "duplicate of a packet of a message that has ended (seq {})", p.seq);
        return;
      }
    }
    orphan(p, number, time);
  }
};

Reassembler::Reassembler(const Registry& registry, Limits limits) : state_(std::make_unique<State>()) {
  state_->registry = &registry;
  state_->limits = limits;
}

Reassembler::~Reassembler() = default;
Reassembler::Reassembler(Reassembler&&) noexcept = default;
Reassembler& Reassembler::operator=(Reassembler&&) noexcept = default;

std::vector<Event> Reassembler::push(const Frame& packet, std::optional<std::int64_t> time_ns,
                                     std::optional<std::size_t> number) {
  State& s = *state_;
  const std::size_t n = number.value_or(s.next_number);
  s.next_number = n + 1;
  if (time_ns) s.expire(*time_ns);
  std::string bad;
  Bytes built;
  Packet& p = s.packet;
  if (!read_packet(packet, *s.registry, s.physical, bad, built, p)) return s.take_events();
  if (!bad.empty()) {
    s.emit(EventKind::BadPacket, p.key, n, "packet dropped: {}", bad);
    // The message this packet belonged to will be missing it: its event says why.
    auto open = s.open.find(p.key);
    if (open != s.open.end()) open->dropped_packet = fmt::format(" (packet {} was dropped: {})", n, bad);
  } else {
    s.push(p, n, time_ns);
  }
  return s.take_events();
}

std::vector<Event> Reassembler::expire(std::int64_t now_ns) {
  state_->expire(now_ns);
  return state_->take_events();
}

std::vector<Event> Reassembler::flush() {
  State& s = *state_;
  for (Assembly& a : s.open) {
    if (!a.broken) {
      s.emit(EventKind::Incomplete, a.key, a.packets,
             "end of input with a message of {} in progress: dropped{}", State::size_text(a), a.dropped_packet);
    }
  }
  s.open.clear();
  s.finished.clear();
  s.pending.clear();
  s.buffered = 0;
  return s.take_events();
}

void Reassembler::recycle(std::vector<Event>&& events) {
  // A bounded number is kept: a burst of events must not pin its memory for good.
  State& s = *state_;
  if (s.events.empty()) {
    s.keep_events(events, std::min(events.size(), State::kMaxSpareEvents));
    s.events = std::move(events);
  } else {
    s.keep_events(events, 0);
  }
  events.clear();
}

void Reassembler::leave_messages_in_packets(bool on) { state_->messages_in_packets = on; }

void Reassembler::decode_within(const DecodeScope* scope) { state_->scope = scope; }

void copy_message_of_packet(const Frame& packet, ByteView message_bytes, Frame& message) {
  const std::size_t transport = transport_index(packet);
  if (transport == packet.layers.size()) {
    message = Frame{};
    return;
  }
  mctpkit::detail::LayerPool none{0};
  copy_message(packet, transport, message_bytes, message, none);
}

bool detail::message_stands_in_packet(const Frame& packet, ByteView message_bytes) {
  const std::size_t transport = transport_index(packet);
  if (transport == packet.layers.size()) return false;
  return stands_alone(packet, transport, message_bytes, mctpkit::detail::per_thread<OuterCopies>());
}

std::size_t Reassembler::open_assemblies() const { return state_->open.size(); }
std::size_t Reassembler::buffered_bytes() const { return state_->buffered; }
const Limits& Reassembler::limits() const { return state_->limits; }

}  // namespace mctpkit::mctp
