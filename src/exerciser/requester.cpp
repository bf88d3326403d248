// The requester's waiting loop: every received frame is decoded with the exerciser's link and
// fed to one reassembler; each whole message is matched against the request in flight, and what
// does not answer it goes to the listener with the reason.
#include "mctpkit/exerciser/requester.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>

#include "exerciser/detail/request_match.hpp"
#include "exerciser/detail/request_prepare.hpp"
#include "exerciser/detail/timing.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/mctp/fragment.hpp"
#include "mctpkit/mctp/reassembly.hpp"

namespace mctpkit::exerciser {

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

// Received frames kept to hand back the wire packets of a reassembled message; with the
// reassembler's own limits this bounds memory whatever arrives.
constexpr std::size_t kRecentFrames = 256;

mctp::Limits receive_limits() {
  mctp::Limits limits;
  limits.max_open_assemblies = 16;
  limits.max_history = 64;
  return limits;
}

}  // namespace

std::string_view to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::Response: return "response";
    case Outcome::ErrorCompletion: return "error completion";
    case Outcome::NoResponse: return "no response";
    case Outcome::UnexpectedResponse: return "unexpected response";
  }
  return "?";
}

struct Requester::Impl {
  Exerciser& exerciser;
  const Registry& registry;
  detail::IdAllocator ids;
  mctp::Reassembler reassembler;
  UnmatchedListener listener;
  std::deque<std::pair<std::size_t, Bytes>> recent;
  std::size_t next_number = 0;
  detail::Timing timing;

  // The request in flight, while request() waits.
  const detail::MatchKeys* waiting = nullptr;
  std::optional<mctp::Event> answer;
  std::vector<std::string>* unexpected = nullptr;

  Impl(Exerciser& e, const Registry& r)
      : exerciser(e), registry(r), reassembler(r, receive_limits()), timing(detail::default_timing(e.link())) {}

  void tell(const Frame& frame, ByteView wire, std::string_view reason, bool unexpected_response) {
    if (listener) listener(Unmatched{frame, wire, reason, unexpected_response});
  }

  std::vector<Bytes> wires_of(const std::vector<std::size_t>& numbers) const {
    std::vector<Bytes> out;
    for (std::size_t n : numbers) {
      for (const auto& [number, wire] : recent) {
        if (number == n) out.push_back(wire);
      }
    }
    return out;
  }

  void on_event(mctp::Event& event, const Frame& frame, ByteView wire) {
    if (event.kind != mctp::EventKind::Message) {
      tell(frame, wire, event.text, false);
      return;
    }
    if (waiting == nullptr || answer) {
      tell(event.message, wire, answer ? "after the response" : "no request waiting", false);
      return;
    }
    std::vector<Bytes> wires = wires_of(event.packets);
    std::optional<Frame> first;
    if (!wires.empty()) first = decode(wires.front(), exerciser.link(), registry);
    const Layer* binding = first && mctp::transport_index(*first) > 0 ? &first->layers[0] : nullptr;
    detail::MatchResult r = detail::match_response(*waiting, event.message, binding);
    if (r.verdict == detail::Verdict::Answers) {
      answer = std::move(event);
      return;
    }
    if (r.verdict == detail::Verdict::Unexpected && unexpected) unexpected->push_back(r.reason);
    tell(event.message, wire, r.reason, r.verdict == detail::Verdict::Unexpected);
  }

  void on_frame(Bytes wire) {
    Frame frame = decode(wire, exerciser.link(), registry);
    const std::size_t number = next_number++;
    if (mctp::transport_index(frame) == frame.layers.size()) {
      tell(frame, wire, "not an MCTP packet", false);
      return;
    }
    recent.emplace_back(number, wire);
    if (recent.size() > kRecentFrames) recent.pop_front();
    for (mctp::Event& e : reassembler.push(frame, now_ns(), number)) on_event(e, frame, wire);
  }

  void expire() {
    for (mctp::Event& e : reassembler.expire(now_ns())) {
      Frame none;
      tell(none, {}, e.text, false);
    }
  }

  // Receives until `deadline` or until `stop()` is true. Returns frames received.
  template <typename Stop>
  std::size_t receive_until(Clock::time_point deadline, Stop stop, Clock::time_point* last_at = nullptr) {
    std::size_t count = 0;
    while (!stop()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) break;
      std::optional<Bytes> wire = recv(exerciser, left);
      if (!wire) break;
      ++count;
      if (last_at) *last_at = Clock::now();
      on_frame(std::move(*wire));
    }
    expire();
    return count;
  }

  // Frames that come meanwhile go the usual way; the address may come without one, so the
  // exerciser is looked at every 10 ms.
  void await_own_address(Clock::time_point deadline) {
    while (!exerciser.own_address() && Clock::now() < deadline) {
      if (std::optional<Bytes> wire = recv(exerciser, std::chrono::milliseconds(10))) on_frame(std::move(*wire));
    }
  }

  std::vector<Bytes> send_packets(const Frame& frame) {
    std::vector<Bytes> packets = mctp::fragment_bytes(frame, exerciser.mtu(), registry);
    for (const Bytes& p : packets) exerciser.send(p);
    return packets;
  }

  // The request as one message decoded as link "mctp", the form responses are matched in.
  mctp::Event as_message(const std::vector<Bytes>& packets) const {
    mctp::Reassembler local(registry);
    for (const Bytes& p : packets) {
      for (mctp::Event& e : local.push(decode(p, exerciser.link(), registry))) {
        if (e.kind == mctp::EventKind::Message) return std::move(e);
      }
    }
    throw std::invalid_argument("the request's packets do not make a message");
  }
};

Requester::Requester(Exerciser& exerciser, const Registry& registry)
    : impl_(std::make_unique<Impl>(exerciser, registry)) {}

Requester::~Requester() = default;

void Requester::set_listener(Listener listener) {
  if (!listener) {
    impl_->listener = nullptr;
    return;
  }
  impl_->listener = [l = std::move(listener)](const Unmatched& u) { l(u.frame, u.wire); };
}

void Requester::set_unmatched_listener(UnmatchedListener listener) { impl_->listener = std::move(listener); }

std::chrono::milliseconds Requester::default_timeout() const { return impl_->timing.timeout; }
int Requester::default_retries() const { return impl_->timing.retries; }

Frame Requester::prepare(Frame request) {
  return detail::prepare_frame(std::move(request), impl_->exerciser, impl_->registry, impl_->ids, true);
}

std::vector<Bytes> Requester::send(Frame message) {
  Frame frame = detail::prepare_frame(std::move(message), impl_->exerciser, impl_->registry, impl_->ids, false);
  return impl_->send_packets(frame);
}

std::size_t Requester::drain(std::chrono::milliseconds duration) {
  return impl_->receive_until(Clock::now() + duration, [] { return false; });
}

Exchange Requester::request(Frame request, const RequestOptions& options) {
  Impl& im = *impl_;
  // An I3C target learns its address from the controller (dynamic address assignment) after it
  // joins, and the PEC of what it sends covers that address: wait for it, within the timeout.
  if (detail::awaits_own_address(request, im.exerciser, im.registry)) {
    im.await_own_address(Clock::now() + options.timeout.value_or(im.timing.timeout));
  }
  Frame prepared = prepare(std::move(request));
  Exchange ex;
  ex.request_packets = mctp::fragment_bytes(prepared, im.exerciser.mtu(), im.registry);
  mctp::Event request_message = im.as_message(ex.request_packets);
  ex.request = ex.request_packets.size() == 1 ? decode(ex.request_packets[0], im.exerciser.link(), im.registry)
                                              : request_message.message;
  std::optional<Frame> first_packet;
  first_packet = decode(ex.request_packets.front(), im.exerciser.link(), im.registry);
  const Layer* binding = mctp::transport_index(*first_packet) > 0 ? &first_packet->layers[0] : nullptr;
  const detail::MatchKeys keys = detail::request_keys(request_message.message, binding);

  const auto timeout = options.timeout.value_or(im.timing.timeout);
  const int retries = std::max(0, options.retries.value_or(im.timing.retries));
  im.waiting = &keys;
  im.answer.reset();
  im.unexpected = &ex.unexpected;
  struct Reset {
    Impl& im;
    ~Reset() {
      im.waiting = nullptr;
      im.unexpected = nullptr;
    }
  } reset{im};

  Clock::time_point sent_at, last_at;
  for (int attempt = 0; attempt <= retries && !im.answer; ++attempt) {
    // A retry is the same request again, same tag and instance ID (DSP0236).
    for (const Bytes& p : ex.request_packets) im.exerciser.send(p);
    sent_at = Clock::now();
    ex.tries = attempt + 1;
    im.receive_until(sent_at + timeout, [&] { return im.answer.has_value(); }, &last_at);
  }
  if (!im.answer) {
    if (!ex.unexpected.empty()) {
      ex.outcome = Outcome::UnexpectedResponse;
      ex.detail = fmt::format("{} after {} {} of {} ms", ex.unexpected.back(), ex.tries, ex.tries == 1 ? "try" : "tries",
                              timeout.count());
    } else {
      ex.outcome = Outcome::NoResponse;
      ex.detail = fmt::format("no response after {} {} of {} ms", ex.tries, ex.tries == 1 ? "try" : "tries", timeout.count());
    }
    return ex;
  }
  mctp::Event& answer = *im.answer;
  ex.response_packets = im.wires_of(answer.packets);
  ex.response = ex.response_packets.size() == 1 ? decode(ex.response_packets[0], im.exerciser.link(), im.registry)
                                                : answer.message;
  ex.latency = std::chrono::duration_cast<std::chrono::microseconds>(last_at - sent_at);
  ex.completion_code = detail::completion_code(answer.message);
  ex.outcome = ex.completion_code && *ex.completion_code != 0 ? Outcome::ErrorCompletion : Outcome::Response;
  ex.detail = ex.outcome == Outcome::Response
                  ? fmt::format("response in {} us", ex.latency.count())
                  : fmt::format("error completion code 0x{:02X} in {} us", *ex.completion_code, ex.latency.count());
  im.answer.reset();
  return ex;
}

}  // namespace mctpkit::exerciser
