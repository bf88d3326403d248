#pragma once
// Buffered reading of a capture stream for readers that parse records in place: the bytes of
// a record are looked at where they lie in the buffer, and a regular file is read a large
// block at a time (two stdio calls per record cost more than the rest of the reading).

#include <cstddef>
#include <cstdint>
#include <cstdio>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture::detail {

class BlockReader {
 public:
  /// `whole_blocks`: the stream may be read ahead (see Input::whole_blocks); otherwise only the
  /// bytes asked for are read, so a live feed is never kept waiting for a full block.
  BlockReader(std::FILE* file, bool whole_blocks) : file_(file), whole_blocks_(whole_blocks) {}

  /// Makes the next `want` bytes available at data(); fewer only when the stream ends (or
  /// fails, see failed()) first. Returns how many are available.
  std::size_t fill(std::size_t want) {
    const std::size_t have = end_ - begin_;
    return have >= want ? have : refill(want);
  }
  const std::uint8_t* data() const { return buffer_.data() + begin_; }
  /// Moves past `count` available bytes.
  void consume(std::size_t count) { begin_ += count; }
  /// The stream reported an error (errno tells which) rather than its end.
  bool failed() const { return std::ferror(file_) != 0; }

 private:
  std::size_t refill(std::size_t want);

  std::FILE* file_;
  bool whole_blocks_;
  Bytes buffer_;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace mctpkit::capture::detail
