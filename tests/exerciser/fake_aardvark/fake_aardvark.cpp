// A stand-in for Total Phase's Aardvark library: the same C functions (aardvark.h signatures),
// with four "adapters" (ports 0-3) joined by one in-process I2C bus. A master write reaches the
// adapter whose slave is enabled on the written address, where aa_async_poll and
// aa_i2c_slave_read find it. fake_aa_log() returns every configuration call made, for the tests.
#include <cstdint>
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
  a->slave = true;
  a->address = address;
  return 0;
}

int aa_i2c_slave_disable(int handle) {
  std::lock_guard lock(mutex);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
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
  return 0;  // nobody acknowledged the address
}

int aa_async_poll(int handle, int) {
  std::lock_guard lock(mutex);
  Adapter* a = adapter(handle);
  if (!a) return kInvalidHandle;
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
