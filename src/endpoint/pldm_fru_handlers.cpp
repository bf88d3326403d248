// PLDM FRU data (type 4, DSP0257): the FRU record table of the terminus model through
// GetFRURecordTableMetadata and GetFRURecordTable. The table is records, 0-3 pad bytes to a
// multiple of four, and the CRC-32 of records and pad; parts of kFruPart bytes are sent when
// it is longer, the data transfer handle being the part's offset.

#include <algorithm>
#include <set>

#include "detail/handlers.hpp"
#include "mctpkit/core/crc.hpp"
#include "mctpkit/pldm/base.hpp"
#include "mctpkit/pldm/pldm.hpp"

namespace mctpkit::endpoint::detail {

namespace {

constexpr std::uint8_t kGetMetadata = 0x01;
constexpr std::uint8_t kGetTable = 0x02;
constexpr std::uint8_t kInvalidTransferHandle = 0x80;
constexpr std::uint8_t kInvalidTransferOperation = 0x81;
constexpr std::size_t kFruPart = 1024;

void put_le16(Bytes& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}

// Records and pad.
Bytes padded_table(const PldmModel& model) {
  Bytes table = build_fru_table(model);
  table.resize((table.size() + 3) / 4 * 4, 0);
  return table;
}

Reply get_metadata(const Request& r) {
  const PldmModel& model = *r.endpoint.config.pldm;
  Bytes table = build_fru_table(model);
  std::set<std::uint16_t> sets;
  for (const FruRecord& record : model.fru_records) sets.insert(record.record_set);
  return pldm_reply(r, kCcSuccess,
                    make(r.registry, "pldm.fru.get_fru_record_table_metadata_rsp",
                         {{"major_version", 1}, {"minor_version", 0}, {"table_maximum_size", 0},
                          {"table_length", table.size()}, {"total_record_set_ids", sets.size()},
                          {"total_records", model.fru_records.size()},
                          {"checksum", crc::crc32(padded_table(model))}}));
}

Reply get_table(const Request& r) {
  Bytes whole = padded_table(*r.endpoint.config.pldm);
  std::uint32_t crc = crc::crc32(whole);
  for (int shift = 0; shift < 32; shift += 8) whole.push_back(static_cast<std::uint8_t>(crc >> shift));
  std::uint64_t op = r.body->num("transfer_operation_flag");
  std::uint64_t offset = r.body->num("data_transfer_handle");
  if (op > 1) return pldm_reply(r, kInvalidTransferOperation);
  if (op == 1) offset = 0;
  if (offset >= whole.size() || (op == 0 && offset == 0)) return pldm_reply(r, kInvalidTransferHandle);
  std::size_t count = std::min(kFruPart, whole.size() - offset);
  bool first = offset == 0, last = offset + count == whole.size();
  std::uint64_t flag = first && last ? pldm::kFlagStartAndEnd : last ? pldm::kFlagEnd
                       : first ? pldm::kFlagStart : pldm::kFlagMiddle;
  Frame reply = pldm_reply(r, kCcSuccess,
                           make(r.registry, "pldm.fru.get_fru_record_table_rsp",
                                {{"next_data_transfer_handle", last ? 0 : offset + count}, {"transfer_flag", flag}}));
  reply.layers.push_back(raw_layer(ByteView(whole).subspan(offset, count)));
  return reply;
}

}  // namespace

// recordSetIdentifier, recordType, numberOfFields, encodingType, then type-length-value fields.
Bytes build_fru_table(const PldmModel& model) {
  Bytes out;
  for (const FruRecord& record : model.fru_records) {
    put_le16(out, record.record_set);
    out.push_back(record.record_type);
    out.push_back(static_cast<std::uint8_t>(record.fields.size()));
    out.push_back(record.encoding);
    for (const FruField& field : record.fields) {
      out.push_back(field.type);
      out.push_back(static_cast<std::uint8_t>(field.value.size()));
      out.insert(out.end(), field.value.begin(), field.value.end());
    }
  }
  return out;
}

void add_pldm_fru_handlers(HandlerTable& table) {
  table.add(Key{pldm::kFru, kGetMetadata}, get_metadata);
  table.add(Key{pldm::kFru, kGetTable}, get_table);
}

}  // namespace mctpkit::endpoint::detail
