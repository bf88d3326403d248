#include "exerciser/detail/typed_message.hpp"

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

Bytes encode_datagram(std::uint8_t type, ByteView payload) {
  // Built by appending: GCC 12 warns wrongly (-Warray-bounds, its bug 107852) when a vector
  // made from an initializer list grows by insert().
  Bytes out;
  out.reserve(1 + payload.size());
  out.push_back(type);
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

Bytes encode_framed(std::uint8_t type, ByteView payload) {
  const auto length = static_cast<std::uint32_t>(payload.size() + 1);
  Bytes out;
  out.reserve(5 + payload.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(length >> shift));
  out.push_back(type);
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

std::optional<TypedMessage> decode_datagram(ByteView datagram) {
  if (datagram.empty()) return std::nullopt;
  return TypedMessage{datagram[0], Bytes(datagram.begin() + 1, datagram.end())};
}

std::optional<TypedMessage> LengthFramer::next() {
  const std::size_t available = buffer_.size() - pos_;
  if (available < 4) {
    if (pos_ > 0) {  // compact once the consumed prefix is all that is left ahead of a partial header
      buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(pos_));
      pos_ = 0;
    }
    return std::nullopt;
  }
  const std::uint8_t* p = buffer_.data() + pos_;
  const std::uint32_t length = std::uint32_t(p[0]) << 24 | std::uint32_t(p[1]) << 16 | std::uint32_t(p[2]) << 8 | p[3];
  if (length == 0 || length > max_length_) {
    reset();
    throw TransportError(what_ + ": message length " + std::to_string(length) + " is " +
                         (length == 0 ? "zero (a message has at least its type byte)"
                                      : "above the " + std::to_string(max_length_) + "-byte limit"));
  }
  if (available < 4 + std::size_t(length)) {
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(pos_));
    pos_ = 0;
    return std::nullopt;
  }
  TypedMessage message{p[4], Bytes(p + 5, p + 4 + length)};
  pos_ += 4 + length;
  if (pos_ == buffer_.size()) reset();
  return message;
}

}  // namespace mctpkit::exerciser::detail
