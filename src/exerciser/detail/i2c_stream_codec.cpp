#include "exerciser/detail/i2c_stream_codec.hpp"

namespace mctpkit::exerciser::detail {

namespace {
constexpr std::uint8_t kMctpCommandCode = 0x0F;
}

std::optional<Bytes> smbus_frame_from_write(ByteView body, std::uint8_t own) {
  if (body.empty()) return std::nullopt;
  if (body[0] & 1) {
    Bytes frame{static_cast<std::uint8_t>(own << 1)};
    frame.insert(frame.end(), body.begin(), body.end());
    return frame;
  }
  if (body.size() >= 3 && body[1] != kMctpCommandCode && !(body[1] & 1) && body[2] == kMctpCommandCode) {
    return Bytes(body.begin() + 1, body.end());
  }
  return Bytes(body.begin(), body.end());
}

}  // namespace mctpkit::exerciser::detail
