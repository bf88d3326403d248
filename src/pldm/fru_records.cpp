// The FRU record table (DSP0257): records of TLV fields, then 0-3 pad bytes that make the table
// a multiple of four bytes long, then a CRC-32 of records and pad. The layout of records and
// fields is in the protocol reference 6.8; pad and CRC follow openbmc pldm (the only public
// responder) and the sample capture (frames 25, 28, 29), whose table ends in the CRC-32 of its
// records.

#include <algorithm>
#include <iterator>

#include "mctpkit/core/crc.hpp"
#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/format.hpp"
#include "mctpkit/core/text_append.hpp"
#include "mctpkit/pldm/firmware_update.hpp"
#include "mctpkit/pldm/fru.hpp"

namespace mctpkit::pldm {

namespace {

constexpr EnumEntry kEncodings[] = {{0, "unspecified"}, {1, "ascii"},   {2, "utf8"},
                                    {3, "utf16"},       {4, "utf16le"}, {5, "utf16be"}};
// In OEM records only type 1 is defined; the others are the vendor's.
constexpr EnumEntry kOemFieldTypes[] = {{1, "vendor_iana"}};

constexpr std::uint8_t kManufactureDate = 6, kVendorIana = 15;
constexpr std::uint8_t kTimestamp104Size = 13;

// A field's value is shown by what it holds: text for the string types, a date for the
// manufacture date, a number for the IANA id, bytes otherwise (or when the length does not fit
// the type). Before the length is derived at build time, the type alone decides. The tables'
// own values are read by place (field_index(), after the tables): the tests run for every field
// of every record.
bool is_text(const Fields& f);
bool is_date(const Fields& f);
bool is_iana(const Fields& f);
bool is_other(const Fields& f);
bool is_oem_iana(const Fields& f);
bool is_oem_data(const Fields& f) { return !is_oem_iana(f); }

// The value that was given decides the length (a decoded field whose length did not fit its
// type keeps its bytes in `data`); with none given, the type does.
std::uint64_t general_length(const DeriveContext& c) {
  const Fields& f = c.fields;
  if (f.has("value")) return f.bytes("value").size();
  if (f.has("data")) return f.bytes("data").size();
  if (f.has("iana")) return 4;
  if (f.has("year") || f.has("month") || f.has("day")) return kTimestamp104Size;
  if (is_text(f)) return 0;
  if (is_date(f)) return kTimestamp104Size;
  return is_iana(f) ? 4 : 0;
}

// timestamp104 (DSP0248): UTC offset in minutes (signed),
// microseconds, seconds, minutes, hours, day, month, year, then UTC and time resolution.
constexpr FieldDef kGeneralField[] = {
    u8("type").names(kFruFieldTypes).titled("Field type"),
    u8("length").derived(general_length).titled("Field length"),
    bytes("value").length_from("length").show(Display::Ascii).when(is_text).titled("Value"),
    u16le("utc_offset").as_signed().when(is_date).titled("UTC offset (minutes)"),
    u24le("microsecond").when(is_date).titled("Microsecond"),
    u8("second").when(is_date).titled("Second"),
    u8("minute").when(is_date).titled("Minute"),
    u8("hour").when(is_date).titled("Hour"),
    u8("day").when(is_date).titled("Day"),
    u8("month").when(is_date).titled("Month"),
    u16le("year").when(is_date).titled("Year"),
    u8("resolution").hex().when(is_date).titled("UTC and time resolution"),
    u32le("iana").when(is_iana).titled("Vendor IANA enterprise ID"),
    bytes("data").length_from("length").when(is_other).titled("Value"),
};
constexpr StructDef kGeneralFieldStruct{"fru_field", kGeneralField, {}, ", ", "FRU field"};

std::uint64_t oem_length(const DeriveContext& c) {
  if (c.fields.has("data")) return c.fields.bytes("data").size();
  return is_oem_iana(c.fields) ? 4 : 0;
}

constexpr FieldDef kOemField[] = {
    u8("type").names(kOemFieldTypes).titled("Field type"),
    u8("length").derived(oem_length).titled("Field length"),
    u32le("iana").when(is_oem_iana).titled("Vendor IANA enterprise ID"),
    bytes("data").length_from("length").when(is_oem_data).titled("Value"),
};
constexpr StructDef kOemFieldStruct{"fru_oem_field", kOemField, {}, ", ", "OEM FRU field"};

// Both kinds of field start with their type and length.
constexpr std::size_t kType = field_index(kGeneralField, "type"), kLength = field_index(kGeneralField, "length");
static_assert(field_index(kOemField, "type") == kType && field_index(kOemField, "length") == kLength);

bool length_fits(const Fields& f, std::uint64_t size) {
  const auto length = f.get_at(kLength);
  return !length || *length == size;
}
bool is_text(const Fields& f) {
  const auto type = f.num_at(kType);
  return type >= 1 && type <= 14 && type != kManufactureDate;
}
bool is_date(const Fields& f) { return f.num_at(kType) == kManufactureDate && length_fits(f, kTimestamp104Size); }
bool is_iana(const Fields& f) { return f.num_at(kType) == kVendorIana && length_fits(f, 4); }
bool is_other(const Fields& f) { return !is_text(f) && !is_date(f) && !is_iana(f); }
bool is_oem_iana(const Fields& f) { return f.num_at(kType) == 1 && length_fits(f, 4); }

constexpr std::uint64_t kOemRecord = 0xFE;
const FieldHandle kRecordType{"record_type"}, kRecordSetId{"record_set_id"};
bool is_oem_record(const Fields& f) { return f.num(kRecordType) == kOemRecord; }
bool is_general_record(const Fields& f) { return !is_oem_record(f); }
std::uint64_t field_count(const DeriveContext& c) {
  return c.fields.items(is_oem_record(c.fields) ? "oem_fields" : "fields").size();
}

// The pad belongs to the table, but the generic list decoder cannot stop a list early: a
// record needs at least five bytes, so 1-3 bytes left before the CRC after a record can only be
// the pad, and are kept as a `pad` field of the last record. Set it there when crafting a table
// whose records are not a multiple of four bytes long.
constexpr FieldDef kRecord[] = {
    u16le("record_set_id").titled("FRU record set identifier"),
    u8("record_type").names(kFruRecordTypes).fallback(0x01).titled("FRU record type"),
    u8("field_count").derived(field_count).titled("Number of FRU fields"),
    u8("encoding").names(kEncodings).fallback(1).titled("Encoding type for FRU fields"),
    list("fields", kGeneralFieldStruct).length_from("field_count").when(is_general_record).titled("FRU fields"),
    list("oem_fields", kOemFieldStruct).length_from("field_count").when(is_oem_record).titled("FRU fields"),
    bytes("pad").if_remaining_at_least(1).if_remaining_below(4).titled("Table pad (after the last record)"),
};
constexpr StructDef kRecordStruct{"fru_record", kRecord, {}, ", ", "FRU record"};

std::uint64_t table_crc(const DeriveContext& c) { return crc::crc32(c.covered); }

constexpr FieldDef kTableFields[] = {
    list("records", kRecordStruct).titled("FRU records"),
    u32le("crc").checksum(table_crc).titled("FRU table CRC-32"),
};
constexpr FieldDef kPartFields[] = {bytes("data").titled("FRU record table portion")};
// The CRC of the whole table cannot be checked from the last portion alone.
constexpr FieldDef kEndFields[] = {
    bytes("data").titled("FRU record table portion"),
    u32le("crc").hex().titled("FRU table CRC-32"),
};

// ---- summary: "model: \"X\"" per field reads better than the generic element list ------------
const FieldHandle kYear{"year"}, kMonth{"month"}, kDay{"day"}, kHour{"hour"}, kMinute{"minute"}, kSecond{"second"};
const FieldHandle kValue{"value"}, kIana{"iana"}, kData{"data"};
const FieldHandle kEncoding{"encoding"}, kPad{"pad"}, kCrc{"crc"};

// Appends the display text of `field`'s value when the field is set; false when it is not (or
// the table has no such field).
bool append_set_value(const Fields& fields, const FieldHandle& field, std::string& out) {
  const std::size_t i = fields.index_of(field);
  if (i == Fields::npos || fields.value(i).state != FieldValue::State::Set) return false;
  append_value(fields.defs()[i], fields.value(i), out);
  return true;
}

void append_field(const Fields& field, std::string& out) {
  append_value(field.defs()[0], field.value(0), out);
  out += ": ";
  const FieldHandle* date[] = {&kYear, &kMonth, &kDay, &kHour, &kMinute, &kSecond};
  if (std::all_of(std::begin(date), std::end(date), [&](const FieldHandle* h) { return field.has(*h); })) {
    // YYYY-MM-DD HH:MM:SS
    constexpr char kAfter[] = {'-', '-', ' ', ':', ':', '\0'};
    for (std::size_t k = 0; k < std::size(date); ++k) {
      append_number<10>(out, field.num(*date[k]), k == 0 ? 4 : 2);
      if (kAfter[k] != '\0') out += kAfter[k];
    }
    return;
  }
  for (const FieldHandle* shown : {&kValue, &kIana, &kData}) {
    if (append_set_value(field, *shown, out)) return;
  }
  out += "?";
}

void append_record(const Fields& record, std::string& out) {
  out += "{record_set_id: ";
  append_decimal(out, record.num(kRecordSetId));
  out += ", record_type: ";
  append_value(record.defs()[record.index_of(kRecordType)], record.value(record.index_of(kRecordType)), out);
  out += ", encoding: ";
  append_value(record.defs()[record.index_of(kEncoding)], record.value(record.index_of(kEncoding)), out);
  out += ", fields: {";
  const auto& fields = record.items(is_oem_record(record) ? "oem_fields" : "fields");
  for (std::size_t k = 0; k < fields.size(); ++k) {
    if (k != 0) out += ", ";
    append_field(fields[k], out);
  }
  out += "}";
  if (record.has(kPad)) {
    out += ", pad: ";
    append_set_value(record, kPad, out);
  }
  out += "}";
}

void summarize_table(const Layer& layer, std::string& out) {
  out += "FRURecordTable (records: [";
  const auto& records = layer.items("records");
  for (std::size_t k = 0; k < records.size(); ++k) {
    if (k != 0) out += ", ";
    append_record(records[k], out);
  }
  out += "], crc: ";
  if (!append_set_value(layer, kCrc, out)) out += "None";
  out += ")";
}

}  // namespace

const LayerDef kFruRecordTable{
    .id = "pldm.fru.record_table",
    .craft_name = "fru_record_table",
    .title = "FRU record table",
    .abbrev = "pldm.fru.table",
    .fields = kTableFields,
    .summary = "FRURecordTable",
    .summary_fn = summarize_table,
    .bind = {kFruTableDataTable, Key{detail::kStartAndEnd}},
};

const LayerDef kFruRecordTablePart{
    .id = "pldm.fru.record_table_part",
    .craft_name = "fru_record_table_part",
    .title = "FRU record table (start or middle portion)",
    .abbrev = "pldm.fru.table_part",
    .fields = kPartFields,
    .summary = "FRURecordTablePart",
    .bind = {kFruTableDataTable, Key{0x01}},
};

const LayerDef kFruRecordTableEnd{
    .id = "pldm.fru.record_table_end",
    .craft_name = "fru_record_table_end",
    .title = "FRU record table (end portion)",
    .abbrev = "pldm.fru.table_end",
    .fields = kEndFields,
    .summary = "FRURecordTableEnd",
    .bind = {kFruTableDataTable, Key{0x04}},
};

namespace detail {

void register_fru_table(Registry& registry) {
  registry.declare(kFruRecordTable);
  registry.declare(kFruRecordTablePart);
  registry.bind(kFruTableDataTable, Key{0x02}, kFruRecordTablePart);  // middle portions too
  registry.declare(kFruRecordTableEnd);
}

}  // namespace detail

}  // namespace mctpkit::pldm
