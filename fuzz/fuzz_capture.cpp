// The capture readers (pcap, pcapng, tcpdump text; the format is recognised from the content)
// reading from memory: every record comes out within bounds and the reading ends.

#include "fuzz_input.hpp"
#include "mctpkit/capture/open.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mctpkit;
  capture::OpenOptions options;
  options.text_time.timezone = "UTC";
  options.text_time.date = "2024-01-02";  // not "today": the same input gives the same run
  capture::OpenResult opened = capture::open_capture_memory(Bytes(data, data + size), options);
  if (!opened) {
    // A sentence for people (the tool adds its own prefix), never an empty one.
    MCTPKIT_FUZZ_CHECK(!opened.error.empty() && opened.error.rfind("Error: ", 0) != 0);
    return 0;
  }
  std::uint64_t records = 0;
  while (auto record = opened.reader->next()) {
    ++records;
    MCTPKIT_FUZZ_CHECK(record->data.size() <= 262144 + 64);
    MCTPKIT_FUZZ_CHECK(records <= size + 1);  // every record costs input bytes
    opened.reader->take_diagnostics();
  }
  MCTPKIT_FUZZ_CHECK(opened.reader->records_returned() == records);
  return 0;
}
