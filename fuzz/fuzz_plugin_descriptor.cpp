// The checks a plugin's descriptor goes through before anything of it is registered: ABI
// numbers, struct size, fingerprint and identity strings as a library could hand them over. A
// descriptor is loaded or refused with a one-line reason, never crashes the host, and a refused
// one leaves the registries as they were.
// Input: bytes for the ABI numbers and size, a choice of fingerprint and of a declare function,
// then NUL-separated fingerprint, name, version, license and description strings.

#include <string>
#include <vector>

#include "fuzz_input.hpp"
#include "mctpkit/plugin/loader.hpp"

namespace {

using namespace mctpkit;

void declare_nothing(plugin::Host&) {}
void declare_throws(plugin::Host&) { throw std::runtime_error("fuzz: declare failed"); }

std::string next_string(fuzz::FuzzInput& in) {
  std::string s;
  while (!in.empty()) {
    const std::uint8_t b = in.byte();
    if (b == 0) break;
    s.push_back(static_cast<char>(b));
  }
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  plugin::Descriptor d;
  const std::uint8_t choices = in.byte();
  if (choices & 0x01) d.abi_major = in.byte();
  if (choices & 0x02) d.abi_minor = in.byte();
  if (choices & 0x04) d.struct_size = in.byte();
  std::vector<std::string> strings;
  for (int i = 0; i < 5; ++i) strings.push_back(next_string(in));
  if (choices & 0x08) d.fingerprint = strings[0].c_str();
  if (choices & 0x10) d.fingerprint = nullptr;
  d.name = (choices & 0x20) ? nullptr : strings[1].c_str();
  d.version = strings[2].c_str();
  d.license = strings[3].c_str();
  d.description = strings[4].c_str();
  d.declare = (choices & 0x40) ? declare_throws : declare_nothing;
  if (choices & 0x80) d.declare = nullptr;

  Registry registry;
  exerciser::ExerciserRegistry exercisers;
  const std::size_t layers_before = registry.layers().size();
  plugin::LoadReport report = plugin::register_plugins({plugin::Candidate{"fuzz.so", &d}}, registry, exercisers);
  MCTPKIT_FUZZ_CHECK(report.loaded.size() + report.refused.size() == 1);
  if (!report.refused.empty()) {
    const std::string& reason = report.refused.front().reason;
    MCTPKIT_FUZZ_CHECK(!reason.empty() && reason.find('\n') == std::string::npos);
    MCTPKIT_FUZZ_CHECK(registry.layers().size() == layers_before);
  } else {
    MCTPKIT_FUZZ_CHECK(report.loaded.front().name == strings[1]);
  }
  return 0;
}
