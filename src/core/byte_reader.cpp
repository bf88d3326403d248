#include "mctpkit/core/byte_reader.hpp"

namespace mctpkit {

bool ByteReader::take(std::size_t n) {
  if (failed_) return false;
  if (n > remaining()) {
    failed_ = true;
    error_offset_ = offset_;
    return false;
  }
  return true;
}

std::uint64_t ByteReader::uint(std::size_t width, ByteOrder order) {
  if (width == 0 || width > 8 || !take(width)) {
    if (!failed_) {
      failed_ = true;
      error_offset_ = offset_;
    }
    return 0;
  }
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    std::uint64_t byte = data_[offset_ + i];
    if (order == ByteOrder::Big) {
      value = (value << 8) | byte;
    } else {
      value |= byte << (8 * i);
    }
  }
  offset_ += width;
  return value;
}

ByteView ByteReader::bytes(std::size_t n) {
  if (!take(n)) return {};
  ByteView out = data_.subspan(offset_, n);
  offset_ += n;
  return out;
}

ByteView ByteReader::rest() {
  if (failed_) return {};
  ByteView out = data_.subspan(offset_);
  offset_ = data_.size();
  return out;
}

bool ByteWriter::room_for(std::size_t n) {
  if (failed_) return false;
  if (n > limit_ - std::min(limit_, out_.size())) {
    failed_ = true;
    return false;
  }
  return true;
}

void ByteWriter::uint(std::uint64_t value, std::size_t width, ByteOrder order) {
  if (width == 0 || width > 8 || (width < 8 && (value >> (8 * width)) != 0)) {
    failed_ = true;
    return;
  }
  if (!room_for(width)) return;
  for (std::size_t i = 0; i < width; ++i) {
    std::size_t shift = order == ByteOrder::Big ? 8 * (width - 1 - i) : 8 * i;
    out_.push_back(static_cast<std::uint8_t>(value >> shift));
  }
}

void ByteWriter::bytes(ByteView data) {
  if (!room_for(data.size())) return;
  out_.insert(out_.end(), data.begin(), data.end());
}

}  // namespace mctpkit
