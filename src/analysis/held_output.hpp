#pragma once
// Output that names the responses of requests before they are read. The capture is read once: a
// request's text leaves a hole where its link goes (`"response_in":N` ...), and the text from the
// first open hole on is held back until the hole is filled, by the response or by the knowledge
// that none will come. Text without open holes is written in large blocks. Messages for standard
// error wait with the text, so that where both streams go to one place they come in order.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "mctpkit/analysis/links.hpp"

namespace mctpkit::analysis {

class HeldOutput {
 public:
  /// How a hole shows its request's link once the response is known (or known to be missing).
  enum class LinkStyle : std::uint8_t { Json, Tree, Field };

  HeldOutput(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}

  /// Where the next output goes; holes refer to positions in it.
  std::string& text() { return text_; }

  /// A hole at the end of text() for the link of the request in frame `request` (`field`: the
  /// pseudo-field for LinkStyle::Field). Requests are given in increasing frame order.
  void hole(std::uint64_t request, LinkStyle style, std::string_view field = {});
  /// The request in frame `request` is answered in frame `response`, or (nullopt) never will be;
  /// the first word counts.
  void answered(std::uint64_t request, std::optional<std::uint64_t> response);
  /// Requests before frame `request` get no answer any more.
  void unanswered_before(std::uint64_t request);
  /// Fills every open hole with `response_of(request)`, asked in increasing frame order.
  void resolve(const std::function<std::optional<std::uint64_t>(std::uint64_t)>& response_of);

  /// `text` for standard error, after the output so far.
  void error(std::string_view text);

  bool waiting() const { return open_ != 0; }
  /// Bytes held back (and not yet written) now.
  std::size_t held() const { return text_.size() - written_ + note_bytes_; }

  /// Writes the whole lines before the first open hole once a block has gathered, or at once
  /// with `now` (which also sends everything written to the stream).
  void commit(bool now = false);

 private:
  struct Hole {
    std::size_t offset = 0;  // in text_
    std::uint64_t request = 0;
    std::optional<std::uint64_t> response;
    bool filled = false;
    LinkStyle style = LinkStyle::Json;
    std::string_view field;
  };
  struct Note {
    std::size_t offset = 0;  // in text_
    std::string text;
  };
  void fill(Hole& hole, std::optional<std::uint64_t> response);
  // Text goes out through block_: the pieces between filled holes, often a line or two, would
  // otherwise be a write each.
  void write(std::string_view text);
  void write_block();
  // Writes text_ up to `end`, with the notes before it (and those at it, with `notes_at_end`).
  void write_text(std::size_t end, bool notes_at_end);

  std::ostream& out_;
  std::ostream& err_;
  std::deque<Note> notes_;
  std::size_t note_bytes_ = 0;
  std::string text_;
  std::size_t written_ = 0;  // text_ before this is written out
  std::deque<Hole> holes_;   // in text order, which is request order
  std::size_t open_ = 0;     // holes not filled yet
  std::string link_text_;
  std::string block_;  // written text on its way out, sent once a block has gathered
};

/// `link` as `style` shows it (`field`: the pseudo-field of LinkStyle::Field), appended to `out`.
void append_link_text(std::string& out, const MessageLink& link, HeldOutput::LinkStyle style, std::string_view field);

}  // namespace mctpkit::analysis
