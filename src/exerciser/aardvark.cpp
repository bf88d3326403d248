// aardvark: a Total Phase Aardvark I2C adapter through the vendor library (loaded at run time).
// The adapter is an I2C slave on the own address and receives frames as slave reads; it sends
// as a master write to the frame's destination, or, in slave-only mode, stages the frame as the
// slave response a master reads.
#include <chrono>
#include <memory>

#include "exerciser/detail/aardvark_library.hpp"
#include "exerciser/detail/builtins.hpp"
#include "exerciser/detail/option_reader.hpp"

namespace mctpkit::exerciser::detail {

namespace {

struct AardvarkOptions {
  std::string library;
  int port = 0;
  std::uint8_t own = 0;
  std::optional<std::uint8_t> peer;
  int bitrate_khz = 400;
  std::optional<bool> pullups;
  std::optional<bool> power;
  bool slave_only = false;
};

class Aardvark : public Exerciser {
 public:
  explicit Aardvark(const AardvarkOptions& o) : library_(std::make_unique<AardvarkLibrary>(o.library)), options_(o) {
    const AardvarkApi& aa = library_->api();
    handle_ = aa.open(o.port);
    if (handle_ <= 0) {
      throw TransportError("aardvark: no adapter on port " + std::to_string(o.port) + " (aa_open returned " +
                           library_->describe(handle_) + ")");
    }
    try {
      check("aa_configure", aa.configure(handle_, kAaConfigSpiI2c));
      if (o.pullups) check("aa_i2c_pullup", aa.i2c_pullup(handle_, *o.pullups ? kAaPullupBoth : kAaPullupNone));
      if (o.power) check("aa_target_power", aa.target_power(handle_, *o.power ? kAaTargetPowerBoth : kAaTargetPowerNone));
      check("aa_i2c_bitrate", aa.i2c_bitrate(handle_, o.bitrate_khz));
      // 0 and 0: no limit on what a master reads or writes in one transfer.
      check("aa_i2c_slave_enable", aa.i2c_slave_enable(handle_, o.own, 0, 0));
    } catch (...) {
      aa.close(handle_);
      throw;
    }
  }

  ~Aardvark() override {
    const AardvarkApi& aa = library_->api();
    aa.i2c_slave_disable(handle_);
    aa.close(handle_);
  }

  std::string_view link() const override { return "smbus"; }
  std::optional<std::uint8_t> own_address() const override { return options_.own; }
  std::optional<std::uint8_t> peer_address() const override { return options_.peer; }
  int fd() const override { return -1; }  // the vendor API has no descriptor: recv() polls

  void send(ByteView frame) override {
    if (frame.size() < 2) throw TransportError("aardvark: a frame needs its address byte and data");
    const AardvarkApi& aa = library_->api();
    ByteView data = frame.subspan(1);
    if (options_.slave_only) {
      if (data.size() > 255) throw TransportError("aardvark: a slave response holds at most 255 bytes");
      check("aa_i2c_slave_set_response",
            aa.i2c_slave_set_response(handle_, static_cast<std::uint8_t>(data.size()), data.data()));
      return;
    }
    if (data.size() > 0xFFFF) throw TransportError("aardvark: a master write holds at most 65535 bytes");
    const std::uint8_t address = frame[0] >> 1;
    const int written =
        aa.i2c_write(handle_, address, kAaI2cNoFlags, static_cast<std::uint16_t>(data.size()), data.data());
    if (written < 0) throw TransportError("aardvark: master write to " + hex(address) + " failed: " + library_->describe(written));
    if (static_cast<std::size_t>(written) != data.size()) {
      throw TransportError("aardvark: master write to " + hex(address) + " stopped after " + std::to_string(written) +
                           " of " + std::to_string(data.size()) + " bytes (no acknowledge)");
    }
  }

  std::optional<Bytes> try_recv() override {
    const AardvarkApi& aa = library_->api();
    const int events = aa.async_poll(handle_, 0);
    if (events < 0) throw TransportError("aardvark: aa_async_poll failed: " + library_->describe(events));
    if (events & kAaAsyncI2cWrite) aa.i2c_slave_write_stats(handle_);  // a master read our response
    if (!(events & kAaAsyncI2cRead)) return std::nullopt;
    std::uint8_t address = 0;
    buffer_.resize(0xFFFF);
    const int count = aa.i2c_slave_read(handle_, &address, static_cast<std::uint16_t>(buffer_.size()), buffer_.data());
    if (count < 0) throw TransportError("aardvark: aa_i2c_slave_read failed: " + library_->describe(count));
    Bytes frame{static_cast<std::uint8_t>(address << 1)};
    frame.insert(frame.end(), buffer_.begin(), buffer_.begin() + count);
    return frame;
  }

 private:
  static std::string hex(std::uint8_t address) {
    const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[address >> 4] + digits[address & 15];
  }

  void check(const char* call, int status) const {
    if (status < 0) throw TransportError(std::string("aardvark: ") + call + " failed: " + library_->describe(status));
  }

  std::unique_ptr<AardvarkLibrary> library_;
  AardvarkOptions options_;
  int handle_ = 0;
  Bytes buffer_;
};

std::unique_ptr<Exerciser> open_aardvark(const Spec& spec) {
  OptionReader options(spec);
  AardvarkOptions o;
  o.library = options.text("lib").value_or("");
  o.port = static_cast<int>(options.number("port", 0, 0, 0x7FFF));
  auto own = options.address("addr");
  if (!own) options.fail("addr", "is required (the adapter's own 7-bit slave address)");
  o.own = *own;
  o.peer = options.address("peer");
  o.bitrate_khz = static_cast<int>(options.number("bitrate", 400, 1, 1000));
  if (options.text("pullups")) o.pullups = options.flag("pullups", false);
  if (options.text("power")) o.power = options.flag("power", false);
  o.slave_only = options.flag("slave-only", false);
  options.finish();
  return std::make_unique<Aardvark>(o);
}

}  // namespace

void register_aardvark(ExerciserRegistry& registry) {
  registry.add({.name = "aardvark",
                .description = "Total Phase Aardvark I2C adapter (vendor library loaded at run time)",
                .syntax = "aardvark:addr=ADDR[,port=N][,peer=ADDR][,bitrate=KHZ][,pullups=on|off][,power=on|off]"
                          "[,slave-only=on|off][,lib=PATH]",
                .factory = open_aardvark});
}

}  // namespace mctpkit::exerciser::detail
