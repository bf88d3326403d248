#include <poll.h>

#include <algorithm>
#include <cerrno>

#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::exerciser {

std::optional<Bytes> recv(Exerciser& exerciser, std::chrono::milliseconds timeout) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + timeout;
  while (true) {
    if (auto frame = exerciser.try_recv()) return frame;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    int fd = exerciser.fd();
    if (fd < 0) {
      // No descriptor to wait on: poll the exerciser at a short interval.
      ::poll(nullptr, 0, static_cast<int>(std::min<long long>(left.count(), 5)));
      continue;
    }
    pollfd p{fd, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count() + 1, 1 << 30)));
    if (r < 0 && errno != EINTR) throw TransportError("poll failed while waiting for a frame");
  }
}

bool output_pending(const Exerciser& exerciser) {
  const auto* queue = dynamic_cast<const OutputQueue*>(&exerciser);
  return queue != nullptr && queue->output_pending();
}

}  // namespace mctpkit::exerciser
