#!/usr/bin/env python3
"""Plugins in the mctpkit tool: discovery routes, --no-plugins, the listing, every refusal
reason, and plugin layers and commands through decode, craft and analyze.

Usage: plugin_test.py MCTPKIT SAMPLE_PLUGIN TEST_PLUGIN_DIR
Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from cli_support import check, finish  # the shared counting and report

TOOL, SAMPLE, LIBS = sys.argv[1], sys.argv[2], sys.argv[3]
SCRATCH = tempfile.mkdtemp(prefix="mctpkit-plugin-test-")

# No plugin from the machine running the tests: HOME and XDG_DATA_HOME point into the scratch
# folder, MCTPKIT_PLUGIN_PATH is unset.
BASE_ENV = {k: v for k, v in os.environ.items() if k not in ("MCTPKIT_PLUGIN_PATH", "XDG_DATA_HOME")}
BASE_ENV["HOME"] = os.path.join(SCRATCH, "empty-home")


def lib(name):
    return os.path.join(LIBS, name + ".so")


def run(*args, env=None, stdin=None):
    e = dict(BASE_ENV)
    e.update(env or {})
    p = subprocess.run([TOOL, *args], input=stdin, capture_output=True, text=True, timeout=60, env=e)
    return p.returncode, p.stdout, p.stderr


def expect(name, args, code, stdout=None, stderr=None, stdout_has=None, env=None):
    rc, out, err = run(*args, env=env)
    ok = rc == code
    if stdout is not None:
        ok = ok and out == stdout
    if stdout_has is not None:
        ok = ok and stdout_has in out
    if stderr is not None:
        ok = ok and err == stderr
    check(name, ok, f"  exit {rc} (want {code})\n  stdout: {out!r}\n  stderr: {err!r}")
    return out


def folder_with_sample(*parts):
    folder = os.path.join(SCRATCH, *parts)
    os.makedirs(folder, exist_ok=True)
    shutil.copy(SAMPLE, os.path.join(folder, "sample-vendor.so"))
    return folder


def sample_listing(path):
    return ("sample-vendor 1.0.0 (MIT)\n"
            "  Sample vendor protocol on PCI vendor ID 0x9999: a template for vendor plugins\n"
            f"  path: {path}\n"
            "  layers:\n"
            "    sample_vendor_packet: vdm.pci (0x9999, 0x0, 0x1), vdm.pci (0x9999, 0x0, 0x0)\n"
            "    sample_vendor_get_version_req: vdm.pci (0x9999, 0x1, 0x1)\n"
            "    sample_vendor_get_version_rsp: vdm.pci (0x9999, 0x1, 0x0)\n"
            "  commands: sample-vendor info, sample-vendor get-version-request, craft-sample-vendor\n")


# ---- discovery ---------------------------------------------------------------------------------
expect("nothing found", ["extensions"], 0, "No plugins loaded.\n", "")
expect("--plugin FILE", ["--plugin", SAMPLE, "extensions"], 0, sample_listing(SAMPLE), "")
expect("--plugin=FILE", [f"--plugin={SAMPLE}", "plugins"], 0, sample_listing(SAMPLE), "")
env_folder = folder_with_sample("env")
expect("MCTPKIT_PLUGIN_PATH", ["extensions"], 0, sample_listing(os.path.join(env_folder, "sample-vendor.so")), "",
       env={"MCTPKIT_PLUGIN_PATH": "/nonexistent/folder:" + env_folder})
xdg = os.path.join(SCRATCH, "xdg")
xdg_folder = folder_with_sample("xdg", "mctpkit", "plugins")
expect("XDG_DATA_HOME folder", ["extensions"], 0, sample_listing(os.path.join(xdg_folder, "sample-vendor.so")), "",
       env={"XDG_DATA_HOME": xdg})
home = os.path.join(SCRATCH, "home")
home_folder = folder_with_sample("home", ".local", "share", "mctpkit", "plugins")
expect("~/.local/share folder", ["extensions"], 0, sample_listing(os.path.join(home_folder, "sample-vendor.so")), "",
       env={"HOME": home})
expect("--plugin FOLDER", ["--plugin", env_folder, "extensions"], 0,
       sample_listing(os.path.join(env_folder, "sample-vendor.so")), "")
expect("the same plugin found twice loads once", ["--plugin", SAMPLE, "--plugin", SAMPLE, "extensions"], 0,
       sample_listing(SAMPLE), "")
ENV_COPY = os.path.join(env_folder, "sample-vendor.so")
expect("--plugin comes first", ["--plugin", SAMPLE, "extensions"], 0,
       sample_listing(SAMPLE) + f"Refused:\n  {ENV_COPY}: plugin name 'sample-vendor' is already taken by {SAMPLE}\n",
       f"mctpkit: warning: plugin {ENV_COPY}: refused: plugin name 'sample-vendor' is already taken by {SAMPLE}\n",
       env={"MCTPKIT_PLUGIN_PATH": env_folder})
expect("--no-plugins", ["--no-plugins", "extensions"], 0, "No plugins loaded.\n", "",
       env={"MCTPKIT_PLUGIN_PATH": env_folder, "HOME": home})
rc, out, err = run("--no-plugins", "--plugin", SAMPLE, "sample-vendor", "info")
check("--no-plugins: no plugin commands", rc == 2 and out == "", f"{rc} {out!r} {err!r}")
expect("missing --plugin file", ["--plugin", "/nonexistent/x.so", "extensions"], 0,
       "No plugins loaded.\nRefused:\n  /nonexistent/x.so: no such file\n",
       "mctpkit: warning: plugin /nonexistent/x.so: refused: no such file\n")
rc, out, err = run("--plugin", SAMPLE, "--help")
check("plugin commands in --help", rc == 0 and "Plugin commands:" in out and "craft-sample-vendor" in out
      and "--no-plugins" in out, out)

# ---- the listing as JSON -----------------------------------------------------------------------
expect("listing as JSON", ["--plugin", SAMPLE, "--plugin", lib("extras"), "extensions", "-T", "json"], 0,
       json.dumps({"plugins": [
           {"name": "sample-vendor", "version": "1.0.0", "license": "MIT",
            "description": "Sample vendor protocol on PCI vendor ID 0x9999: a template for vendor plugins",
            "path": SAMPLE,
            "layers": [{"id": "sample_vendor_packet", "bindings": [{"table": "vdm.pci", "key": [39321, 0, 1]},
                                                                   {"table": "vdm.pci", "key": [39321, 0, 0]}]},
                       {"id": "sample_vendor_get_version_req",
                        "bindings": [{"table": "vdm.pci", "key": [39321, 1, 1]}]},
                       {"id": "sample_vendor_get_version_rsp",
                        "bindings": [{"table": "vdm.pci", "key": [39321, 1, 0]}]}],
            "links": [], "commands": ["sample-vendor info", "sample-vendor get-version-request",
                                      "craft-sample-vendor"], "exercisers": []},
           {"name": "extras", "version": "2.1.0", "license": "Apache-2.0",
            "description": "a link, an exerciser and a binding of another plugin's layer", "path": lib("extras"),
            "layers": [{"id": "sample_vendor_packet", "bindings": [{"table": "vdm.pci", "key": [39321, 2, 1]}]}],
            "links": ["extras"], "commands": [], "exercisers": ["extras-null"]}],
           "refused": []}, separators=(",", ":")) + "\n", "")

# ---- refusals: one library per reason, the others still loaded --------------------------------
not_a_library = os.path.join(SCRATCH, "not-a-plugin.so")
with open(not_a_library, "w") as f:
    f.write("This is a text file that happens to be named like a shared library.\n" * 4)
order = [SAMPLE, not_a_library, lib("no-entry"), lib("abi-mismatch"), lib("duplicate-name"), lib("binding-clash"),
         lib("builtin-command-clash"), lib("plugin-command-clash"), lib("throws"), lib("extras")]
reasons = [
    (not_a_library, "not a loadable shared library (invalid ELF header)"),
    (lib("no-entry"), "no entry symbol mctpkit_plugin_v1 (not an mctpkit plugin)"),
    (lib("abi-mismatch"), "built for plugin ABI 99.3, this mctpkit has plugin ABI 1.3"),
    (lib("duplicate-name"), f"plugin name 'sample-vendor' is already taken by {SAMPLE}"),
    (lib("binding-clash"), "vdm.pci key (0x9999, 0x1, 0x1) is bound to 'sample_vendor_get_version_req' by "
                           "sample-vendor and to 'clash_get_version' by binding-clash"),
    (lib("builtin-command-clash"), "command 'decode' clashes with the built-in command of that name"),
    (lib("plugin-command-clash"), "command 'craft-sample-vendor' is added by both sample-vendor and "
                                  "plugin-command-clash"),
    (lib("throws"), "registration failed: no licence key for this host"),
]
plugin_args = [a for p in order for a in ("--plugin", p)]
rc, out, err = run(*plugin_args, "extensions")
check("refusals: exit code", rc == 0, f"{rc} {err!r}")
check("refusals: listing", out.endswith("Refused:\n" + "".join(f"  {p}: {r}\n" for p, r in reasons))
      and out.startswith(sample_listing(SAMPLE) + "extras 2.1.0 (Apache-2.0)\n"), out)
check("refusals: one warning line each",
      err == "".join(f"mctpkit: warning: plugin {p}: refused: {r}\n" for p, r in reasons), err)

# The clashing plugin left nothing behind: its harmless layer, command and exerciser are absent.
CLASH_KEY_PACKET = "01 09 08 c8 7e 99 99 80 05 07"
expect("refused plugin's layer not registered", [*plugin_args, "decode", CLASH_KEY_PACKET], 0,
       "MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x05, rq: 1) / Raw\n")
rc, out, err = run(*plugin_args, "layers", "clash_harmless")
check("refused plugin's layer not listed", rc == 2 and "no layer named 'clash_harmless'" in err, f"{rc} {err!r}")
rc, out, err = run(*plugin_args, "clash-harmless")
check("refused plugin's command not added", rc == 2, f"{rc} {out!r} {err!r}")
expect("the accepted plugins still work", [*plugin_args, "sample-vendor", "info"], 0, stdout_has="Vendor ID: 0x9999")

# ---- the sample's commands ---------------------------------------------------------------------
P = ["--plugin", SAMPLE]
expect("sample-vendor info", [*P, "sample-vendor", "info"], 0,
       "Sample Vendor Protocol Information\n"
       "==================================\n"
       "Vendor ID: 0x9999 (example only)\n"
       "Supported commands:\n"
       "  0x00 - General message\n"
       "  0x01 - Get Version\n"
       "This plugin is a template for vendor plugins: copy it and put in your own messages.\n")
expect("sample-vendor get-version-request -c 5", [*P, "sample-vendor", "get-version-request", "-c", "5"], 0,
       "Vendor ID: 0x9999\nPacket: SampleVendorGetVersionRequest\nRaw bytes: 05\n")
expect("sample-vendor get-version-request --component 0x2a",
       [*P, "sample-vendor", "get-version-request", "--component", "0x2a"], 0,
       "Vendor ID: 0x9999\nPacket: SampleVendorGetVersionRequest\nRaw bytes: 2a\n")
CRAFTED = "Vendor ID: 0x9999\nPacket: SAMPLE-VENDOR (cmd=0x10, status=0, seq=0, len=4)\nRaw bytes: 10 00 00 04 de ad be ef\n"
expect("craft-sample-vendor hex", [*P, "craft-sample-vendor", "--command", "0x10", "--data", "deadbeef"], 0, CRAFTED)
expect("craft-sample-vendor decimal", [*P, "craft-sample-vendor", "--command", "16", "--data", "deadbeef"], 0, CRAFTED)
expect("craft-sample-vendor no data", [*P, "craft-sample-vendor", "--command", "1", "--status", "2", "--sequence", "3"],
       0, "Vendor ID: 0x9999\nPacket: SAMPLE-VENDOR (cmd=0x01, status=2, seq=3, len=0)\nRaw bytes: 01 02 03 00\n")
rc, out, err = run(*P, "craft-sample-vendor", "--command", "0x100")
check("craft-sample-vendor too big", rc == 2 and out == "" and err.startswith("mctpkit: error: "), f"{rc} {out!r} {err!r}")
rc, out, err = run(*P, "craft-sample-vendor", "--data", "00")
check("craft-sample-vendor needs --command", rc == 2 and "--command is required" in err, f"{rc} {err!r}")
rc, out, err = run(*P, "sample-vendor")
check("sample-vendor needs a subcommand", rc == 2 and "A subcommand is required" in err, f"{rc} {err!r}")

# ---- plugin layers everywhere the library decodes ----------------------------------------------
PACKET = "01 09 08 c8 7e 99 99 00 00 10 00 00 04 de ad be ef"
PACKET_SUMMARY = ("MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x00, rq: 0) / "
                  "SAMPLE-VENDOR (cmd=0x10, status=0, seq=0, len=4)")
expect("decode summary", [*P, "decode", PACKET], 0, PACKET_SUMMARY + "\n")
expect("decode without the plugin", ["decode", PACKET], 0,
       "MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x00, rq: 0) / Raw\n")
tree = expect("decode -V", [*P, "decode", "-V", PACKET], 0)
for line in ["Sample vendor packet", "Command: 0x10 [sample_vendor.command]", "Data length: 4 [sample_vendor.data_length]",
             "Data: DE AD BE EF [sample_vendor.data]"]:
    check(f"decode -V shows '{line}'", line in tree, tree)
out = expect("decode -T json", [*P, "decode", "-T", "json", PACKET], 0)
try:
    obj = json.loads(out)
    check("decode -T json summary", obj["summary"] == PACKET_SUMMARY, out)
    check("decode -T json vendor fields", '"sample_vendor.command":16' in out.replace(" ", "")
          and '"sample_vendor.data_length":4' in out.replace(" ", ""), out)
except ValueError:
    check("decode -T json parses", False, out)
expect("decode GetVersion request", [*P, "decode", "01 09 08 c8 7e 99 99 80 01 05"], 0,
       "MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x01, rq: 1) / "
       "SampleVendorGetVersionRequest\n")
expect("decode GetVersion response", [*P, "decode", "01 08 09 c0 7e 99 99 00 01 05 01 04 09 "
                                      "62 75 69 6c 64 2d 32 30 32 34 2e 30 36 2e 30 31"], 0,
       "MCTP 0:0 (08 <-- 09) (S:E) VDPCI / VDM-PCI RSP (VID: 9999, cmd_code: 0x01, rq: 0) / "
       "SampleVendorGetVersionResponse\n")
expect("layers lists plugin layers", [*P, "layers", "sample_vendor"], 0, stdout_has="sample_vendor (sample_vendor_packet)")

# craft with plugin layer names, written to a pcap, then analyzed with filters and fields.
pcap = os.path.join(SCRATCH, "vendor.pcap")
EXPR = ("mctp(dst=9,src=8,to=1)/vdm_pci(vendor_id=0x9999,rq=0)/sample_vendor(command=0x10,data=deadbeef);"
        "mctp(dst=9,src=8,to=1)/vdm_pci(vendor_id=0x9999)/sample_vendor_get_version(component_id=5)")
expect("craft a plugin layer", [*P, "craft", EXPR.split(";")[0]], 0,
       "01 09 08 C8 7E 99 99 00 00 10 00 00 04 DE AD BE EF\n")
expect("craft fills the vendor command from the binding", [*P, "craft", EXPR.split(";")[1]], 0,
       "01 09 08 C8 7E 99 99 80 01 05\n")
packets_file = os.path.join(SCRATCH, "packets.txt")
with open(packets_file, "w") as f:
    f.write(f"mctp: {PACKET}\nmctp: 01 09 08 c8 7e 99 99 80 01 05\n")
text_dump = os.path.join(SCRATCH, "dump.txt")
rc, _, err = run(*P, "craft", EXPR.split(";")[0], "-w", pcap)
check("craft -w writes the pcap", rc == 0 and os.path.getsize(pcap) > 24, f"{rc} {err!r}")
expect("analyze a pcap holding a plugin layer", [*P, "analyze", pcap], 0, stdout_has=PACKET_SUMMARY)
out = expect("analyze -Y on a plugin field (match)", [*P, "analyze", pcap, "-Y", "sample_vendor.command == 0x10"], 0,
             stdout_has="SAMPLE-VENDOR (cmd=0x10")
rc, out, err = run(*P, "analyze", pcap, "-Y", "sample_vendor.command == 0x11")
check("analyze -Y on a plugin field (no match)", rc == 0 and "SAMPLE-VENDOR" not in out, f"{rc} {out!r} {err!r}")
rc, out, err = run("analyze", pcap, "-Y", "sample_vendor.command == 0x10")
check("analyze -Y without the plugin: unknown field", rc == 2 and "sample_vendor.command" in err, f"{rc} {out!r} {err!r}")
expect("analyze -T fields with plugin fields",
       [*P, "analyze", pcap, "-T", "fields", "-e", "sample_vendor.command", "-e", "sample_vendor.data_length",
        "-e", "sample_vendor.data"], 0, stdout="0x10\t4\tdeadbeef\n")

# ---- a second plugin: a link, an exerciser, a binding of the sample's layer in its bind phase --
E = [*P, "--plugin", lib("extras")]
expect("plugin link", [*E, "decode", "--link", "extras", "00 2a"], 0, "ExtrasCounter (counter: 42)\n")
expect("bind phase binding of another plugin's layer", [*E, "decode", "01 09 08 c8 7e 99 99 80 02 10 00 00 00"], 0,
       "MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999, cmd_code: 0x02, rq: 1) / "
       "SAMPLE-VENDOR (cmd=0x10, status=0, seq=0, len=0)\n")

shutil.rmtree(SCRATCH, ignore_errors=True)
finish()
