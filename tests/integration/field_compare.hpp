#pragma once

#include <gtest/gtest.h>

#include "mctpkit/core/frame.hpp"

namespace mctpkit::testing {

/// Adds a failure for every field whose state or value differs between `a` and `b`.
inline void expect_same_fields(const Fields& a, const Fields& b, const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const FieldValue& x = a.value(i);
    const FieldValue& y = b.value(i);
    std::string field = where + "." + std::string(a.defs()[i].name);
    EXPECT_EQ(x.state == FieldValue::State::Absent, y.state == FieldValue::State::Absent) << field;
    if (x.state == FieldValue::State::Absent) continue;
    EXPECT_EQ(x.number, y.number) << field;
    EXPECT_EQ(x.bytes, y.bytes) << field;
    ASSERT_EQ(x.items.size(), y.items.size()) << field;
    for (std::size_t k = 0; k < x.items.size(); ++k) expect_same_fields(x.items[k], y.items[k], field);
  }
}

inline void expect_same_frames(const Frame& a, const Frame& b, const std::string& where) {
  ASSERT_EQ(a.layers.size(), b.layers.size()) << where;
  for (std::size_t i = 0; i < a.layers.size(); ++i) {
    EXPECT_EQ(&a.layers[i].def(), &b.layers[i].def()) << where;
    expect_same_fields(a.layers[i], b.layers[i], where + " " + std::string(a.layers[i].def().id));
  }
}

/// Clears every derived field (recursively), as if the frame had been crafted without them; with
/// `stack_defaults`, also those whose defaults follow the stack (TO from the request bit).
inline void unset_derived(Fields& fields, bool stack_defaults = false) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const FieldDef& def = fields.defs()[i];
    FieldValue& v = fields.value(i);
    if ((def.is_derived() || (stack_defaults && def.default_by_fn)) && v.is_set()) v.state = FieldValue::State::Unset;
    for (Fields& item : v.items) unset_derived(item, stack_defaults);
  }
}

}  // namespace mctpkit::testing
