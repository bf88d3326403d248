#include "analysis/held_output.hpp"

#include <algorithm>

namespace mctpkit::analysis {

namespace {

// Output is written in blocks of about this size: one write per line costs more than the line.
constexpr std::size_t kBlock = 64 * 1024;

}  // namespace

void append_link_text(std::string& out, const MessageLink& link, HeldOutput::LinkStyle style, std::string_view field) {
  switch (style) {
    case HeldOutput::LinkStyle::Json: append_link_json(out, link); return;
    case HeldOutput::LinkStyle::Tree: out += link_tree(link); return;
    case HeldOutput::LinkStyle::Field:
      if (std::optional<std::string> text = link_field(link, field)) out += *text;
      return;
  }
}

void HeldOutput::hole(std::uint64_t request, LinkStyle style, std::string_view field) {
  holes_.push_back(Hole{text_.size(), request, std::nullopt, false, style, field});
  ++open_;
}

void HeldOutput::fill(Hole& hole, std::optional<std::uint64_t> response) {
  hole.response = response;
  hole.filled = true;
  --open_;
}

void HeldOutput::answered(std::uint64_t request, std::optional<std::uint64_t> response) {
  auto it = std::lower_bound(holes_.begin(), holes_.end(), request,
                             [](const Hole& h, std::uint64_t frame) { return h.request < frame; });
  for (; it != holes_.end() && it->request == request; ++it) {
    if (!it->filled) fill(*it, response);
  }
}

void HeldOutput::unanswered_before(std::uint64_t request) {
  for (Hole& h : holes_) {
    if (h.request >= request) break;
    if (!h.filled) fill(h, std::nullopt);
  }
}

void HeldOutput::resolve(const std::function<std::optional<std::uint64_t>(std::uint64_t)>& response_of) {
  for (Hole& h : holes_) {
    if (!h.filled) fill(h, response_of(h.request));
  }
}

void HeldOutput::error(std::string_view text) {
  if (!waiting()) {
    commit(true);
    err_ << text;
    return;
  }
  notes_.push_back(Note{text_.size(), std::string(text)});
  note_bytes_ += text.size();
}

void HeldOutput::write(std::string_view text) {
  if (block_.empty() && text.size() >= kBlock) {
    out_.write(text.data(), static_cast<std::streamsize>(text.size()));
    return;
  }
  block_ += text;
  if (block_.size() >= kBlock) write_block();
}

void HeldOutput::write_block() {
  out_.write(block_.data(), static_cast<std::streamsize>(block_.size()));
  block_.clear();
}

void HeldOutput::write_text(std::size_t end, bool notes_at_end) {
  while (!notes_.empty() && (notes_.front().offset < end || (notes_at_end && notes_.front().offset == end))) {
    const Note& note = notes_.front();
    write(std::string_view(text_).substr(written_, note.offset - written_));
    written_ = note.offset;
    write_block();  // the note comes after the text before it
    err_ << note.text;
    note_bytes_ -= note.text.size();
    notes_.pop_front();
  }
  write(std::string_view(text_).substr(written_, end - written_));
  written_ = end;
}

void HeldOutput::commit(bool now) {
  while (!holes_.empty() && holes_.front().filled) {
    const Hole& h = holes_.front();
    write_text(h.offset, false);
    MessageLink link;
    link.response_in = h.response;
    link_text_.clear();
    append_link_text(link_text_, link, h.style, h.field);
    write(link_text_);
    holes_.pop_front();
  }
  std::size_t end = text_.size();
  if (!holes_.empty()) {
    // Whole lines only: a message on standard error between the two halves of a line would
    // split it where both streams go to one place.
    const std::size_t line_end =
        std::string_view(text_).substr(written_, holes_.front().offset - written_).rfind('\n');
    end = line_end == std::string_view::npos ? written_ : written_ + line_end + 1;
  }
  if (now || end - written_ >= kBlock) write_text(end, holes_.empty());
  if (now) write_block();
  // What is written goes, so that held text does not grow with everything written before it.
  if (written_ == text_.size()) {
    text_.clear();
  } else if (written_ >= kBlock && 2 * written_ >= text_.size()) {
    text_.erase(0, written_);
  } else {
    return;
  }
  for (Hole& h : holes_) h.offset -= written_;
  for (Note& n : notes_) n.offset -= written_;
  written_ = 0;
}

}  // namespace mctpkit::analysis
