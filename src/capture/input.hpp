#pragma once
// Opening the raw input of a capture reader: a file, standard input or a memory buffer, with
// its first bytes read ahead so the format can be recognised before a reader takes the stream.

#include <cstdio>
#include <memory>
#include <string>

#include "mctpkit/core/bytes.hpp"

namespace mctpkit::capture::detail {

struct FileCloser {
  void operator()(std::FILE* file) const;
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

struct Input {
  /// Positioned at the first byte of the input (the head is not consumed).
  FilePtr file;
  /// The first bytes: at least 4 unless the input is shorter; more when they were available
  /// without waiting (a pipe is not read beyond what it has, so a live feed is not delayed).
  Bytes head;
  /// How messages name the input: "'path'" or "standard input".
  std::string name;
  /// Reading ahead in large blocks delays nothing: the input is a regular file or memory. A
  /// pipe, terminal or socket is read only as far as a reader asks, so that the records of a
  /// live feed come out as they arrive.
  bool whole_blocks = false;
};

struct InputResult {
  Input input;
  std::string error;  // what went wrong ("cannot open ...") when input.file is null
};

/// Opens `path`; "-" is standard input (a duplicate of it, so closing leaves fd 0 alone).
InputResult open_input(const std::string& path);

/// An input reading `data`.
InputResult open_memory_input(Bytes data, std::string name);

}  // namespace mctpkit::capture::detail
