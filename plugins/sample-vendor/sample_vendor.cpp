// The sample vendor plugin: PCI vendor ID 0x9999 (an example ID, not a real vendor), its
// messages as mctpkit layers and three commands. A template for a vendor's own plugin; see
// docs/plugins.md.
//
// Vendor-defined PCI messages (MCTP type 0x7E) carry: vendor ID, a byte with the request bit,
// and a vendor command byte. mctpkit's vdm_pci layer reads those and hands the rest to the
// layer bound under (vendor ID, vendor command, request bit) in the "vdm.pci" table:
//   vendor command 0x00, both directions: a generic packet (command, status, sequence, length,
//                        data)
//   vendor command 0x01, request:  GetVersion (component id)
//   vendor command 0x01, response: GetVersion (component id, major, minor, patch, 16-byte build)

#include <mctpkit/core/decode.hpp>
#include <mctpkit/core/format.hpp>
#include <mctpkit/plugin/plugin.hpp>
#include <mctpkit/vdm/vdm.hpp>

#include <cctype>
#include <ostream>
#include <string>

namespace {

using namespace mctpkit;

constexpr std::uint16_t kVendorId = 0x9999;

// ---- layers -------------------------------------------------------------------------------------

constexpr FieldDef kPacketFields[] = {
    u8("command").hex().titled("Command"),
    u8("status").titled("Status"),
    u8("sequence").titled("Sequence number"),
    u8("data_length").length_of("data").titled("Data length"),
    bytes("data").length_from("data_length").titled("Data"),
};
constexpr LayerDef kPacket{
    .id = "sample_vendor_packet",
    .craft_name = "sample_vendor",
    .title = "Sample vendor packet",
    .abbrev = "sample_vendor",
    .fields = kPacketFields,
    .summary = "SAMPLE-VENDOR (cmd={command}, status={status}, seq={sequence}, len={data_length})",
};

// PyMCTP names these two messages by their class name alone.
void request_summary(const Layer&, std::string& out) { out += "SampleVendorGetVersionRequest"; }
void response_summary(const Layer&, std::string& out) { out += "SampleVendorGetVersionResponse"; }

constexpr FieldDef kGetVersionRequestFields[] = {u8("component_id").titled("Component ID")};
constexpr LayerDef kGetVersionRequest{
    .id = "sample_vendor_get_version_req",
    .craft_name = "sample_vendor_get_version",
    .title = "Sample vendor GetVersion request",
    .abbrev = "sample_vendor.get_version",
    .fields = kGetVersionRequestFields,
    .summary_fn = request_summary,
    .bind = vdm::pci_vendor_binding(kVendorId, 0x01, true),
};

constexpr FieldDef kGetVersionResponseFields[] = {
    u8("component_id").titled("Component ID"),
    u8("major").titled("Major version"),
    u8("minor").titled("Minor version"),
    u8("patch").titled("Patch version"),
    bytes("build").fixed(16).show(Display::Ascii).titled("Build"),
};
constexpr LayerDef kGetVersionResponse{
    .id = "sample_vendor_get_version_rsp",
    .craft_name = "sample_vendor_get_version",
    .title = "Sample vendor GetVersion response",
    .abbrev = "sample_vendor.get_version",
    .fields = kGetVersionResponseFields,
    .summary_fn = response_summary,
    .bind = vdm::pci_vendor_binding(kVendorId, 0x01, false),
};

// ---- commands -----------------------------------------------------------------------------------

// "10 00 00 04 de ad be ef", the lower-case form PyMCTP prints.
std::string lower_hex(ByteView bytes) {
  std::string text = to_hex(bytes);
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Builds one vendor layer from option texts (numbers in hex or decimal, data as hex), then shows
// it the way it decodes.
int print_packet(const LayerDef& def, std::initializer_list<std::pair<std::string_view, std::string>> values,
                 plugin::CommandContext& ctx) {
  Layer layer(def);
  Bytes wire;
  try {
    for (const auto& [name, text] : values) {
      if (!text.empty()) layer.set(name, std::string_view(text));
    }
    wire = Frame(layer).build(ctx.registry);
  } catch (const std::exception& e) {
    ctx.err << "mctpkit: error: " << e.what() << "\n";
    return 2;
  }
  Frame decoded = decode(wire, def, ctx.registry);
  std::string summary;
  render_summary(decoded.layers.front(), summary);
  ctx.out << "Vendor ID: 0x9999\nPacket: " << summary << "\nRaw bytes: " << lower_hex(wire) << "\n";
  return 0;
}

int info(const plugin::CommandArgs&, plugin::CommandContext& ctx) {
  ctx.out << "Sample Vendor Protocol Information\n"
             "==================================\n"
             "Vendor ID: 0x9999 (example only)\n"
             "Supported commands:\n"
             "  0x00 - General message\n"
             "  0x01 - Get Version\n"
             "This plugin is a template for vendor plugins: copy it and put in your own messages.\n";
  return 0;
}

int get_version_request(const plugin::CommandArgs& args, plugin::CommandContext& ctx) {
  return print_packet(kGetVersionRequest, {{"component_id", args.value("component").value_or("0")}}, ctx);
}

int craft_packet(const plugin::CommandArgs& args, plugin::CommandContext& ctx) {
  return print_packet(kPacket,
                      {{"command", args.value("command").value_or("0")},
                       {"status", args.value("status").value_or("0")},
                       {"sequence", args.value("sequence").value_or("0")},
                       {"data", args.value("data").value_or("")}},
                      ctx);
}

// ---- registration -------------------------------------------------------------------------------

void declare(plugin::Host& host) {
  plugin::bind_pci_vendor_command(host, kPacket, kVendorId, 0x00);
  host.declare(kGetVersionRequest);
  host.declare(kGetVersionResponse);

  host.add_command({
      .name = "sample-vendor",
      .help = "Sample vendor protocol (PCI vendor 0x9999) commands",
      .subcommands = {
          {.name = "info", .help = "Describe the sample vendor protocol", .run = info},
          {.name = "get-version-request",
           .help = "Build a GetVersion request",
           .options = {{.name = "component", .short_name = 'c', .help = "Component ID (decimal or 0x hex)",
                        .default_value = "0"}},
           .run = get_version_request},
      },
  });
  host.add_command({
      .name = "craft-sample-vendor",
      .help = "Build a sample vendor generic packet (vendor command 0x00)",
      .options =
          {
              {.name = "command", .help = "Packet command (decimal or 0x hex)", .required = true},
              {.name = "data", .help = "Data bytes as hex, e.g. deadbeef", .default_value = ""},
              {.name = "status", .help = "Status (decimal or 0x hex)", .default_value = "0"},
              {.name = "sequence", .help = "Sequence number (decimal or 0x hex)", .default_value = "0"},
          },
      .run = craft_packet,
  });
}

constexpr plugin::Descriptor kDescriptor{
    .name = "sample-vendor",
    .version = "1.0.0",
    .license = "MIT",
    .description = "Sample vendor protocol on PCI vendor ID 0x9999: a template for vendor plugins",
    .declare = declare,
};

}  // namespace

MCTPKIT_PLUGIN(kDescriptor)
