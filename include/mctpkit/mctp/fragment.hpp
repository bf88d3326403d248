#pragma once
// Fragmentation: one MCTP message built as the packets a sender puts on the wire (DSP0236
// "packetization": all packets but the last carry exactly one transmission unit of the body).

#include <cstddef>
#include <stdexcept>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::mctp {

/// Baseline transmission unit: the packet payload every MCTP endpoint accepts.
inline constexpr std::size_t kBaselineTransmissionUnit = 64;

/// A frame that cannot be split: no MCTP transport layer, or a transmission unit of 0.
class FragmentError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// Index in `frame.layers` of the MCTP transport layer, or frame.layers.size() when none.
std::size_t transport_index(const Frame& frame);

/// The message body of `message` (message header byte first, then the rest of the message):
/// the layers from the MCTP transport header up, built as one packet, so that derived fields
/// such as a message integrity check cover the whole message. Binding layers are not built.
/// Throws FragmentError without an MCTP layer, std::invalid_argument when a value cannot be encoded.
Bytes message_body(const Frame& message, const Registry& registry = default_registry());

/// The packets that carry `message`, in sending order. Every packet has the binding layers that
/// are below the MCTP layer in `message` (their derived fields, such as byte counts and PECs,
/// recomputed per packet; fields set absent stay absent), a copy of the MCTP layer (same
/// addresses, TO and tag; a value left unset, such as TO, which follows the request bit, as the
/// whole message builds it) with SOM on the first, EOM on the last and a packet sequence starting
/// at the message's pkt_seq and counting mod 4, then the packet's piece of the body as a Raw
/// layer (the first packet's message header byte goes into the MCTP layer's ic/msg_type).
/// A body that fits one transmission unit gives `message` itself as one SOM+EOM packet.
///
/// DSP0236 requires the transmission unit of non-final packets to be at least 64; smaller values
/// are accepted here on purpose (tests, and crafting non-conforming traffic). Binding limits
/// (SMBus: 250) are not checked here; building such a packet fails in the binding's byte count.
/// Throws FragmentError for a frame without an MCTP layer or a transmission unit of 0.
std::vector<Frame> fragment(const Frame& message, std::size_t transmission_unit = kBaselineTransmissionUnit,
                            const Registry& registry = default_registry());

/// fragment() with every packet built to bytes.
std::vector<Bytes> fragment_bytes(const Frame& message, std::size_t transmission_unit = kBaselineTransmissionUnit,
                                  const Registry& registry = default_registry());

}  // namespace mctpkit::mctp
