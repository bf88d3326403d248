#pragma once
// "Did you mean ...?" for names people type: layers, fields, filters, commands, exercisers.

#include <string>
#include <string_view>
#include <vector>

namespace mctpkit {

/// The candidate closest to `word` by edit distance (ignoring case; a swap of two neighbours
/// counts as one edit) when it is close enough to be a likely typo; empty otherwise.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mctpkit
