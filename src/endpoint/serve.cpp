// Running a responder on an exerciser: one poll loop that sleeps until the nearest deadline (a
// delayed reply, the end of the run, the next look at the stop flag).

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <deque>

#include "mctpkit/endpoint/responder.hpp"

namespace mctpkit::endpoint {

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kStopCheck{100};

struct Pending {
  Clock::time_point due;
  std::vector<Bytes> frames;
};

}  // namespace

std::size_t serve(exerciser::Exerciser& exerciser, Responder& responder, const ServeOptions& options) {
  const Clock::time_point start = Clock::now();
  responder.limit_transmission_unit(exerciser.mtu());  // no reply packet larger than the binding carries
  std::deque<Pending> pending;  // in due order
  std::size_t answered = 0;
  auto counted_out = [&] { return options.max_requests != 0 && answered >= options.max_requests; };
  // After the last request, the last reply must also have left: delayed replies sent, and a
  // target's replies read by its controller.
  auto finished = [&] {
    if (options.stop && options.stop->load()) return true;
    if (options.duration && Clock::now() - start >= *options.duration) return true;
    return counted_out() && pending.empty() && !exerciser::output_pending(exerciser);
  };
  while (!finished()) {
    Clock::time_point now = Clock::now();
    while (!pending.empty() && pending.front().due <= now) {
      for (const Bytes& f : pending.front().frames) exerciser.send(f);
      pending.pop_front();
    }
    // Once counted out, try_recv() still runs: it serves the controller's reads of the replies
    // that wait; requests that come now are not answered.
    while (auto frame = exerciser.try_recv()) {
      if (counted_out()) continue;
      for (Outgoing& o : responder.handle(*frame)) {
        ++answered;
        if (o.delay.count() == 0) {
          for (const Bytes& f : o.frames) exerciser.send(f);
          continue;
        }
        Pending p{Clock::now() + o.delay, std::move(o.frames)};
        auto at = std::upper_bound(pending.begin(), pending.end(), p.due,
                                   [](Clock::time_point t, const Pending& q) { return t < q.due; });
        pending.insert(at, std::move(p));
      }
    }
    if (finished()) break;
    Clock::time_point wake = Clock::now() + kStopCheck;
    if (!pending.empty()) wake = std::min(wake, pending.front().due);
    if (options.duration) wake = std::min(wake, start + *options.duration);
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now());
    int timeout = static_cast<int>(std::max<std::int64_t>(0, wait.count())) + (wake > Clock::now() ? 1 : 0);
    pollfd pfd{exerciser.fd(), POLLIN, 0};
    if (pfd.fd < 0) {
      ::poll(nullptr, 0, timeout);
    } else if (::poll(&pfd, 1, timeout) < 0 && errno != EINTR) {
      throw exerciser::TransportError("endpoint: poll failed");
    }
  }
  return answered;
}

}  // namespace mctpkit::endpoint
