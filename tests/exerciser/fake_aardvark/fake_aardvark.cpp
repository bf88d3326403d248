// A stand-in for Total Phase's Aardvark library: the same C functions (aardvark.h signatures),
// with four "adapters" (ports 0-3) joined by one in-process I2C bus. A master write reaches the
// adapter whose slave is enabled on the written address, where aa_async_poll and
// aa_i2c_slave_read find it. fake_aa_log() returns every configuration call made, for the tests.
//
// With FAKE_AARDVARK_BUS set to a folder, the bus also spans processes: an enabled slave binds
// a UNIX datagram socket there named by its address in hex ("10"), a master write to an address
// no adapter of this process serves goes to that socket (no socket: not acknowledged), and
// aa_async_poll collects what arrived. Two mctpkit processes then talk as through one adapter
// pair.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace {

constexpr int kPorts = 4;
constexpr int kUnableToOpen = -7, kInvalidHandle = -9, kSlaveReadError = -105;

struct Adapter {
  bool open = false;
  bool slave = false;
  std::uint8_t address = 0;
  std::deque<std::pair<std::uint8_t, std::vector<std::uint8_t>>> received;
  int bus_socket = -1;  // the slave's socket on the shared bus folder
};

std::mutex mutex;
Adapter adapters[kPorts];
std::string call_log;

void log(const char* format, int a, int b = 0) {
  char text[96];
  std::snprintf(text, sizeof text, format, a, b);
  call_log += text;
  call_log += ' ';
}

Adapter* adapter(int handle) {
  return handle >= 1 && handle <= kPorts && adapters[handle - 1].open ? &adapters[handle - 1] : nullptr;
}

// The shared bus socket address of slave `address`, when FAKE_AARDVARK_BUS is set.
bool bus_address(std::uint8_t address, sockaddr_un& out) {
  const char* folder = std::getenv("FAKE_AARDVARK_BUS");
  if (folder == nullptr) return false;
  out = sockaddr_un{};
  out.sun_family = AF_UNIX;
  const int n = std::snprintf(out.sun_path, sizeof out.sun_path, "%s/%02x", folder, address);
  return n > 0 && static_cast<std::size_t>(n) < sizeof out.sun_path;
}

void leave_bus(Adapter& a) {
  if (a.bus_socket < 0) return;
  ::close(a.bus_socket);
  a.bus_socket = -1;
  sockaddr_un path;
  if (bus_address(a.address, path)) ::unlink(path.sun_path);
}

void join_bus(Adapter& a) {
  sockaddr_un path;
  if (!bus_address(a.address, path)) return;
  a.bus_socket = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  ::unlink(path.sun_path);
  if (a.bus_socket >= 0 && ::bind(a.bus_socket, reinterpret_cast<sockaddr*>(&path), sizeof path) != 0) {
    ::close(a.bus_socket);
    a.bus_socket = -1;
  }
}

// A master write to another process's slave: whether it was taken.
bool write_across(std::uint8_t address, const std::uint8_t* data, std::uint16_t count) {
  sockaddr_un path;
  if (!bus_address(address, path)) return false;
  const int s = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (s < 0) return false;
  const bool sent = ::sendto(s, data, count, 0, reinterpret_cast<sockaddr*>(&path), sizeof path) == count;
  ::close(s);
  return sent;
}

void collect_from_bus(Adapter& a) {
  if (a.bus_socket < 0) return;
  std::uint8_t buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(a.bus_socket, buffer, sizeof buffer, 0);
    if (n < 0) return;
    a.received.emplace_back(a.address, std::vector<std::uint8_t>(buffer, buffer + n));
  }
}

}  // namespace

extern "C" {

int aa_open(int port) {
  std::lock_guard lock(mutex);
  log("aa_open(%d)", port);
  if (port < 0 || port >= kPorts || adapters[port].open) return kUnableToOpen;
  adapters[port] = Adapter{};
  adapters[port].open = true;
  return port + 1;
}

int aa_close(int handle) {
  std::lock_guard lock(mutex);
  log("aa_close(%d)", handle);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
  leave_bus(*a);
  *a = Adapter{};
  return 0;
}

int aa_configure(int handle, int config) {
  std::lock_guard lock(mutex);
  log("aa_configure(%d,%d)", handle, config);
  return adapter(handle) ? config : kInvalidHandle;
}

int aa_i2c_bitrate(int handle, int khz) {
  std::lock_guard lock(mutex);
  log("aa_i2c_bitrate(%d,%d)", handle, khz);
  return adapter(handle) ? khz : kInvalidHandle;
}

int aa_i2c_pullup(int handle, std::uint8_t mask) {
  std::lock_guard lock(mutex);
  log("aa_i2c_pullup(%d,%d)", handle, mask);
  return adapter(handle) ? mask : kInvalidHandle;
}

int aa_target_power(int handle, std::uint8_t mask) {
  std::lock_guard lock(mutex);
  log("aa_target_power(%d,%d)", handle, mask);
  return adapter(handle) ? mask : kInvalidHandle;
}

int aa_i2c_slave_enable(int handle, std::uint8_t address, std::uint16_t, std::uint16_t) {
  std::lock_guard lock(mutex);
  log("aa_i2c_slave_enable(%d,0x%02X)", handle, address);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
  leave_bus(*a);
  a->slave = true;
  a->address = address;
  join_bus(*a);
  return 0;
}

int aa_i2c_slave_disable(int handle) {
  std::lock_guard lock(mutex);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
  leave_bus(*a);
  a->slave = false;
  return 0;
}

int aa_i2c_slave_set_response(int handle, std::uint8_t count, const std::uint8_t* data) {
  std::lock_guard lock(mutex);
  log("aa_i2c_slave_set_response(%d,%d)", handle, count);
  (void)data;
  return adapter(handle) ? count : kInvalidHandle;
}

int aa_i2c_slave_write_stats(int handle) { return adapter(handle) ? 0 : kInvalidHandle; }

int aa_i2c_write(int handle, std::uint16_t address, int, std::uint16_t count, const std::uint8_t* data) {
  std::lock_guard lock(mutex);
  if (!adapter(handle)) return kInvalidHandle;
  for (Adapter& target : adapters) {
    if (target.open && target.slave && target.address == address) {
      target.received.emplace_back(static_cast<std::uint8_t>(address), std::vector<std::uint8_t>(data, data + count));
      return count;
    }
  }
  if (write_across(static_cast<std::uint8_t>(address), data, count)) return count;
  return 0;  // nobody acknowledged the address
}

int aa_async_poll(int handle, int) {
  std::lock_guard lock(mutex);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
  collect_from_bus(*a);
  return a->received.empty() ? 0 : 0x01;
}

int aa_i2c_slave_read(int handle, std::uint8_t* address, std::uint16_t count, std::uint8_t* data) {
  std::lock_guard lock(mutex);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
  if (a->received.empty()) return kSlaveReadError;
  auto [from, bytes] = std::move(a->received.front());
  a->received.pop_front();
  *address = from;
  const std::size_t n = bytes.size() < count ? bytes.size() : count;
  std::memcpy(data, bytes.data(), n);
  return static_cast<int>(n);
}

const char* aa_status_string(int status) {
  switch (status) {
    case kUnableToOpen: return "unable to open";
    case kInvalidHandle: return "invalid handle";
    case kSlaveReadError: return "slave read error";
    default: return nullptr;
  }
}

// Test access: the configuration calls made so far (and forget them).
const char* fake_aa_log() {
  static std::string copy;
  std::lock_guard lock(mutex);
  copy = call_log;
  call_log.clear();
  return copy.c_str();
}

}  // extern "C"
