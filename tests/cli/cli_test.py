#!/usr/bin/env python3
"""Exact outputs, errors and exit codes of the mctpkit command-line tool.

Usage: cli_test.py MCTPKIT SHARED_DIR
Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import json
import os
import subprocess
import sys
import tempfile

from cli_support import check, expect, finish, run, setup

TOOL, SHARED = setup(sys.argv)

SEED_SMBUS = "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4"
SEED_SUMMARY = ("SMBUS (dst=0x20, src=0x65, byte_count=12, pec=0xF4) / MCTP 1:0 (0A <-- 43) (S:E) CTRL / "
                "CONTROL RSP (instance_id: 26, cmd_code=1, completion_code=0) / SetEndpointIDPacket "
                "(assign_status: accepted, eid_alloc_status: no_pool, eid_setting: 0x43, eid_pool_size: 0)")
CRAFT_EXPR = ("smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/"
              "control(rq=1,iid=0x11,cmd=set_endpoint_id)/set_endpoint_id(op=set,eid=29)")


expect("version", ["--version"], 0, "mctpkit 0.1.0\n")
expect("no command", [], 2, "", "mctpkit: error: no command given; 'mctpkit --help' lists the commands\n")
expect("help lists exit codes", ["--help"], 0, stdout_has="3  a file could not be opened or written")

# decode: one packet from the command line
expect("decode seed example", ["decode", "--link", "smbus", *SEED_SMBUS.split()], 0, SEED_SUMMARY + "\n")
expect("decode hex without spaces", ["decode", "-l", "smbus", SEED_SMBUS.replace(" ", "")], 0, SEED_SUMMARY + "\n")
expect("decode link prefix in the bytes", ["decode", "smbus:", *SEED_SMBUS.split()], 0, SEED_SUMMARY + "\n")
expect("decode unknown link", ["decode", "--link", "nope", "01"], 2, "", "unknown link 'nope'")
expect("decode bad hex", ["decode", "01 0g"], 2, "", "mctpkit: error: column 4: not hex: '0g'\n")
expect("decode: a hex dump on standard input names the line of a fault", ["decode"], 2, stdout="",
       stderr="mctpkit: error: line 2, column 7: not hex: 'zz 02'\n", stdin="01 09 08 c8\n00 81 zz 02\n")
expect("decode nothing", ["decode"], 2, "", "give the packet's hex bytes, -r FILE, or the bytes on standard input")

# decode -r: one output line per packet line, errors in place, comments and blanks skipped
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    f.write("# a comment line\n\nsmbus: " + SEED_SMBUS + "  # trailing comment\n"
            "this is not hex\n"
            "01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00\n"
            "foo: 01 02\n")
    packet_file = f.name
rc, out, err = run("decode", "-r", packet_file)
lines = out.splitlines()
check("decode file exit code", rc == 1, f"exit {rc}")
check("decode file line count", len(lines) == 4, out)
check("decode file packet 1", lines[0] == SEED_SUMMARY, lines[0] if lines else "")
check("decode file bad line", lines[1] == "line 4: error: column 1: not hex: 'this is not hex'", lines[1])
check("decode file packet 2", lines[2].startswith("MCTP 0:5 (0B <-- 0A) (S:E) CTRL / CONTROL RSP"), lines[2])
check("decode file unknown link", lines[3].startswith("line 6: error: unknown link 'foo' (links: "), lines[3])
expect("decode from stdin", ["decode", "-r", "-"], 0, SEED_SUMMARY + "\n", stdin="smbus: " + SEED_SMBUS + "\n")
expect("decode missing file", ["decode", "-r", "/nonexistent/file"], 3, "", "cannot open '/nonexistent/file'")

# strict mode and diagnostics
bad_pec = SEED_SMBUS[:-2] + "F5"
expect("strict rejects a bad PEC", ["decode", "--strict", "-l", "smbus", bad_pec], 1,
       "error: bad-checksum at byte 15 in smbus: PEC 0xF5 does not match the computed 0xF4\n")
expect("diagnostics below the summary", ["decode", "-D", "-l", "smbus", bad_pec], 0,
       SEED_SUMMARY.replace("pec=0xF4", "pec=0xF5") + " [bad PEC 0xF5, expected 0xF4]\n"
       "    warning bad-checksum at byte 15 in smbus: PEC 0xF5 does not match the computed 0xF4\n")

# detailed tree and JSON
out = expect("tree", ["decode", "-V", "-l", "smbus", SEED_SMBUS], 0)
for needle in ["Frame: 16 bytes on link smbus", "SMBus/I2C binding (DSP0237) (bytes 0-16)",
               "    Destination address (7-bit): 0x10 [smbus.dst]", "    Byte count: 12 [smbus.byte_count]",
               "    Message type: control (0x00) [mctp.msg_type]",
               "    Command code: set_endpoint_id (0x01) [mctpc.command]",
               "    EID assignment status: accepted (0) [mctpc.set_eid.assign_status]",
               "    EID setting: 0x43 [mctpc.set_eid.eid_setting]"]:
    check("tree has " + needle.strip(), needle + "\n" in out, out)
out = expect("json", ["decode", "-T", "json", "-l", "smbus", SEED_SMBUS], 0)
try:
    obj = json.loads(out)
    check("json summary", obj["summary"] == SEED_SUMMARY, out)
    check("json fields", obj["layers"][3]["fields"]["mctpc.set_eid.eid_setting"] == 0x43, out)
    check("json layer ids", [l["layer"] for l in obj["layers"]] ==
          ["smbus", "mctp", "control", "set_endpoint_id_rsp"], out)
    check("json diagnostics", obj["diagnostics"] == [], out)
except (ValueError, KeyError, IndexError) as e:
    check("json parses", False, f"{e}: {out}")
out = expect("hexdump", ["decode", "-x", "-l", "smbus", SEED_SMBUS], 0)
check("hexdump line", "0000  20 0F 0C 65 01 0A 43 D0  00 1A 01 00 00 43 00 F4   ..e..C......C..\n" in out, out)

# craft
expect("craft seed example", ["craft", CRAFT_EXPR], 0, "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC\n")
expect("craft without PEC", ["craft", CRAFT_EXPR.replace("src=0x10)", "src=0x10,pec=none)")], 0,
       "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D\n")
expect("craft with a wrong PEC on purpose", ["craft", CRAFT_EXPR.replace("src=0x10)", "src=0x10,pec=0x00)")], 0,
       "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D 00\n")
expect("craft with a wrong byte count on purpose",
       ["craft", CRAFT_EXPR.replace("src=0x10)", "src=0x10,byte_count=3)")], 0,
       "64 0F 03 21 01 00 0A CF 00 91 01 00 1D 1B\n")
expect("craft derives types and commands", ["craft", "mctp(dst=8,src=9,to=1)/control(iid=1)/get_endpoint_id()"], 0,
       "01 08 09 C8 00 81 02\n")
expect("craft a response by its rq bit",
       ["craft", "mctp(dst=9,src=8)/control(rq=0,iid=1)/get_endpoint_id(eid=9,endpoint_type=busowner)"], 0,
       "01 09 08 C0 00 01 02 00 09 10 00\n")
expect("craft a list", ["craft", "mctp(dst=9,src=8)/control(rq=0)/get_mctp_version_support(versions=[0xF1F3F100,0xF1F0FF00])"],
       0, "01 09 08 C0 00 00 04 00 02 F1 F3 F1 00 F1 F0 FF 00\n")
expect("craft a list of structures",
       ["craft", "mctp(dst=9,src=8)/control(rq=0)/get_routing_table_entries(next_handle=0xFF,"
                 "entries=[(range_size=1,start_eid=0x0A,medium=4,phys_addr=00)])"],
       0, "01 09 08 C0 00 00 0A 00 FF 01 01 0A 00 00 04 01 00\n")
out = expect("craft -V shows what was built", ["craft", "-V", CRAFT_EXPR], 0)
check("craft tree has the derived PEC", "    PEC: 0xFC [smbus.pec]\n" in out, out)
expect("craft unknown layer", ["craft", "mctp()/nope()"], 2, "", "unknown layer 'nope' ('mctpkit layers' lists them)\n")
expect("craft unknown field", ["craft", "mctp(dts=1)"], 2, "",
       "mctp has no field 'dts'; its fields are: reserved, version, dst, src, som, eom, pkt_seq, to, tag, ic, msg_type")
expect("craft bad enum name", ["craft", "mctp()/control()/set_endpoint_id(op=sett)"], 2, "",
       "'sett' is neither a number nor a name; names are: set, force, reset, set_disc")
expect("craft value too wide", ["craft", "mctp(tag=9)"], 2, "", "mctp.tag: value 9 does not fit in 3 bits")
rc, out, err = run("craft", "mctp(tag=9)")
check("craft error points at the column", err.endswith("  mctp(tag=9)\n           ^\n"), err)
expect("craft syntax error", ["craft", "mctp(dst=1"], 2, "", "expected ')'")

# serial FCS: raw by default (Linux, libmctp, PyMCTP; FCS 0x7D08 here), escaped on request
SERIAL_EXPR = "serial()/mctp(dst=9,src=8,to=1,tag=1)/pldm(rq=1,iid=29,type=base,cmd=2)/get_tid()"
expect("craft serial sends the FCS raw", ["craft", SERIAL_EXPR], 0, "7E 01 08 01 09 08 C9 01 9D 00 02 7D 08 7E\n")

# layers
out = expect("layers lists craft names", ["layers"], 0)
check("layers has set_endpoint_id", "set_endpoint_id " in out and "Links:" in out, out)
out = expect("layers shows fields", ["layers", "set_endpoint_id"], 0)
check("layers shows op values", "values: set=0, force=1, reset=2, set_disc=3" in out, out)
check("layers names a reserved field once", "  reserved               6 bits     Reserved [mctpc.set_eid.reserved]\n" in out
      and "  reserved2              2 bits     Reserved [mctpc.set_eid.reserved2]\n" in out, out)
expect("layers unknown", ["layers", "nope"], 2, "", "no layer named 'nope'")

# analyze (library behaviour is tested in tests/analysis; here the options and exit codes)
sll = os.path.join(SHARED, "captures", "mctp-sll.pcap")
text = os.path.join(SHARED, "captures", "tcpdump-text", "tcpdump-sll-x.txt")
out = expect("analyze", ["analyze", sll], 0)
check("analyze header", out.startswith(f"Analyzing {sll} (pcap)\nTotal packets: 35\n"), out[:200])
out = expect("analyze-tcpdump alias with -tz and -d", ["analyze-tcpdump", text, "-tz", "America/New_York", "-d", "2024-03-20"], 0)
check("analyze text times", "\n2024-03-21T02:13:20+00:00: [  9] / MCTP 0:0 (00 <-- 08)" in out, out[:300])
expect("analyze --no-dst accepted", ["analyze", text, "--timezone", "UTC", "--date", "2024-03-20", "--no-dst", "-c", "1", "-T", "fields", "-e", "frame.time"], 0,
       "2024-03-20T22:13:20+00:00\n")
expect("analyze bad date", ["analyze", text, "--date", "2024-3-20"], 2, "",
       stderr="mctpkit: error: Invalid date format '2024-3-20'. Expected YYYY-MM-DD.\n")
expect("analyze bad zone", ["analyze", text, "--timezone", "Nowhere/Town"], 2, "", stderr="mctpkit: error: Unknown time zone 'Nowhere/Town'.\n")
expect("analyze missing file", ["analyze", "/nonexistent.pcap"], 3, "", stderr="mctpkit: error: cannot open '/nonexistent.pcap': No such file or directory\n")
expect("analyze bad filter", ["analyze", sll, "-Y", "mctp.src =="], 2, "",
       stderr="mctpkit: error: bad filter: expected a value after '==' at column 12\n    mctp.src ==\n               ^\n")
expect("analyze fields need -e", ["analyze", sll, "-T", "fields"], 2, "", "-T fields needs at least one -e FIELD")
with open(sll, "rb") as f:
    data = f.read()
p = subprocess.run([TOOL, "analyze", "-", "-c", "2", "-T", "fields", "-e", "frame.number", "-e", "mctp.dst"],
                   input=data, capture_output=True, timeout=60)
check("analyze from stdin", p.returncode == 0 and p.stdout == b"1\t0x00\n2\t0x08\n", repr(p))
with tempfile.TemporaryDirectory() as d:
    written = os.path.join(d, "out.pcap")
    expect("craft -w writes a pcap", ["craft", "-w", written, CRAFT_EXPR], 0, "64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC\n")
    out = expect("the written pcap analyzes", ["analyze", written, "-T", "fields", "-e", "mctpc.set_eid.eid"], 0, "0x1d\n")
rc, out, err = run("craft", "--mtu", "64", "mctp(dst=9,src=8,to=1,tag=1)/vdm_pci(vendor_id=0x1234)/vdm_data(data=" + "AB" * 70 + ")")
pk = out.splitlines()
check("craft --mtu packet count and flags", len(pk) == 2 and pk[0].startswith("01 09 08 89 7E 12 34") and pk[1].startswith("01 09 08 59"), out + err)
check("craft --mtu first packet is 68 bytes", len(pk) == 2 and len(pk[0].split()) == 68, out)

os.unlink(packet_file)
finish()
