#include "core/detail/layer_plan.hpp"

#include "mctpkit/core/fields.hpp"

namespace mctpkit::detail {

namespace {

// Whether a field is read straight from the data at its place whatever the other fields hold:
// no condition, no copy of another layer's field, a sign or encoding known in advance.
bool always_read(const FieldDef& f) {
  return f.present == nullptr && !f.optional_trailer && f.remaining_at_least == 0 && f.remaining_below == 0 &&
         f.copy_of.empty() && f.numeric_by == nullptr;
}

FieldStep step_of(const FieldDef& f) {
  FieldStep step;
  if (!always_read(f)) return step;
  // Bit fields up to 32 bits: the decoder's bit buffer holds them with room to spare.
  if (f.kind == FieldKind::UInt && f.width >= 1 && f.width <= 8) {
    step.op = f.order == ByteOrder::Big ? FieldStep::Op::BigEndian : FieldStep::Op::LittleEndian;
  } else if (f.kind == FieldKind::Bits && f.width >= 1 && f.width <= 32) {
    step.op = FieldStep::Op::Bits;
    step.mask = (std::uint64_t{1} << f.width) - 1;
  } else {
    return step;
  }
  step.width = f.width;
  if (step.op != FieldStep::Op::Bits) step.mask = f.width >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << 8 * f.width) - 1;
  step.check = f.is_reserved || f.has_expected;
  step.numeric = f.numeric;
  return step;
}

}  // namespace

std::vector<FieldStep> plan_fields(std::span<const FieldDef> defs) {
  std::vector<FieldStep> steps;
  steps.reserve(defs.size());
  const Fields own(defs, {});
  for (const FieldDef& f : defs) {
    FieldStep step = step_of(f);
    if (f.length.kind == LengthRule::Kind::FromField) {
      const std::size_t i = own.index_of(f.length.field);
      if (i < FieldStep::kNoField) step.length_field = static_cast<std::uint16_t>(i);
    }
    steps.push_back(step);
  }
  return steps;
}

void plan_prefix(LayerPlan& plan) {
  // Bit position from the layer's start. A number field must start on a byte boundary (after
  // leftover bits the walk reports a place of its own), and the prefix must end on one, so that
  // the walk takes over from a whole byte.
  std::size_t bit = 0;
  for (std::size_t i = 0; i < plan.steps.size(); ++i) {
    FieldStep& step = plan.steps[i];
    if (step.op == FieldStep::Op::Walk || bit / 8 + 8 > LayerPlan::kPrefixWindow) break;
    if (step.op == FieldStep::Op::Bits) {
      const std::size_t end = bit + step.width;
      step.at = static_cast<std::uint16_t>(bit / 8);
      step.shift = static_cast<std::uint8_t>(64 - bit % 8 - step.width);
      bit = end;
    } else {
      if (bit % 8 != 0) break;
      step.at = static_cast<std::uint16_t>(bit / 8);
      step.shift = step.op == FieldStep::Op::BigEndian ? static_cast<std::uint8_t>(64 - 8 * step.width) : 0;
      bit += 8 * step.width;
    }
    if (bit % 8 == 0) {
      plan.prefix_fields = i + 1;
      plan.prefix_bytes = bit / 8;
      plan.prefix_reach = step.at + std::size_t{8};
    }
  }
}

BuildFacts build_facts(std::span<const FieldDef> defs) {
  BuildFacts facts;
  facts.payload_index = defs.size();
  for (std::size_t i = 0; i < defs.size(); ++i) {
    const FieldDef& f = defs[i];
    if (f.kind == FieldKind::Payload && facts.payload_index == defs.size()) facts.payload_index = i;
    if (f.default_by_fn) facts.has_stack_defaults = true;
    if (f.derive == Derive::LengthAfter) facts.has_length_after = true;
  }
  return facts;
}

}  // namespace mctpkit::detail
