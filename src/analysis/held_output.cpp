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

void HeldOutput::commit(bool now) {
  while (!holes_.empty() && holes_.front().filled) {
    const Hole& h = holes_.front();
    write(std::string_view(text_).substr(written_, h.offset - written_));
    written_ = h.offset;
    MessageLink link;
    link.response_in = h.response;
    link_text_.clear();
    append_link_text(link_text_, link, h.style, h.field);
    write(link_text_);
    holes_.pop_front();
  }
  const std::size_t end = holes_.empty() ? text_.size() : holes_.front().offset;
  if (now || end - written_ >= kBlock) {
    write(std::string_view(text_).substr(written_, end - written_));
    written_ = end;
  }
  // What is written goes, so that held text does not grow with everything written before it.
  if (written_ == text_.size()) {
    text_.clear();
  } else if (written_ >= kBlock && 2 * written_ >= text_.size()) {
    text_.erase(0, written_);
  } else {
    return;
  }
  for (Hole& h : holes_) h.offset -= written_;
  written_ = 0;
}

}  // namespace mctpkit::analysis
