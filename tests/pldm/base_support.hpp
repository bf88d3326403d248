#pragma once
// Helpers shared by the PLDM base, platform and PDR tests (defined in base_support.cpp).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mctpkit/core/frame.hpp"
#include "mctpkit/core/registry.hpp"

namespace mctpkit::pldm {
namespace test_support {
const Registry& registry();
Bytes hex(std::string_view text);
Frame decode_hex(std::string_view text);
std::string summary(const Frame& f);
std::vector<DiagKind> problems(const Frame& f);
const Layer& layer(const Frame& f, std::string_view id);
std::string text_of(const Fields& l, std::string_view field);
void check_damage(const Bytes& data, std::initializer_list<std::size_t> complete_at = {},
                  std::initializer_list<std::size_t> bad_checksum_at = {});
void expect_round_trip(std::string_view text);
std::string req(std::string_view body);  // MCTP 0A <-- 08 (S:E:TO) PLDM + body
std::string rsp(std::string_view body);  // MCTP 08 <-- 0A (S:E) PLDM + body
Layer transport(bool request);
Layer header(bool request, unsigned iid = 0);
Layer body(std::string_view id, std::initializer_list<FieldInit> init = {});
}  // namespace test_support
}  // namespace mctpkit::pldm
