#pragma once
// What a plugin includes: the descriptor it exports, the host facade its registration functions
// receive, and the command facade for adding `mctpkit` subcommands. docs/plugins.md walks
// through a complete plugin (plugins/sample-vendor/).
//
// A plugin is a shared library exporting one C symbol, `mctpkit_plugin_v1`, that returns its
// Descriptor. The host checks the ABI numbers and the build fingerprint (C++ types cross the
// boundary), then calls `declare` on every plugin and afterwards `bind` on every plugin, so a
// plugin may bind a layer another plugin declared whatever the load order. Everything a plugin
// registers is staged and checked first: a clash refuses the whole plugin and leaves the
// registries as they were.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>
#include <version>

#include "mctpkit/core/layer.hpp"
#include "mctpkit/core/registry.hpp"
#include "mctpkit/exerciser/exerciser.hpp"

namespace mctpkit::plugin {

/// The plugin ABI. The major number changes whenever a plugin built before the change could
/// misbehave in a host built after it (a changed declaration struct, facade or descriptor); the
/// minor number grows when the host gains something a plugin may use (a new facade call, a new
/// descriptor field at the end). A host loads plugins of its major number and of a minor number
/// up to its own.
inline constexpr std::uint32_t kAbiMajor = 1;
inline constexpr std::uint32_t kAbiMinor = 3;

/// The name of the entry symbol: `extern "C" const Descriptor* mctpkit_plugin_v1()`.
inline constexpr std::string_view kEntrySymbol = "mctpkit_plugin_v1";

// ---- commands ---------------------------------------------------------------------------------

/// One option of a plugin command, shown as `-s, --name VALUE`.
struct CommandOption {
  std::string name;         // long name without dashes: "component"
  char short_name = 0;      // 'c' for -c; 0 for none
  std::string help;
  bool takes_value = true;  // false: a flag
  bool required = false;
  std::string default_value{};
};

/// The parsed options of one command run: long name -> value ("true" for a given flag).
struct CommandArgs {
  std::map<std::string, std::string, std::less<>> values;

  std::optional<std::string> value(std::string_view name) const {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool flag(std::string_view name) const { return values.find(name) != values.end(); }
};

/// Where a command writes, and the registry it decodes and crafts with (plugin layers included).
struct CommandContext {
  std::ostream& out;
  std::ostream& err;
  const Registry& registry;
};

/// Returns the process exit code (0 success, 1 bad input, 2 bad command line, 3 file problem).
using CommandRun = std::function<int(const CommandArgs&, CommandContext&)>;

/// A top-level `mctpkit` subcommand, or one level below it (`mctpkit sample-vendor info`).
struct CommandSpec {
  std::string name;
  std::string help;
  std::vector<CommandOption> options{};
  CommandRun run{};                        // empty for a command that only groups subcommands
  std::vector<CommandSpec> subcommands{};  // one of them is required when `run` is empty
};

// ---- the host facade --------------------------------------------------------------------------

/// What a registration function receives. Every call is staged: nothing reaches the registries
/// until the plugin's registration as a whole is found free of clashes. Calls throw
/// std::invalid_argument for a call that cannot succeed (an empty name); any exception thrown out
/// of a registration function refuses the plugin.
class Host {
 public:
  virtual ~Host() = default;

  /// The name of the plugin being registered (the owner of what it registers).
  virtual std::string_view plugin_name() const = 0;
  /// Declares a layer, and binds it where its `bind` says when that names a table. The LayerDef
  /// (and everything it points to) must live as long as the process: use constexpr tables.
  virtual void declare(const LayerDef& def) = 0;
  /// Binds `def` under `where.key` in `where.table` (any dispatch table: "mctp.type",
  /// "vdm.pci", "pldm.command", ...).
  virtual void bind(const BindDef& where, const LayerDef& def) = 0;
  /// Adds a link name for `mctpkit decode --link`.
  virtual void add_link(const LinkDef& link) = 0;
  /// Adds a top-level `mctpkit` command.
  virtual void add_command(CommandSpec command) = 0;
  /// Adds an exerciser kind to the exerciser registry (its owner becomes this plugin).
  virtual void add_exerciser(exerciser::ExerciserInfo info) = 0;
  /// A layer declared by mctpkit or by any plugin (in the bind phase: every plugin's
  /// declarations), or nullptr.
  virtual const LayerDef* layer(std::string_view id) const = 0;
};

/// Declares `def` and binds it for one PCI vendor command in both directions (a vendor layout
/// that does not depend on the request bit), like vdm::bind_pci_vendor_command.
void bind_pci_vendor_command(Host& host, const LayerDef& def, std::uint16_t vendor_id, std::uint8_t command);
/// The same for an IANA enterprise number (message type 0x7F).
void bind_iana_vendor_command(Host& host, const LayerDef& def, std::uint32_t enterprise, std::uint8_t command);

// ---- the build fingerprint --------------------------------------------------------------------

namespace detail {

#define MCTPKIT_PLUGIN_TEXT_(x) #x
#define MCTPKIT_PLUGIN_TEXT(x) MCTPKIT_PLUGIN_TEXT_(x)

#if defined(__clang__)
inline constexpr std::string_view kCompiler = "clang " MCTPKIT_PLUGIN_TEXT(__clang_major__);
#elif defined(__GNUC__)
inline constexpr std::string_view kCompiler = "gcc " MCTPKIT_PLUGIN_TEXT(__GNUC__);
#else
inline constexpr std::string_view kCompiler = "unknown-compiler";
#endif

#if defined(_LIBCPP_VERSION)
inline constexpr std::string_view kCxxLibrary = "libc++ " MCTPKIT_PLUGIN_TEXT(_LIBCPP_ABI_VERSION);
#elif defined(__GLIBCXX__)
inline constexpr std::string_view kCxxLibrary = "libstdc++ cxx11abi=" MCTPKIT_PLUGIN_TEXT(_GLIBCXX_USE_CXX11_ABI);
#else
inline constexpr std::string_view kCxxLibrary = "unknown-c++-library";
#endif

/// FNV-1a over the size and alignment of every type that crosses the plugin boundary: a
/// changed declaration struct changes the hash even when nobody remembered the ABI number.
template <typename... T>
constexpr std::uint32_t layout_hash() {
  std::uint32_t h = 2166136261u;
  auto mix = [&h](std::size_t v) {
    for (int i = 0; i < 8; ++i) {
      h ^= static_cast<std::uint8_t>(v >> (8 * i));
      h *= 16777619u;
    }
  };
  (mix(sizeof(T)), ...);
  (mix(alignof(T)), ...);
  return h;
}

struct FingerprintText {
  char text[96]{};
};

constexpr FingerprintText make_fingerprint(std::uint32_t hash) {
  FingerprintText out;
  std::size_t n = 0;
  auto put = [&](std::string_view s) {
    for (char c : s) {
      if (n + 1 < sizeof out.text) out.text[n++] = c;
    }
  };
  put(kCompiler);
  put(", ");
  put(kCxxLibrary);
  put(", layout ");
  for (int shift = 28; shift >= 0; shift -= 4) put(std::string_view(&"0123456789abcdef"[(hash >> shift) & 0xF], 1));
  return out;
}

}  // namespace detail

struct Descriptor;

/// The declaration structs, facade types and standard types of this ABI, hashed.
inline constexpr std::uint32_t kLayoutHash =
    detail::layout_hash<FieldDef, LengthRule, EnumEntry, StructDef, LayerDef, DispatchDef, BindDef, Key, LinkDef,
                        Layer, Fields, FieldValue, CommandOption, CommandArgs, CommandSpec, CommandRun,
                        exerciser::ExerciserInfo, exerciser::Spec, std::string, std::string_view,
                        std::vector<int>, std::function<void()>>();

/// "gcc 12, libstdc++ cxx11abi=1, layout 1a2b3c4d": must match the host's exactly.
inline constexpr detail::FingerprintText kFingerprint = detail::make_fingerprint(kLayoutHash);

// ---- the descriptor ---------------------------------------------------------------------------

using RegisterFn = void (*)(Host& host);

/// What `mctpkit_plugin_v1` returns. The first four members keep their place in every ABI
/// version so that any host can read them and explain a refusal. Leave them defaulted: they
/// record the headers the plugin was compiled with.
struct Descriptor {
  std::uint32_t abi_major = kAbiMajor;
  std::uint32_t abi_minor = kAbiMinor;
  std::uint32_t struct_size = sizeof(Descriptor);
  const char* fingerprint = kFingerprint.text;

  const char* name = nullptr;         // unique, lower-case with dashes: "sample-vendor"
  const char* version = nullptr;      // the plugin's own version: "1.0.0"
  const char* license = nullptr;      // SPDX identifier: "MIT"
  const char* description = nullptr;  // one line
  RegisterFn declare = nullptr;       // phase 1: layers, links, commands, exercisers
  RegisterFn bind = nullptr;          // phase 2 (optional): bindings of layers declared anywhere
};

}  // namespace mctpkit::plugin

/// Exports `descriptor` (a mctpkit::plugin::Descriptor with static storage) as the plugin entry.
#define MCTPKIT_PLUGIN(descriptor)                                                                        \
  extern "C" __attribute__((visibility("default"))) const ::mctpkit::plugin::Descriptor* mctpkit_plugin_v1() { \
    return &(descriptor);                                                                                 \
  }
