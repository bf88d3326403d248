#include "exerciser/detail/typed_stream.hpp"

#include "exerciser/detail/i3c_typed_target.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser::detail {

TypedStream::TypedStream(std::string what, StreamEndpoint endpoint, std::chrono::milliseconds retry,
                         std::uint8_t hello_type)
    : what_(std::move(what)), stream_(std::move(endpoint), retry), framer_(kMaxMessage, what_), hello_type_(hello_type) {}

TypedStream::Poll TypedStream::poll() {
  Poll result;
  if (!stream_.ensure_connected()) return result;
  if (stream_.take_just_connected()) {
    framer_.reset();
    hello_received_ = false;
    result.connected_now = send(hello_type_, hello_payload());
  }
  Bytes in;
  switch (stream_.read(in)) {
    case ReconnectingStream::Read::Data:
      framer_.feed(in);
      break;
    case ReconnectingStream::Read::Closed:
      framer_.reset();
      return result;
    case ReconnectingStream::Read::Nothing:
      return result;
  }
  try {
    while (auto message = framer_.next()) {
      if (message->type == hello_type_) {
        check_hello(message->payload, what_);
        hello_received_ = true;
      } else {
        result.messages.push_back(std::move(*message));
      }
    }
  } catch (const TransportError&) {
    stream_.disconnect();
    framer_.reset();
    throw;
  }
  return result;
}

bool TypedStream::send(std::uint8_t type, ByteView payload) {
  if (!stream_.connected()) return false;
  try {
    stream_.write(encode_framed(type, payload));
    return true;
  } catch (const TransportError&) {
    return false;  // the stream has dropped and reconnects
  }
}

}  // namespace mctpkit::exerciser::detail
