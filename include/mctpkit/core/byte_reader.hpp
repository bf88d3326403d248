#pragma once
// Bounds-checked reading and writing of wire data. Errors are sticky: once a read runs past the
// end, every later read returns zero/empty and ok() stays false, so a decoder can read all its
// fields and check once, and the position of the first failure is kept.

#include <cstddef>
#include <cstdint>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit {

class ByteReader {
 public:
  explicit ByteReader(ByteView data) : data_(data) {}

  /// Unsigned integer of 1 to 8 bytes.
  std::uint64_t uint(std::size_t width, ByteOrder order = ByteOrder::Big);
  std::uint8_t u8() { return static_cast<std::uint8_t>(uint(1)); }
  /// The next `n` bytes, or an empty view (and the error set) when fewer remain.
  ByteView bytes(std::size_t n);
  /// Everything not read yet.
  ByteView rest();

  bool ok() const { return !failed_; }
  std::size_t offset() const { return offset_; }
  std::size_t remaining() const { return data_.size() - offset_; }
  /// Offset of the read that failed first (meaningful when !ok()).
  std::size_t error_offset() const { return error_offset_; }

 private:
  bool take(std::size_t n);

  ByteView data_;
  std::size_t offset_ = 0;
  std::size_t error_offset_ = 0;
  bool failed_ = false;
};

class ByteWriter {
 public:
  /// Appends to `out`; with a `limit`, writing more than `limit` bytes in total fails.
  explicit ByteWriter(Bytes& out, std::size_t limit = SIZE_MAX) : out_(out), limit_(limit) {}

  /// Writes the low `width` bytes of `value`; fails (and writes nothing) when `value` does not fit.
  void uint(std::uint64_t value, std::size_t width, ByteOrder order = ByteOrder::Big);
  void u8(std::uint8_t value) { uint(value, 1); }
  void bytes(ByteView data);

  bool ok() const { return !failed_; }
  std::size_t size() const { return out_.size(); }

 private:
  bool room_for(std::size_t n);

  Bytes& out_;
  std::size_t limit_;
  bool failed_ = false;
};

}  // namespace mctpkit
