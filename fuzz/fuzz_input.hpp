#pragma once
// Helpers shared by the fuzz targets: taking choices from the front of the fuzzer's input, and
// checks that stay on in every build (a failed check must stop the fuzzer, not be compiled out).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::fuzz {

#define MCTPKIT_FUZZ_CHECK(condition)                                                       \
  do {                                                                                      \
    if (!(condition)) {                                                                     \
      std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);   \
      std::abort();                                                                         \
    }                                                                                       \
  } while (false)

/// Reads the input front to back: small choices first, the rest as data.
class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

  /// The next byte, or 0 once the input is used up.
  std::uint8_t byte() { return pos_ < size_ ? data_[pos_++] : 0; }
  /// Up to `n` next bytes.
  ByteView take(std::size_t n) {
    std::size_t k = n < size_ - pos_ ? n : size_ - pos_;
    ByteView out(data_ + pos_, k);
    pos_ += k;
    return out;
  }
  ByteView rest() { return take(size_ - pos_); }
  bool empty() const { return pos_ == size_; }

 private:
  const std::uint8_t* data_;
  std::size_t size_;
  std::size_t pos_ = 0;
};

inline std::string_view as_text(ByteView bytes) {
  return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace mctpkit::fuzz
