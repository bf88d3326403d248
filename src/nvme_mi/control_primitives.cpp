// NVMe-MI control primitives (NMIMT 0; reference 8.3 and 8.4). All fields little-endian.
//
// A response does not repeat the opcode, so its CPSR is shown as a number; the request's CPSP
// is split per opcode where the reference gives its bits (Get State, Replay).

#include "mctpkit/nvme_mi/nvme_mi.hpp"
#include "nvme_mi/names.hpp"

namespace mctpkit::nvme_mi {

namespace {

constexpr std::uint8_t kGetState = 0x03;
constexpr std::uint8_t kReplay = 0x04;

constexpr EnumEntry kOpcodes[] = {
    {0x00, "pause"}, {0x01, "resume"}, {0x02, "abort"}, {kGetState, "get_state"}, {kReplay, "replay"},
};

bool is_get_state(const Fields& f) { return f.num("opcode") == kGetState; }
bool is_replay(const Fields& f) { return f.num("opcode") == kReplay; }
bool is_other(const Fields& f) { return !is_get_state(f) && !is_replay(f); }

// CPSP is little-endian: its bits 7:0 are the first byte on the wire.
constexpr FieldDef kRequestFields[] = {
    u8("opcode").names(kOpcodes).titled("Control primitive opcode"),
    u8("tag").hex().titled("Tag"),
    bits("reserved", 7).reserved().when(is_get_state),
    flag("cesf").when(is_get_state).titled("Clear error state flags"),
    u8("reserved2").reserved().when(is_get_state),
    u8("rro").when(is_replay).titled("Response replay offset"),
    u8("reserved3").reserved().when(is_replay),
    u16le("cpsp").hex().when(is_other).titled("Control primitive specific parameter"),
};

constexpr FieldDef kResponseFields[] = {
    u8("status").names(detail::kStatusNames).titled("Response message status"),
    u8("tag").hex().titled("Tag"),
    u16le("cpsr").hex().titled("Control primitive specific response"),
};

}  // namespace

const LayerDef kControlPrimitiveRequest{
    .id = "nvme_mi_cp_req",
    .craft_name = "control_primitive",
    .title = "NVMe-MI control primitive request",
    .abbrev = "nvme_mi.cp",
    .fields = kRequestFields,
    .summary = "ControlPrimitive",
    .bind = {kMessageTable, Key{kControlPrimitive, 0}},
};

const LayerDef kControlPrimitiveResponse{
    .id = "nvme_mi_cp_rsp",
    .craft_name = "control_primitive",
    .title = "NVMe-MI control primitive response",
    .abbrev = "nvme_mi.cp",
    .fields = kResponseFields,
    .summary = "ControlPrimitiveResponse",
    .bind = {kMessageTable, Key{kControlPrimitive, 1}},
};

}  // namespace mctpkit::nvme_mi
