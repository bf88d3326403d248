#include "block_reader.hpp"

#include <algorithm>
#include <cstring>

namespace mctpkit::capture::detail {

namespace {
constexpr std::size_t kBlockSize = 64 * 1024;
}  // namespace

std::size_t BlockReader::refill(std::size_t want) {
  // What is left of the last block goes to the front: it is less than one record.
  const std::size_t have = end_ - begin_;
  if (begin_ != 0 && have != 0) std::memmove(buffer_.data(), buffer_.data() + begin_, have);
  begin_ = 0;
  end_ = have;
  const std::size_t target = whole_blocks_ ? std::max(want, kBlockSize) : want;
  if (buffer_.size() < target) buffer_.resize(target);
  while (end_ < want) {
    const std::size_t got = std::fread(buffer_.data() + end_, 1, target - end_, file_);
    if (got == 0) break;
    end_ += got;
  }
  return end_;
}

}  // namespace mctpkit::capture::detail
