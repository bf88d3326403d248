#include "mctpkit/capture/link_types.hpp"

#include <pcap/pcap.h>

#include <string>

namespace mctpkit::capture {

std::string link_type_name(std::uint32_t link_type) {
  // libpcap's table takes an int; values beyond it cannot have a name.
  if (link_type <= 0x7FFFFFFF) {
    if (const char* name = pcap_datalink_val_to_name(static_cast<int>(link_type))) return name;
  }
  return "DLT " + std::to_string(link_type);
}

}  // namespace mctpkit::capture
