// Exercisers: request/response round trips through the requester over UDP loopback (qemu-i2c)
// and a pseudo-terminal (serial), against a responder thread that answers each Get Endpoint ID
// request with a response built once per tag and instance ID; and frames received per second.
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <pty.h>
#include <unistd.h>

#include <atomic>
#include <map>
#include <thread>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/core/decode.hpp"
#include "mctpkit/craft/expression.hpp"
#include "mctpkit/exerciser/qemu_i2c.hpp"
#include "mctpkit/exerciser/requester.hpp"
#include "mctpkit/exerciser/serial.hpp"

namespace {

using namespace mctpkit;
using namespace mctpkit::exerciser;
using namespace std::chrono_literals;

Frame expr(const std::string& text) { return std::get<Frame>(craft::parse_expression(text)); }

// `binding`: the responder's binding layer as a craft expression ("smbus(dst=0x10,src=0x1D)/").
void respond(Exerciser& ex, const std::string& binding, const std::atomic<bool>& stop) {
  std::map<std::pair<std::uint64_t, std::uint64_t>, Bytes> responses;
  while (!stop) {
    auto request = recv(ex, 20ms);
    if (!request) continue;
    Frame f = decode(*request, ex.link());
    const Layer* t = f.find("mctp");
    const Layer* c = f.find("control");
    if (t == nullptr || c == nullptr) continue;
    const auto key = std::make_pair(t->num("tag"), c->num("iid"));
    auto it = responses.find(key);
    if (it == responses.end()) {
      Frame rsp = expr(binding + "mctp(dst=8,src=9,to=0,tag=" + std::to_string(key.first) + ")/control(rq=0,iid=" +
                       std::to_string(key.second) + ",cmd=get_endpoint_id,cc=0)/get_endpoint_id(eid=9)");
      it = responses.emplace(key, rsp.build()).first;
    }
    ex.send(it->second);
  }
}

void round_trips(benchmark::State& state, Exerciser& near, Exerciser& far, const std::string& far_binding) {
  std::atomic<bool> stop{false};
  std::thread responder([&] { respond(far, far_binding, stop); });
  Requester r(near);
  const Frame request = expr("mctp(dst=9,src=8)/control()/get_endpoint_id()");
  std::size_t failures = 0;
  for (auto _ : state) {
    Exchange x = r.request(request, {1000ms, 0});
    if (x.outcome != Outcome::Response) ++failures;
  }
  stop = true;
  responder.join();
  state.counters["round_trips_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["failures"] = static_cast<double>(failures);
}

void BM_RoundTripUdp(benchmark::State& state) {
  auto far = open("qemu-i2c:in=0,addr=0x1D,peer=0x10");
  auto near = open("qemu-i2c:in=0,out=" + std::to_string(*qemu_i2c_port(*far)) + ",addr=0x10,peer=0x1D");
  // The responder replies to whoever sent last: the first request teaches it the port.
  round_trips(state, *near, *far, "smbus(dst=0x10,src=0x1D)/");
}
BENCHMARK(BM_RoundTripUdp)->UseRealTime()->Unit(benchmark::kMicrosecond);

void BM_RoundTripPty(benchmark::State& state) {
  int master = -1, slave = -1;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
    state.SkipWithError("openpty failed");
    return;
  }
  const std::string path = ::ttyname(slave);
  ::close(slave);
  // The responder speaks on the master side: a raw exerciser on the same framing.
  auto near = open("serial:" + path);
  SerialOptions master_side;
  master_side.device = "pty master";
  auto far = adopt_serial(master, master_side);
  round_trips(state, *near, *far, "serial()/");
}
BENCHMARK(BM_RoundTripPty)->UseRealTime()->Unit(benchmark::kMicrosecond);

const Bytes kFrameSmbus = expr("smbus(dst=0x10,src=0x1D)/mctp(dst=8,src=9,to=0,tag=0)/control(rq=0,iid=0,"
                               "cmd=get_endpoint_id,cc=0)/get_endpoint_id(eid=9)")
                              .build();

void BM_FramesReceivedUdp(benchmark::State& state) {
  auto rx = open("qemu-i2c:in=0,addr=0x10");
  auto tx = open("qemu-i2c:in=0,out=" + std::to_string(*qemu_i2c_port(*rx)) + ",addr=0x1D");
  std::atomic<bool> stop{false};
  std::thread sender([&] {
    while (!stop) {
      for (int i = 0; i < 64; ++i) tx->send(kFrameSmbus);
      std::this_thread::yield();
    }
  });
  std::size_t missing = 0;
  for (auto _ : state) {
    if (!recv(*rx, 1000ms)) ++missing;
  }
  stop = true;
  sender.join();
  state.counters["frames_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["missing"] = static_cast<double>(missing);
}
BENCHMARK(BM_FramesReceivedUdp)->UseRealTime();

void BM_FramesReceivedPty(benchmark::State& state) {
  int master = -1, slave = -1;
  if (::openpty(&master, &slave, nullptr, nullptr, nullptr) != 0) {
    state.SkipWithError("openpty failed");
    return;
  }
  const std::string path = ::ttyname(slave);
  ::close(slave);
  auto rx = open("serial:" + path);
  const Bytes frame = expr("serial()/mctp(dst=8,src=9,to=0,tag=0)/control(rq=0,iid=0,cmd=get_endpoint_id,cc=0)/"
                           "get_endpoint_id(eid=9)")
                          .build();
  Bytes burst;
  for (int i = 0; i < 64; ++i) burst.insert(burst.end(), frame.begin(), frame.end());
  std::atomic<bool> stop{false};
  ::fcntl(master, F_SETFL, O_NONBLOCK);
  std::thread sender([&] {
    while (!stop) {
      if (::write(master, burst.data(), burst.size()) < 0) std::this_thread::sleep_for(100us);
    }
  });
  std::size_t missing = 0;
  for (auto _ : state) {
    if (!recv(*rx, 1000ms)) ++missing;
  }
  stop = true;
  sender.join();
  ::close(master);
  state.counters["frames_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["missing"] = static_cast<double>(missing);
}
BENCHMARK(BM_FramesReceivedPty)->UseRealTime();

}  // namespace
