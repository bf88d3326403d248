// qemu-i2c-stream: QEMU's i2c-target-remote over TCP (or a UNIX stream), typed messages
// length-framed, HELLO first. As the I2C target (default), written bodies are received frames
// and sent frames wait in a byte buffer that READ_REQ drains (ALERT announces them); in master
// mode every frame goes out as a WRITE (waiting while QEMU is absent).
#include <algorithm>
#include <deque>

#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/i2c_stream_codec.hpp"
#include "exerciser/detail/typed_stream.hpp"

namespace mctpkit::exerciser::detail {

namespace {

class QemuI2cStream : public Exerciser, public OutputQueue {
 public:
  QemuI2cStream(StreamEndpoint endpoint, std::chrono::milliseconds retry, bool master, bool alert, std::uint8_t own,
                std::optional<std::uint8_t> peer)
      : stream_("qemu-i2c-stream", std::move(endpoint), retry, kI2cHello),
        master_(master),
        alert_(alert),
        own_(own),
        peer_(peer) {
    pump();
  }

  std::string_view link() const override { return "smbus"; }
  std::optional<std::uint8_t> own_address() const override { return own_; }
  std::optional<std::uint8_t> peer_address() const override { return peer_; }
  int fd() const override { return stream_.fd(); }
  bool output_pending() const override { return master_ ? !writes_.empty() : !readable_.empty(); }

  void send(ByteView frame) override {
    if (frame.empty()) throw TransportError("qemu-i2c-stream: an empty frame cannot be sent");
    if (master_) {
      if (writes_.size() == kMaxReceived) {
        throw TransportError("qemu-i2c-stream: " + std::to_string(kMaxReceived) + " frames already wait for QEMU");
      }
      writes_.emplace_back(frame.begin(), frame.end());
      flush_writes();
      return;
    }
    if (readable_.size() + frame.size() > kMaxReadable) {
      throw TransportError("qemu-i2c-stream: the read buffer is full (" + std::to_string(readable_.size()) +
                           " bytes wait for READ_REQ)");
    }
    const bool was_empty = readable_.empty();
    readable_.insert(readable_.end(), frame.begin(), frame.end());
    if (was_empty && alert_) stream_.send(kI2cAlert, {});
  }

  std::optional<Bytes> try_recv() override {
    if (received_.empty()) pump();
    if (received_.empty()) return std::nullopt;
    Bytes frame = std::move(received_.front());
    received_.pop_front();
    return frame;
  }

 private:
  static constexpr std::size_t kMaxReadable = 65536;
  static constexpr std::size_t kMaxReceived = 256;

  // Master writes wait while QEMU is absent and go in order once it is back.
  void flush_writes() {
    while (!writes_.empty() && stream_.send(kI2cWrite, writes_.front())) writes_.pop_front();
  }

  void pump() {
    TypedStream::Poll poll = stream_.poll();
    flush_writes();
    if (poll.connected_now && alert_ && !master_ && !readable_.empty()) stream_.send(kI2cAlert, {});
    for (const TypedMessage& m : poll.messages) {
      if (m.type == kI2cWrite) {
        if (auto frame = smbus_frame_from_write(m.payload, own_)) {
          if (received_.size() == kMaxReceived) received_.pop_front();  // bounded under a flood
          received_.push_back(std::move(*frame));
        }
      } else if (m.type == kI2cReadReq && m.payload.size() >= 2) {
        // A read takes what the buffer holds, up to the length asked; the rest stays for the
        // next READ_REQ.
        const std::size_t wanted = std::size_t(m.payload[0]) << 8 | m.payload[1];
        const std::size_t n = std::min(wanted, readable_.size());
        stream_.send(kI2cReadRsp, ByteView(readable_.data(), n));
        readable_.erase(readable_.begin(), readable_.begin() + static_cast<std::ptrdiff_t>(n));
      }
    }
  }

  TypedStream stream_;
  bool master_;
  bool alert_;
  std::uint8_t own_;
  std::optional<std::uint8_t> peer_;
  Bytes readable_;
  std::deque<Bytes> writes_;
  std::deque<Bytes> received_;
};

std::unique_ptr<Exerciser> open_qemu_i2c_stream(const Spec& spec) {
  OptionReader options(spec);
  StreamEndpoint endpoint = read_stream_endpoint(options);
  auto retry = std::chrono::milliseconds(options.number("retry", 1000, 1, 60000));
  std::string mode = options.text("mode").value_or("target");
  if (mode != "target" && mode != "master") options.fail("mode", "must be target or master, not '" + mode + "'");
  auto own = options.address("addr");
  if (!own) options.fail("addr", "is required (the own 7-bit address)");
  auto peer = options.address("peer");
  bool alert = options.flag("alert", true);
  options.finish();
  return std::make_unique<QemuI2cStream>(std::move(endpoint), retry, mode == "master", alert, *own, peer);
}

}  // namespace

void register_qemu_i2c_stream(ExerciserRegistry& registry) {
  registry.add({.name = "qemu-i2c-stream",
                .description = "QEMU's i2c-target-remote over TCP (typed messages, HELLO first), target or master",
                .syntax = "qemu-i2c-stream:tcp=HOST:PORT|unix=PATH,addr=ADDR[,peer=ADDR][,mode=target|master]"
                          "[,alert=on|off][,retry=MS]",
                .factory = open_qemu_i2c_stream});
}

}  // namespace mctpkit::exerciser::detail
