#pragma once
// Text appended without a format string: the summary functions that run for every packet write
// their numbers this way, and gather their pieces in a TextBuffer.

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

namespace mctpkit {

namespace detail {

inline constexpr unsigned kMaxDigits = 64;  // a 64-bit number in base 2

/// Writes `value` in `Base` backwards so that it ends at `end`, with leading zeros up to
/// `min_digits` (at most kMaxDigits), and returns where it starts.
template <unsigned Base>
char* digits_ending_at(char* end, std::uint64_t value, unsigned min_digits) {
  static_assert(Base >= 2 && Base <= 16);
  char* first = end;
  if constexpr (Base == 10) {
    // Two digits at a time, from a table of the pairs "00" to "99": half the divisions.
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495"
        "05152535455565758596061626364656667686970717273747576777879808182838485868788899091929394959697989"
        "9";
    while (value >= 100) {
      const std::uint64_t pair = value % 100;
      value /= 100;
      first -= 2;
      std::memcpy(first, kPairs + 2 * pair, 2);
    }
    if (value >= 10) {
      first -= 2;
      std::memcpy(first, kPairs + 2 * value, 2);
    } else {
      *--first = static_cast<char>('0' + value);
    }
  } else {
    do {
      *--first = "0123456789ABCDEF"[value % Base];
      value /= Base;
    } while (value != 0);
  }
  while (static_cast<unsigned>(end - first) < min_digits && end - first < static_cast<std::ptrdiff_t>(kMaxDigits)) {
    *--first = '0';
  }
  return first;
}

/// How many digits `value` has in `Base` (one for 0), without dividing: a TextBuffer then writes
/// a number's digits where they go rather than copying them there.
template <unsigned Base>
unsigned digit_count(std::uint64_t value) {
  const std::uint64_t nonzero = value | 1;
  if constexpr (Base == 16) {
    return (static_cast<unsigned>(std::bit_width(nonzero)) + 3) / 4;
  } else if constexpr (Base == 10) {
    // log10(2) is about 1233 / 4096: this is floor(log10) or one above, which the table settles.
    static constexpr std::uint64_t kPowers[20] = {1ull,
                                                  10ull,
                                                  100ull,
                                                  1000ull,
                                                  10000ull,
                                                  100000ull,
                                                  1000000ull,
                                                  10000000ull,
                                                  100000000ull,
                                                  1000000000ull,
                                                  10000000000ull,
                                                  100000000000ull,
                                                  1000000000000ull,
                                                  10000000000000ull,
                                                  100000000000000ull,
                                                  1000000000000000ull,
                                                  10000000000000000ull,
                                                  100000000000000000ull,
                                                  1000000000000000000ull,
                                                  10000000000000000000ull};
    const unsigned guess = (static_cast<unsigned>(std::bit_width(nonzero)) * 1233u) >> 12;
    return guess + 1 - (nonzero < kPowers[guess] ? 1u : 0u);
  } else {
    unsigned count = 1;
    for (; value >= Base; value /= Base) ++count;
    return count;
  }
}

}  // namespace detail

/// Appends `value` in `Base` (2 to 16; upper-case digits), at least `min_digits` digits with
/// leading zeros. The base is a constant so that the division compiles to a multiplication.
template <unsigned Base>
void append_number(std::string& out, std::uint64_t value, unsigned min_digits = 1) {
  char digits[detail::kMaxDigits];
  char* const end = digits + sizeof digits;
  const char* first = detail::digits_ending_at<Base>(end, value, min_digits);
  const auto count = static_cast<unsigned>(end - first);
  if (min_digits > count) out.append(min_digits - count, '0');  // only beyond kMaxDigits
  out.append(first, count);
}

inline void append_decimal(std::string& out, std::uint64_t value) { append_number<10>(out, value); }

/// Upper-case hex, at least `min_digits` digits: append_hex(out, 0x9, 2) appends "09".
inline void append_hex(std::string& out, std::uint64_t value, unsigned min_digits) {
  append_number<16>(out, value, min_digits);
}

/// Text gathered in a buffer of its own and appended to `out` in large pieces: when the buffer
/// is full, on flush() and when the TextBuffer goes. Each append to a std::string is a call with
/// its checks, which for the small pieces of a summary costs more than copying them; here a
/// piece is a copy. Nothing reaches `out` before a flush, so flush before writing to `out`
/// directly.
class TextBuffer {
 public:
  explicit TextBuffer(std::string& out) : out_(out) {}
  ~TextBuffer() { flush(); }
  TextBuffer(const TextBuffer&) = delete;
  TextBuffer& operator=(const TextBuffer&) = delete;

  // Inlined wherever it is used, and the flush kept out of line: a call for each character of
  // JSON punctuation cost more than the character.
  [[gnu::always_inline]] void put(char c) {
    if (used_ == sizeof data_) [[unlikely]] flush_full();
    data_[used_++] = c;
  }
  // The usual case is small enough to be inlined where the piece's size is known.
  void put(std::string_view text) {
    if (text.size() > sizeof data_ - used_) return put_beyond_room(text);
    // An empty view may hold a null pointer, which memcpy may not be given even for no bytes.
    if (!text.empty()) std::memcpy(data_ + used_, text.data(), text.size());
    used_ += text.size();
  }
  /// Readable bytes that put_padded() needs after the start of a piece.
  static constexpr std::size_t kPadding = 32;
  /// As put(), for a piece kept with at least kPadding readable bytes from its start (text stored
  /// with padding, as precomputed JSON keys are): a short one is copied by a fixed-size move.
  void put_padded(std::string_view text) {
    if (text.size() <= kPadding && sizeof data_ - used_ >= kPadding) {
      std::memcpy(data_ + used_, text.data(), kPadding);
      used_ += text.size();
      return;
    }
    put(text);
  }
  /// As append_number.
  template <unsigned Base>
  void number(std::uint64_t value, unsigned min_digits = 1) {
    // The usual numbers of a summary line, a one-digit count or a byte in hex, without counting
    // digits.
    if constexpr (Base == 10) {
      if (value < 10 && min_digits <= 1) return put(static_cast<char>('0' + value));
    } else if constexpr (Base == 16) {
      if (value < 0x100 && min_digits == 2) return hex_byte(static_cast<std::uint8_t>(value));
    }
    if (min_digits > detail::kMaxDigits) {
      flush();
      append_number<Base>(out_, value, min_digits);
      return;
    }
    if (sizeof data_ - used_ < detail::kMaxDigits) flush();
    used_ += std::max(detail::digit_count<Base>(value), min_digits);
    detail::digits_ending_at<Base>(data_ + used_, value, min_digits);
  }
  void decimal(std::uint64_t value) { number<10>(value); }
  /// Each byte as two upper-case hex digits, with nothing between (what to_hex(bytes, "") gives).
  void hex_bytes(std::span<const std::uint8_t> bytes) {
    for (const std::uint8_t b : bytes) hex_byte(b);
  }
  void hex(std::uint64_t value, unsigned min_digits) { number<16>(value, min_digits); }
  /// Writing in place: room(size) gives where `size` bytes (at most the buffer's size) may be
  /// written, and commit(n) keeps the first n of them. A writer may write more than it keeps,
  /// such as a whole block of which only a part turns out to be wanted.
  char* room(std::size_t size) {
    if (sizeof data_ - used_ < size) flush();
    return data_ + used_;
  }
  void commit(std::size_t n) { used_ += n; }

  void flush() {
    if (used_ != 0) out_.append(data_, used_);
    used_ = 0;
  }

 private:
  void hex_byte(std::uint8_t b) {
    if (sizeof data_ - used_ < 2) flush();
    data_[used_++] = "0123456789ABCDEF"[b >> 4];
    data_[used_++] = "0123456789ABCDEF"[b & 0x0F];
  }
  [[gnu::noinline]] void flush_full() { flush(); }
  [[gnu::noinline]] void put_beyond_room(std::string_view text) {
    flush();
    if (text.size() > sizeof data_ / 2) {
      out_.append(text);
      return;
    }
    std::memcpy(data_, text.data(), text.size());
    used_ = text.size();
  }

  std::string& out_;
  std::size_t used_ = 0;
  char data_[512];
};

}  // namespace mctpkit
