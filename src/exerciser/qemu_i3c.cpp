// qemu-i3c: mctpkit as the remote I3C target of a QEMU I3C controller, over the chardev's UNIX
// or TCP stream. The wire format lives in RemoteI3cTarget; this class moves its bytes.
#include <chrono>

#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/i3c_options.hpp"
#include "exerciser/detail/remote_i3c_target.hpp"
#include "exerciser/detail/socket_io.hpp"

namespace mctpkit::exerciser::detail {

namespace {

class QemuI3c : public Exerciser, public OutputQueue {
 public:
  QemuI3c(StreamEndpoint endpoint, std::chrono::milliseconds retry, I3cTargetOptions target, bool ack_start)
      : stream_(std::move(endpoint), retry), target_(target.registers, kMaxTransfer, ack_start), mtu_(target.mtu) {
    pump();  // connects at once when the controller is already there
  }

  std::string_view link() const override { return "i3c"; }
  std::size_t mtu() const override { return mtu_; }
  std::optional<std::uint8_t> own_address() const override { return target_.dynamic_address(); }
  int fd() const override { return stream_.fd(); }
  bool output_pending() const override { return target_.queued() != 0; }

  // The frame is an `i3c` link frame: its address byte names the transfer, the rest (packet and
  // PEC, sent unchanged) is what the controller reads. Without a controller it waits.
  void send(ByteView frame) override {
    if (frame.size() < 2) throw TransportError("qemu-i3c: an i3c frame needs an address byte and a PEC");
    Bytes out;
    target_.queue(frame.subspan(1), out);
    flush(out);
  }

  std::optional<Bytes> try_recv() override {
    if (auto frame = target_.pop_frame()) return frame;
    pump();
    return target_.pop_frame();
  }

 private:
  static constexpr std::size_t kMaxTransfer = 65536;

  void pump() {
    if (!stream_.ensure_connected()) return;
    Bytes out;
    if (stream_.take_just_connected()) target_.restart(out);
    Bytes in;
    if (stream_.read(in) == ReconnectingStream::Read::Data) {
      try {
        target_.feed(in, out);
      } catch (const TransportError&) {
        stream_.disconnect();  // out of step: start over with a new connection
        throw;
      }
    }
    flush(out);
  }

  void flush(const Bytes& out) {
    if (out.empty() || !stream_.connected()) return;
    try {
      stream_.write(out);
    } catch (const TransportError&) {
      // The controller went away mid-answer; the next call reconnects.
    }
  }

  ReconnectingStream stream_;
  RemoteI3cTarget target_;
  std::size_t mtu_;
};

std::unique_ptr<Exerciser> open_qemu_i3c(const Spec& spec) {
  OptionReader options(spec);
  StreamEndpoint endpoint = read_stream_endpoint(options);
  auto retry = std::chrono::milliseconds(options.number("retry", 1000, 1, 60000));
  I3cTargetOptions target = read_i3c_target_options(options);
  bool ack_start = options.flag("start-ack", false);
  options.finish();
  return std::make_unique<QemuI3c>(std::move(endpoint), retry, target, ack_start);
}

}  // namespace

void register_qemu_i3c(ExerciserRegistry& registry) {
  registry.add({.name = "qemu-i3c",
                .description = "remote I3C target of a QEMU I3C controller (chardev stream, IBI to send)",
                .syntax = std::string("qemu-i3c:unix=PATH|tcp=HOST:PORT") + kI3cRegisterSyntax +
                          "[,retry=MS][,start-ack=on|off]",
                .factory = open_qemu_i3c});
}

}  // namespace mctpkit::exerciser::detail
