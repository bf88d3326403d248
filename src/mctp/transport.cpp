#include "mctpkit/mctp/transport.hpp"

#include "mctpkit/core/derive.hpp"
#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/text_append.hpp"

namespace mctpkit::mctp {

namespace {

// PyMCTP's names in the summary line; a type it does not name prints as hex.
std::string_view summary_type_name(std::uint64_t type) {
  switch (type) {
    case kControl: return "CTRL";
    case kPldm: return "PLDM";
    case kNcsi: return "NCSI";
    case kEthernet: return "Ethernet";
    case kNvmeMi: return "NVMeMgmtMsg";
    case kSpdm: return "SPDM";
    case kSecured: return "SECUREDMSG";
    case kCxlFmApi: return "CXL_FM_API";
    case kCxlCci: return "CXL_CCI";
    case kVendorPci: return "VDPCI";
    case kVendorIana: return "VDIANA";
    default: return {};
  }
}

// The table's own values are read by place (field_index(), after the table).
bool is_som(const Fields& f);

// Left unset, TO follows the message: set for a request (a message header whose rq bit is set,
// an NVMe-MI message whose ror bit is clear, an SPDM message whose code is a request's), clear
// for a response or a bare header.
std::uint64_t tag_owner(const DeriveContext& ctx) {
  if (ctx.layer_index + 1 >= ctx.frame.layers.size()) return 0;
  const Layer& message = ctx.frame.layers[ctx.layer_index + 1];
  if (message.index_of("rq") != Fields::npos) return message.num("rq") == 1 ? 1 : 0;
  if (message.index_of("ror") != Fields::npos) return message.num("ror") == 0 ? 1 : 0;
  // SPDM has no request bit: request codes are 0x80 to 0xFF, response codes below (DSP0274).
  if (ctx.fields.num("msg_type") == kSpdm && message.index_of("code") != Fields::npos) {
    return message.num("code") >= 0x80 ? 1 : 0;
  }
  return 0;
}

// Left unset, IC is set for the message types that always carry an integrity check: NVMe-MI
// messages end in a CRC-32C MIC (DSP0235).
std::uint64_t integrity_check(const DeriveContext& ctx) { return ctx.fields.num("msg_type") == kNvmeMi ? 1 : 0; }

constexpr FieldDef kFields[] = {
    bits("reserved", 4).reserved(),
    bits("version", 4).expect(1).titled("Header version"),
    u8("dst").hex().titled("Destination EID").or_named("eid"),
    u8("src").hex().titled("Source EID").or_named("eid"),
    flag("som").fallback(1).titled("Start of message"),
    flag("eom").fallback(1).titled("End of message"),
    bits("pkt_seq", 2).titled("Packet sequence"),
    flag("to").default_by(tag_owner).titled("Tag owner"),
    bits("tag", 3).titled("Message tag"),
    flag("ic").when(is_som).default_by(integrity_check).titled("Integrity check"),
    bits("msg_type", 7).hex().names(kMessageTypeNames).when(is_som).also("type").titled("Message type"),
};

constexpr std::size_t kSom = field_index(kFields, "som"), kEom = field_index(kFields, "eom"),
                      kTo = field_index(kFields, "to"), kSeq = field_index(kFields, "pkt_seq"),
                      kTag = field_index(kFields, "tag"), kDst = field_index(kFields, "dst"),
                      kSrc = field_index(kFields, "src"), kType = field_index(kFields, "msg_type");

bool is_som(const Fields& f) { return f.num_at(kSom) == 1; }

// "MCTP 0:2 (09 <-- 08) (S:E:TO) PLDM"
void summarize(const Layer& l, std::string& out) {
  TextBuffer text(out);
  text.put("MCTP ");
  text.decimal(l.num_at(kSeq));
  text.put(':');
  text.decimal(l.num_at(kTag));
  text.put(" (");
  text.hex(l.num_at(kDst), 2);
  text.put(" <-- ");
  text.hex(l.num_at(kSrc), 2);
  text.put(") (");
  bool first_flag = true;
  auto add = [&](std::string_view flag) {
    if (!first_flag) text.put(':');
    first_flag = false;
    text.put(flag);
  };
  if (l.num_at(kSom)) add("S");
  if (l.num_at(kEom)) add("E");
  if (l.num_at(kTo)) add("TO");
  text.put(')');
  if (auto type = l.get_at(kType)) {
    std::string_view name = summary_type_name(*type);
    if (name.empty()) {
      text.put(" 0x");
      text.hex(*type, 2);
    } else {
      text.put(' ');
      text.put(name);
    }
  }
}

}  // namespace

const LayerDef kTransport{
    .id = "mctp",
    .title = "MCTP transport header",
    .abbrev = "mctp",
    .fields = kFields,
    .summary_fn = summarize,
    .next = {.table = kMessageTypeTable,
             .key = {"msg_type"},
             .when = [](const Layer& l) { return is_som(l); },
             // The first packet of a longer message carries only the start of its body: a body
             // cut short there is expected, not truncated (the reassembled message is whole).
             .body_optional = [](const Layer& l) { return l.num_at(kEom) == 0; }},
};

void register_transport(Registry& registry) { registry.declare(kTransport); }

}  // namespace mctpkit::mctp
