#pragma once
// Where a message header (the layer after the transport layer: the MCTP control, PLDM, SPDM,
// NVMe-MI or vendor-defined header) keeps the fields that analysis reads from every message.
// Headers of several tables come in turn: the places are found once per table, not by name for
// every message.

#include <cstddef>
#include <span>

#include "mctpkit/core/fields.hpp"
#include "core/detail/per_thread.hpp"
#include "core/detail/table_memo.hpp"

namespace mctpkit::analysis::detail {

struct HeaderPlaces {
  std::size_t command_set = Fields::npos;  // a named "type" field: the command set (the PLDM type)
  std::size_t command = Fields::npos;      // "command"
  std::size_t iid = Fields::npos;          // the instance id
  std::size_t d = Fields::npos;            // the datagram bit
  std::size_t rq = Fields::npos;           // the request bit
};

/// The places in a header table, worked out field by field.
HeaderPlaces find_header_places(std::span<const FieldDef> fields);

/// The places in `header`'s table (Fields::npos: the table has no such field), remembered per
/// table and thread.
inline HeaderPlaces header_places(const Fields& header) {
  return mctpkit::detail::per_thread<mctpkit::detail::TableMemo<find_header_places>>().of(header.defs());
}

}  // namespace mctpkit::analysis::detail
