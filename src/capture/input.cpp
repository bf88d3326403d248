#include "input.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace mctpkit::capture::detail {

namespace {

// Enough to recognise text; magic numbers need only 4.
constexpr std::size_t kHeadSize = 4096;
constexpr std::size_t kMagicSize = 4;

// A stream that replays the bytes already read ahead, then continues from a descriptor. It
// reads with read(2) rather than stdio so a pipe's data is delivered as soon as it arrives.
struct ReplayCookie {
  Bytes head;
  std::size_t position = 0;
  int fd = -1;  // -1: nothing after the head (memory input)
};

ssize_t replay_read(void* cookie, char* buffer, std::size_t size) {
  auto* replay = static_cast<ReplayCookie*>(cookie);
  if (replay->position < replay->head.size()) {
    std::size_t n = std::min(size, replay->head.size() - replay->position);
    std::memcpy(buffer, replay->head.data() + replay->position, n);
    replay->position += n;
    return static_cast<ssize_t>(n);
  }
  if (replay->fd < 0) return 0;
  while (true) {
    ssize_t n = ::read(replay->fd, buffer, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

int replay_close(void* cookie) {
  auto* replay = static_cast<ReplayCookie*>(cookie);
  int result = replay->fd >= 0 ? ::close(replay->fd) : 0;
  delete replay;
  return result;
}

FilePtr replay_stream(Bytes head, int fd) {
  auto* cookie = new ReplayCookie{std::move(head), 0, fd};
  cookie_io_functions_t functions{};
  functions.read = replay_read;
  functions.close = replay_close;
  std::FILE* file = fopencookie(cookie, "rb", functions);
  if (file == nullptr) {
    // The descriptor stays with the caller on failure.
    cookie->fd = -1;
    replay_close(cookie);
  }
  return FilePtr(file);
}

std::string errno_text(int error) { return std::strerror(error); }

// Reads the head. For a regular file it is re-read from the start afterwards, so reading more
// is free; for a pipe reading stops once the magic number is in, whatever is available.
bool read_head(int fd, bool wait_for_full, Bytes& head, int& error) {
  head.resize(kHeadSize);
  std::size_t filled = 0;
  while (filled < kHeadSize) {
    ssize_t n = ::read(fd, head.data() + filled, kHeadSize - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      return false;
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
    if (!wait_for_full && filled >= kMagicSize) break;
  }
  head.resize(filled);
  return true;
}

}  // namespace

void FileCloser::operator()(std::FILE* file) const {
  if (file != nullptr) std::fclose(file);
}

InputResult open_input(const std::string& path) {
  InputResult result;
  bool is_stdin = path == "-";
  std::string name = is_stdin ? std::string("standard input") : "'" + path + "'";
  int fd = is_stdin ? ::fcntl(STDIN_FILENO, F_DUPFD_CLOEXEC, 0) : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error = "cannot open " + name + ": " + errno_text(errno);
    return result;
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    result.error = "cannot open " + name + ": " + errno_text(errno);
    ::close(fd);
    return result;
  }
  if (S_ISDIR(info.st_mode)) {
    result.error = name + " is a directory";
    ::close(fd);
    return result;
  }
  bool regular = S_ISREG(info.st_mode);
  Bytes head;
  int error = 0;
  if (!read_head(fd, regular, head, error)) {
    result.error = "cannot read " + name + ": " + errno_text(error);
    ::close(fd);
    return result;
  }

  FilePtr file;
  // A regular file is rewound so libpcap and stdio read it directly; anything else (pipe,
  // terminal, socket) cannot go back, so the head is replayed in front of the rest.
  if (regular && ::lseek(fd, 0, SEEK_SET) == 0) {
    file.reset(::fdopen(fd, "rb"));
  } else {
    file = replay_stream(head, fd);
  }
  if (!file) {
    result.error = "cannot read " + name + ": " + errno_text(errno);
    ::close(fd);
    return result;
  }
  result.input = Input{std::move(file), std::move(head), std::move(name), regular};
  return result;
}

InputResult open_memory_input(Bytes data, std::string name) {
  InputResult result;
  Bytes head(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(std::min(data.size(), kHeadSize)));
  FilePtr file = replay_stream(std::move(data), -1);
  if (!file) {
    result.error = "cannot read " + name + ": " + errno_text(errno);
    return result;
  }
  result.input = Input{std::move(file), std::move(head), std::move(name), true};
  return result;
}

}  // namespace mctpkit::capture::detail
