#pragma once
// Constructors of the format-specific readers, chosen by open_capture() from the content.

#include "input.hpp"
#include "mctpkit/capture/open.hpp"

namespace mctpkit::capture::detail {

class TextClock;

OpenResult open_pcap_reader(Input input, const OpenOptions& options);
OpenResult open_pcapng_reader(Input input, const OpenOptions& options);
OpenResult open_text_reader(Input input, const OpenOptions& options, const TextClock& clock);

}  // namespace mctpkit::capture::detail
