#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <deque>

#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/spec_reader.hpp"
#include "mctpkit/binding/serial.hpp"
#include "mctpkit/exerciser/serial.hpp"

namespace mctpkit::exerciser {

namespace {

struct Speed {
  unsigned baud;
  speed_t code;
};
constexpr Speed kSpeeds[] = {{1200, B1200},     {2400, B2400},     {4800, B4800},     {9600, B9600},
                             {19200, B19200},   {38400, B38400},   {57600, B57600},   {115200, B115200},
                             {230400, B230400}, {460800, B460800}, {921600, B921600}, {1000000, B1000000},
                             {2000000, B2000000}, {3000000, B3000000}, {4000000, B4000000}};

// How long one write may wait for the tty to take bytes: a frame at the slowest rate, plus margin.
constexpr int kWriteTimeoutMs = 2000;

std::string errno_text() { return std::strerror(errno); }

class SerialExerciser : public Exerciser {
 public:
  explicit SerialExerciser(SerialOptions options) : options_(std::move(options)) {
    fd_ = ::open(options_.device.c_str(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd_ < 0) throw TransportError("serial: cannot open " + options_.device + ": " + errno_text());
    try {
      configure();
    } catch (...) {
      ::close(fd_);
      throw;
    }
  }
  // Adopts `fd` as it is.
  SerialExerciser(int fd, SerialOptions options) : options_(std::move(options)), fd_(fd) {
    ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
    sink_.queue = &queue_;
    sink_.limit = options_.max_queued;
  }
  ~SerialExerciser() override { ::close(fd_); }

  std::string_view link() const override { return "serial"; }
  int fd() const override { return fd_; }
  std::size_t mtu() const override { return options_.mtu; }

  void send(ByteView frame) override {
    // Frames arrive built by the serial layer (FCS raw); re-stuff them when escaping is asked.
    Bytes escaped;
    if (options_.fcs_escape) {
      escaped = binding::serial_wrap(binding::serial_unwrap(frame), true);
      frame = escaped;
    }
    std::size_t done = 0;
    while (done < frame.size()) {
      ssize_t n = ::write(fd_, frame.data() + done, frame.size() - done);
      if (n > 0) {
        done += static_cast<std::size_t>(n);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        throw TransportError("serial: " + options_.device + ": write failed: " + errno_text());
      }
      pollfd p{fd_, POLLOUT, 0};
      int r = ::poll(&p, 1, kWriteTimeoutMs);
      if (r == 0) throw TransportError("serial: " + options_.device + ": the port takes no bytes (write timed out)");
      if (r < 0 && errno != EINTR) throw TransportError("serial: " + options_.device + ": poll failed: " + errno_text());
      if (r > 0 && (p.revents & (POLLERR | POLLHUP | POLLNVAL))) {
        throw TransportError("serial: " + options_.device + ": the port is gone");
      }
    }
  }

  std::optional<Bytes> try_recv() override {
    if (queue_.empty()) read_available();
    if (queue_.empty()) return std::nullopt;
    Bytes frame = std::move(queue_.front());
    queue_.pop_front();
    return frame;
  }

  SerialCounters counters() const { return {deframer_.stats(), sink_.dropped}; }

 private:
  struct Sink : binding::SerialSink {
    std::deque<Bytes>* queue = nullptr;
    std::size_t limit = 0;
    std::uint64_t dropped = 0;
    void frame(const binding::SerialFrame& f) override {
      if (queue->size() >= limit) {
        queue->pop_front();
        ++dropped;
      }
      queue->push_back(f.wire);
    }
    // Noise and aborted frames are counted by the deframer; there is nothing to answer.
    void damage(const binding::SerialDamage&) override {}
  };

  void configure() {
    termios t{};
    if (::tcgetattr(fd_, &t) != 0) throw TransportError("serial: " + options_.device + " is not a tty: " + errno_text());
    ::cfmakeraw(&t);
    speed_t speed = 0;
    for (const Speed& s : kSpeeds) {
      if (s.baud == options_.baud) speed = s.code;
    }
    ::cfsetispeed(&t, speed);
    ::cfsetospeed(&t, speed);
    t.c_cflag |= CLOCAL | CREAD;
    t.c_cflag &= ~static_cast<tcflag_t>(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
    t.c_cflag |= CS8;
    if (options_.parity != 'n') t.c_cflag |= PARENB;
    if (options_.parity == 'o') t.c_cflag |= PARODD;
    if (options_.stop_bits == 2) t.c_cflag |= CSTOPB;
    t.c_iflag &= ~static_cast<tcflag_t>(IXON | IXOFF | IXANY);
    if (options_.flow == "rtscts") t.c_cflag |= CRTSCTS;
    if (options_.flow == "xonxoff") t.c_iflag |= IXON | IXOFF;
    // With VMIN 1 a non-blocking read says EAGAIN when there is nothing, and 0 only at hang-up.
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (::tcsetattr(fd_, TCSANOW, &t) != 0) {
      throw TransportError("serial: cannot configure " + options_.device + ": " + errno_text());
    }
    sink_.queue = &queue_;
    sink_.limit = options_.max_queued;
  }

  void read_available() {
    std::uint8_t buffer[4096];
    // Bounded: at most a few buffers per call, so a flood cannot keep one call busy.
    for (int rounds = 0; rounds < 8 && queue_.empty(); ++rounds) {
      ssize_t n = ::read(fd_, buffer, sizeof buffer);
      if (n > 0) {
        deframer_.feed(ByteView(buffer, static_cast<std::size_t>(n)), sink_);
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      if (n == 0 && !hung_up()) return;  // a descriptor that reads 0 when idle (not configured here)
      // A tty reads 0 (hang-up) or fails with EIO when the other side or the device is gone.
      throw TransportError("serial: " + options_.device + ": the port is gone (" +
                           (n == 0 ? std::string("hang-up") : errno_text()) + ")");
    }
  }

  bool hung_up() const {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
  }

  SerialOptions options_;
  int fd_ = -1;
  binding::SerialDeframer deframer_;
  std::deque<Bytes> queue_;
  Sink sink_;
};

}  // namespace

SerialOptions serial_options(const Spec& spec) {
  detail::SpecReader r(spec, {"dev", "baud", "parity", "stop", "flow", "fcs_escape", "mtu"});
  SerialOptions o;
  auto device = r.main_or("dev");
  if (!device || device->empty()) throw std::invalid_argument("serial: no device (serial:/dev/ttyUSB0,baud=115200)");
  o.device = *device;
  o.baud = static_cast<unsigned>(r.number("baud", 115200, 1, 4000000));
  bool supported = false;
  for (const Speed& s : kSpeeds) supported = supported || s.baud == o.baud;
  if (!supported) {
    std::string list;
    for (const Speed& s : kSpeeds) {
      if (!list.empty()) list += ", ";
      list += std::to_string(s.baud);
    }
    throw std::invalid_argument("serial: baud=" + std::to_string(o.baud) + " is not a supported rate (" + list + ")");
  }
  o.parity = r.choice("parity", "none", {"none", "even", "odd"})[0];
  o.stop_bits = static_cast<unsigned>(r.number("stop", 1, 1, 2));
  o.flow = r.choice("flow", "none", {"none", "rtscts", "xonxoff"});
  o.fcs_escape = r.number("fcs_escape", 0, 0, 1) != 0;
  // DSP0253: the byte count is one byte, so a packet carries at most 251 bytes after its header.
  o.mtu = r.number("mtu", 64, 1, 251);
  return o;
}

std::unique_ptr<Exerciser> open_serial(const SerialOptions& options) { return std::make_unique<SerialExerciser>(options); }

std::unique_ptr<Exerciser> adopt_serial(int fd, const SerialOptions& options) {
  return std::make_unique<SerialExerciser>(fd, options);
}

std::optional<SerialCounters> serial_counters(const Exerciser& exerciser) {
  if (const auto* s = dynamic_cast<const SerialExerciser*>(&exerciser)) return s->counters();
  return std::nullopt;
}

void register_serial_exerciser(ExerciserRegistry& registry) {
  registry.add({"serial", "DSP0253 frames on a tty (USB serial adapter, QEMU chardev, pty); FCS sent raw",
                "serial:DEVICE[,baud=115200][,parity=none|even|odd][,stop=1|2][,flow=none|rtscts|xonxoff]"
                "[,fcs_escape=0|1][,mtu=64]",
                [](const Spec& spec) { return open_serial(serial_options(spec)); }});
}

}  // namespace mctpkit::exerciser
