// qemu-i3c-stream: mctpkit as an I3C target of QEMU's i3c-target-remote over TCP (or a UNIX
// stream), typed messages length-framed, HELLO first. Frames sent while QEMU is absent wait and
// go after the target has joined again.
#include <deque>

#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/i3c_options.hpp"
#include "exerciser/detail/i3c_typed_target.hpp"
#include "exerciser/detail/typed_stream.hpp"

namespace mctpkit::exerciser::detail {

namespace {

class QemuI3cStream : public Exerciser, public OutputQueue {
 public:
  QemuI3cStream(StreamEndpoint endpoint, std::chrono::milliseconds retry, I3cTargetOptions target,
                std::optional<std::uint8_t> ibi_mdb)
      : stream_("qemu-i3c-stream", std::move(endpoint), retry, I3cTypedTarget::kHello),
        target_(target.registers, ibi_mdb),
        mtu_(target.mtu) {
    pump();
  }

  std::string_view link() const override { return "i3c"; }
  std::size_t mtu() const override { return mtu_; }
  std::optional<std::uint8_t> own_address() const override { return target_.dynamic_address(); }
  int fd() const override { return stream_.fd(); }
  bool output_pending() const override { return !waiting_.empty(); }

  void send(ByteView frame) override {
    if (frame.size() < 2) throw TransportError("qemu-i3c-stream: an i3c frame needs an address byte and a PEC");
    if (waiting_.size() == kMaxWaiting) {
      throw TransportError("qemu-i3c-stream: " + std::to_string(kMaxWaiting) + " frames already wait for QEMU");
    }
    waiting_.emplace_back(frame.begin() + 1, frame.end());
    flush();
  }

  std::optional<Bytes> try_recv() override {
    if (received_.empty()) pump();
    if (received_.empty()) return std::nullopt;
    Bytes frame = std::move(received_.front());
    received_.pop_front();
    return frame;
  }

 private:
  static constexpr std::size_t kMaxWaiting = 256;

  void pump() {
    TypedStream::Poll poll = stream_.poll();
    if (poll.connected_now) {
      for (const TypedMessage& m : target_.join()) stream_.send(m.type, m.payload);
    }
    for (const TypedMessage& m : poll.messages) {
      if (auto frame = target_.receive(m)) {
        if (received_.size() == kMaxWaiting) received_.pop_front();  // bounded under a flood
        received_.push_back(std::move(*frame));
      }
    }
    flush();
  }

  void flush() {
    while (!waiting_.empty() && stream_.connected()) {
      bool sent = true;
      for (const TypedMessage& m : target_.send(waiting_.front())) sent = sent && stream_.send(m.type, m.payload);
      if (!sent) return;
      waiting_.pop_front();
    }
  }

  TypedStream stream_;
  I3cTypedTarget target_;
  std::size_t mtu_;
  std::deque<Bytes> waiting_;
  std::deque<Bytes> received_;
};

std::unique_ptr<Exerciser> open_qemu_i3c_stream(const Spec& spec) {
  OptionReader options(spec);
  StreamEndpoint endpoint = read_stream_endpoint(options);
  auto retry = std::chrono::milliseconds(options.number("retry", 1000, 1, 60000));
  I3cTargetOptions target = read_i3c_target_options(options);
  auto mdb = options.number("ibi-mdb", 0, 0xFF);
  options.finish();
  std::optional<std::uint8_t> ibi_mdb;
  if (mdb) ibi_mdb = static_cast<std::uint8_t>(*mdb);
  return std::make_unique<QemuI3cStream>(std::move(endpoint), retry, target, ibi_mdb);
}

}  // namespace

void register_qemu_i3c_stream(ExerciserRegistry& registry) {
  registry.add({.name = "qemu-i3c-stream",
                .description = "I3C target of QEMU's i3c-target-remote over TCP (typed messages, HELLO first)",
                .syntax = std::string("qemu-i3c-stream:tcp=HOST:PORT|unix=PATH") + kI3cRegisterSyntax +
                          "[,ibi-mdb=N][,retry=MS]",
                .factory = open_qemu_i3c_stream});
}

}  // namespace mctpkit::exerciser::detail
