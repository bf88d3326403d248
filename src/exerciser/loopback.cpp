// Two in-process exercisers joined back to back. Each direction is a queue plus an eventfd that
// is readable while the queue holds frames, so loopback exercisers poll like real ones.
#include <sys/eventfd.h>
#include <unistd.h>

#include <deque>
#include <mutex>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

namespace {

struct Channel {
  std::mutex mutex;
  std::deque<Bytes> frames;
  int event_fd = -1;

  Channel() : event_fd(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {
    if (event_fd < 0) throw TransportError("loopback: cannot create an eventfd");
  }
  ~Channel() { ::close(event_fd); }

  void push(ByteView frame) {
    std::lock_guard lock(mutex);
    frames.emplace_back(frame.begin(), frame.end());
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(event_fd, &one, sizeof one);
  }
  std::optional<Bytes> pop() {
    std::lock_guard lock(mutex);
    if (frames.empty()) return std::nullopt;
    Bytes frame = std::move(frames.front());
    frames.pop_front();
    if (frames.empty()) {
      std::uint64_t count;
      [[maybe_unused]] auto n = ::read(event_fd, &count, sizeof count);
    }
    return frame;
  }
};

class LoopbackExerciser : public Exerciser {
 public:
  LoopbackExerciser(std::shared_ptr<Channel> in, std::shared_ptr<Channel> out, std::string link, std::size_t mtu)
      : in_(std::move(in)), out_(std::move(out)), link_(std::move(link)), mtu_(mtu) {}

  std::string_view link() const override { return link_; }
  void send(ByteView frame) override { out_->push(frame); }
  std::optional<Bytes> try_recv() override { return in_->pop(); }
  int fd() const override { return in_->event_fd; }
  std::size_t mtu() const override { return mtu_; }

 private:
  std::shared_ptr<Channel> in_, out_;
  std::string link_;
  std::size_t mtu_;
};

}  // namespace

std::pair<std::unique_ptr<Exerciser>, std::unique_ptr<Exerciser>> loopback_pair(std::string link, std::size_t mtu) {
  auto a_to_b = std::make_shared<Channel>();
  auto b_to_a = std::make_shared<Channel>();
  return {std::make_unique<LoopbackExerciser>(b_to_a, a_to_b, link, mtu),
          std::make_unique<LoopbackExerciser>(a_to_b, b_to_a, link, mtu)};
}

}  // namespace mctpkit::exerciser
