#pragma once
// Total Phase's Aardvark C API, loaded at run time so mctpkit neither needs the vendor library to
// build nor links it. Declarations follow Total Phase's aardvark.h (v5.x): every call takes the
// handle `aa_open` returned and returns a count or a negative status.

#include <cstdint>
#include <string>
#include <vector>

namespace mctpkit::exerciser::detail {

struct AardvarkApi {
  int (*open)(int port) = nullptr;
  int (*close)(int handle) = nullptr;
  int (*configure)(int handle, int config) = nullptr;
  int (*i2c_bitrate)(int handle, int khz) = nullptr;
  int (*i2c_pullup)(int handle, std::uint8_t mask) = nullptr;
  int (*target_power)(int handle, std::uint8_t mask) = nullptr;
  int (*i2c_slave_enable)(int handle, std::uint8_t address, std::uint16_t max_tx, std::uint16_t max_rx) = nullptr;
  int (*i2c_slave_disable)(int handle) = nullptr;
  int (*i2c_slave_set_response)(int handle, std::uint8_t count, const std::uint8_t* data) = nullptr;
  int (*i2c_slave_write_stats)(int handle) = nullptr;
  int (*i2c_slave_read)(int handle, std::uint8_t* address, std::uint16_t count, std::uint8_t* data) = nullptr;
  int (*i2c_write)(int handle, std::uint16_t address, int flags, std::uint16_t count, const std::uint8_t* data) = nullptr;
  int (*async_poll)(int handle, int timeout_ms) = nullptr;
  const char* (*status_string)(int status) = nullptr;  // optional
};

// Constants from aardvark.h.
inline constexpr int kAaConfigSpiI2c = 0x03;
inline constexpr std::uint8_t kAaPullupBoth = 0x03, kAaPullupNone = 0x00;
inline constexpr std::uint8_t kAaTargetPowerBoth = 0x03, kAaTargetPowerNone = 0x00;
inline constexpr int kAaAsyncI2cRead = 0x01, kAaAsyncI2cWrite = 0x02;
inline constexpr int kAaI2cNoFlags = 0x00;

class AardvarkLibrary {
 public:
  /// Loads `path`, or the usual names when it is empty. Throws TransportError naming every path
  /// tried, or the first function the library lacks.
  explicit AardvarkLibrary(const std::string& path);
  ~AardvarkLibrary();
  AardvarkLibrary(const AardvarkLibrary&) = delete;
  AardvarkLibrary& operator=(const AardvarkLibrary&) = delete;

  const AardvarkApi& api() const { return api_; }
  /// "STATUS (text)" for a negative status.
  std::string describe(int status) const;

  static const std::vector<std::string>& usual_names();

 private:
  void* handle_ = nullptr;
  AardvarkApi api_;
};

}  // namespace mctpkit::exerciser::detail
