// Writes a libFuzzer dictionary from the registry, so the fuzzers start from real names:
//   fuzz_dictionary craft   layer names, field names and enum value names, and the syntax
//   fuzz_dictionary filter  field and layer abbreviations, operators and the syntax

#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "mctpkit/builtin/builtin.hpp"
#include "mctpkit/output/filter.hpp"

namespace {

using namespace mctpkit;

void add_fields(std::span<const FieldDef> defs, std::set<std::string>& words) {
  for (const FieldDef& f : defs) {
    if (f.kind == FieldKind::Payload) continue;
    words.insert(std::string(f.name) + "=");
    if (!f.alias.empty()) words.insert(std::string(f.alias) + "=");
    for (const EnumEntry& e : f.enums) words.insert(std::string(e.name));
    if (f.kind == FieldKind::List && f.element != nullptr) add_fields(f.element->fields, words);
  }
}

// A dictionary entry is a quoted string; quotes, backslashes and odd bytes are escaped.
std::string quoted(std::string_view word) {
  std::string out = "\"";
  for (char c : word) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20 || u >= 0x7F) {
      char hex[5];
      std::snprintf(hex, sizeof hex, "\\x%02X", u);
      out += hex;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

int main(int argc, char** argv) {
  std::string_view kind = argc > 1 ? argv[1] : "";
  std::set<std::string> words;
  const Registry& registry = default_registry();
  if (kind == "craft") {
    for (const LayerDef* layer : registry.layers()) {
      words.insert(std::string(layer->name_for_craft()));
      add_fields(layer->fields, words);
    }
    for (const char* w : {"/", "(", ")", "=", ",", "[", "]", "none", "0x", "\"", "00112233-4455-6677-8899-aabbccddeeff"}) {
      words.insert(w);
    }
  } else if (kind == "filter") {
    for (const std::string& name : output::filter_names(registry)) words.insert(name);
    for (const char* w : {"==", "!=", "~=", "<", "<=", ">", ">=", "and", "or", "not", "in", "contains", "&&",
                          "||", "!", "(", ")", "{", "}", ",", "\"", "0x", "01:02", "true", "eq", "any_ne"}) {
      words.insert(w);
    }
  } else {
    std::fprintf(stderr, "usage: fuzz_dictionary craft|filter\n");
    return 2;
  }
  for (const std::string& w : words) std::printf("%s\n", quoted(w).c_str());
  return 0;
}
