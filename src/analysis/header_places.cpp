#include "analysis/header_places.hpp"

namespace mctpkit::analysis::detail {

HeaderPlaces find_header_places(std::span<const FieldDef> fields) {
  HeaderPlaces places;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string_view name = fields[i].name;
    if (name == "type" && !fields[i].enums.empty()) places.command_set = i;
    if (name == "command") places.command = i;
    if (name == "iid") places.iid = i;
    if (name == "d") places.d = i;
    if (name == "rq") places.rq = i;
  }
  return places;
}

}  // namespace mctpkit::analysis::detail
