#!/usr/bin/env python3
"""Damaged packets in everyday use: markers after summaries, -D, --strict and exit codes, JSON
streams that hold JSON only, diagnostics in filters and statistics, -w that keeps whole messages
and the capture's link, frame numbers and local times, and the tool's one error prefix.

Usage: diagnostics_test.py MCTPKIT SHARED_DIR
"""
import json
import os
import struct
import sys
import tempfile
import time

from cli_support import check, expect, finish, run, setup

TOOL, SHARED = setup(sys.argv)
SLL = os.path.join(SHARED, "captures", "mctp-sll.pcap")
SLL_TEXT = os.path.join(SHARED, "captures", "tcpdump-text", "tcpdump-sll.txt")
work = tempfile.TemporaryDirectory()


def path(name):
    return os.path.join(work.name, name)


def write_pcap(name, link_type, records):
    """records: (seconds, microseconds, bytes after the link header, link header bytes)."""
    with open(path(name), "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, link_type))
        for sec, usec, data, header in records:
            body = header + data
            f.write(struct.pack("<IIII", sec, usec, len(body), len(body)) + body)
    return path(name)


def read_pcap(file_path):
    """(link type, [(seconds, microseconds, record bytes)])."""
    with open(file_path, "rb") as f:
        blob = f.read()
    link_type = struct.unpack_from("<I", blob, 20)[0]
    records, at = [], 24
    while at < len(blob):
        sec, usec, incl, _ = struct.unpack_from("<IIII", blob, at)
        records.append((sec, usec, blob[at + 16:at + 16 + incl]))
        at += 16 + incl
    return link_type, records


# ---- decode: markers, -D, --strict, exit codes ---------------------------------------------------
BAD_PEC = "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F5"
SET_EID = ("SMBUS (dst=0x20, src=0x65, byte_count=12, pec=0xF5) / MCTP 1:0 (0A <-- 43) (S:E) CTRL / CONTROL RSP "
           "(instance_id: 26, cmd_code=1, completion_code=0) / SetEndpointIDPacket (assign_status: accepted, "
           "eid_alloc_status: no_pool, eid_setting: 0x43, eid_pool_size: 0)")
PEC_TEXT = "bad-checksum at byte 15 in smbus: PEC 0xF5 does not match the computed 0xF4"
expect("a bad PEC is marked after the summary; the decode still succeeds", ["decode", "--link", "smbus", BAD_PEC], 0,
       SET_EID + " [bad PEC 0xF5, expected 0xF4]\n", stderr="")
expect("-D lists the diagnostic in full below the marked summary", ["decode", "--link", "smbus", "-D", BAD_PEC], 0,
       SET_EID + " [bad PEC 0xF5, expected 0xF4]\n    warning " + PEC_TEXT + "\n")
expect("--strict refuses it with one error line (no doubled severity) and exit code 1",
       ["decode", "--link", "smbus", "--strict", BAD_PEC], 1, "error: " + PEC_TEXT + "\n")
expect("a truncated packet is marked, and so is the PEC it lacks", ["decode", "--link", "smbus", "20 0F 0C 65 01 0A 43 D0 00 1A 01"],
       0, "SMBUS (dst=0x20, src=0x65, byte_count=12) / MCTP 1:0 (0A <-- 43) (S:E) CTRL / CONTROL RSP (instance_id: 26, "
          "cmd_code=1, completion_code=0) [truncated] [malformed PEC missing]\n")
expect("two markers at most, then a count of the rest",
       ["decode", "--link", "smbus", "20 0F 09 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4"], 0,
       "SMBUS (dst=0x20, src=0x65, byte_count=9, pec=0x00) / MCTP 1:0 (0A <-- 43) (S:E) CTRL / CONTROL RSP "
       "(instance_id: 26, cmd_code=1, completion_code=0) / SetEndpointIDPacket (assign_status: accepted, "
       "eid_alloc_status: no_pool, eid_setting: 0x00, eid_pool_size: 0) [malformed byte_count 9, expected 12] "
       "[bad PEC 0x00, expected 0x88] [+1 more]\n")
expect("bytes after the message are marked", ["decode", "01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00 07 07"], 0,
       "MCTP 0:5 (0B <-- 0A) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=10, completion_code=0) / "
       "GetRoutingTableEntries (next_hdl=0xFF, cnt=1)  [0x0A:1] / Raw [trailing data 2 bytes]\n")
expect("an unknown message type is information, not a problem: no marker", ["decode", "01 09 08 c8 70 01"], 0,
       "MCTP 0:0 (09 <-- 08) (S:E:TO) 0x70 / Raw\n")

lines = path("lines.txt")
with open(lines, "w") as f:
    f.write(f"smbus: {BAD_PEC}\nnot hex\n01 09 08 c8 00 81 02\n")
expect("decode -r: markers in place, a bad line in place, exit code 1 for the bad line", ["decode", "-r", lines], 1,
       SET_EID + " [bad PEC 0xF5, expected 0xF4]\nline 2: error: column 1: not hex: 'not hex'\n"
       "MCTP 0:0 (09 <-- 08) (S:E:TO) CTRL / CONTROL REQ (instance_id: 1, cmd_code=2) / GetEndpointID ()\n")
out = expect("decode -r -T json: a bad line is a JSON object of its own", ["decode", "-r", lines, "-T", "json"], 1)
objects = [json.loads(line) for line in out.splitlines()]
check("  every line is JSON: packet, error, packet",
      len(objects) == 3 and objects[1] == {"line": 2, "error": "column 1: not hex: 'not hex'"}
      and objects[0]["diagnostics"][0]["kind"] == "bad-checksum" and objects[2]["summary"].startswith("MCTP 0:0"), out)
expect("decode -r -T json --strict: the refusal is JSON too", ["decode", "-r", lines, "-T", "json", "--strict"], 1,
       stdout_has='{"line":1,"error":"' + PEC_TEXT + '"}\n{"line":2,"error":"column 1: not hex: \'not hex\'"}\n')
expect("decode -r -T json: a line too long is JSON too", ["decode", "-r", "-", "-T", "json"], 1,
       '{"line":1,"error":"line longer than 65536 characters"}\n', stdin="0" * 70000 + "\n")
expect("a pasted packet with --strict and -T json", ["decode", "--link", "smbus", "--strict", "-T", "json", BAD_PEC], 1,
       '{"error":"' + PEC_TEXT + '"}\n')

# ---- analyze: markers, -D, -N, filters on diagnostics and frames, --stats ----------------------------
REQUEST = bytes.fromhex("3A0F08210109 08C9008102 33".replace(" ", ""))
REQUEST2 = bytes.fromhex("3A0F08210109 08CA008202 36".replace(" ", ""))
RESPONSE = bytes.fromhex("200F0C3B010809C10001020009 0000BA".replace(" ", ""))
BAD_RESPONSE = RESPONSE[:-1] + b"\xBB"
I2C_HEADER = b"\x00\x00\x00\x00\x00"
i2c = write_pcap("i2c.pcap", 209, [(1700000000, 0, REQUEST, I2C_HEADER), (1700000000, 1500, BAD_RESPONSE, I2C_HEADER),
                                   (1700000001, 0, REQUEST2, I2C_HEADER)])
REQ_LINE = ("SMBUS (dst=0x3A, src=0x21, byte_count=8, pec=0x33) / MCTP 0:1 (09 <-- 08) (S:E:TO) CTRL / CONTROL REQ "
            "(instance_id: 1, cmd_code=2) / GetEndpointID ()")
REQ2_LINE = ("SMBUS (dst=0x3A, src=0x21, byte_count=8, pec=0x36) / MCTP 0:2 (09 <-- 08) (S:E:TO) CTRL / CONTROL REQ "
             "(instance_id: 2, cmd_code=2) / GetEndpointID ()")
RSP_LINE = ("SMBUS (dst=0x20, src=0x3B, byte_count=12, pec=0xBB) / MCTP 0:1 (08 <-- 09) (S:E) CTRL / CONTROL RSP "
            "(instance_id: 1, cmd_code=2, completion_code=0) / GetEndpointID (eid: 09, type: simple, eid_type: dynamic)")
# Reassembly drops a packet whose checksum fails (DSP0236), and says so in its own line.
DROPPED = ("reassembly bad-packet: packet dropped: warning bad-checksum at byte 15 in smbus: PEC 0xBB does not match "
           "the computed 0xBA")
HEAD = f"Analyzing {i2c} (pcap)\nTotal packets: 3\n"
expect("analyze marks the damaged packet and numbers the lines with -N", ["analyze", i2c, "-N"], 0,
       HEAD + f"1 2023-11-14T22:13:20+00:00: {REQ_LINE}\n"
       f"2 2023-11-14T22:13:20.001500+00:00: {RSP_LINE} [bad PEC 0xBB, expected 0xBA]\n"
       f"2 2023-11-14T22:13:20.001500+00:00: {DROPPED}\n"
       f"3 2023-11-14T22:13:21+00:00: {REQ2_LINE}\n")
expect("analyze -D like decode -D", ["analyze", i2c, "-D", "-Y", "frame.number == 2"], 0,
       HEAD + f"2023-11-14T22:13:20.001500+00:00: {RSP_LINE} [bad PEC 0xBB, expected 0xBA]\n"
       "    warning bad-checksum at byte 15 in smbus: PEC 0xBB does not match the computed 0xBA\n"
       f"2023-11-14T22:13:20.001500+00:00: {DROPPED}\n")
expect("-Y _diag.bad_checksum finds it", ["analyze", i2c, "-Y", "_diag.bad_checksum", "-T", "fields", "-e", "frame.number"],
       0, "2\n")
expect("-Y _diag and _diag.warning too; not _diag the others", ["analyze", i2c, "-Y", "not (_diag and _diag.warning)", "-T",
       "fields", "-e", "frame.number"], 0, "1\n3\n")
expect("-Y _diag.truncated: none here", ["analyze", i2c, "-Y", "_diag.truncated", "--no-reassemble"], 0, HEAD)
expect("a misspelt diagnostic kind gets a did-you-mean", ["analyze", i2c, "-Y", "_diag.bad_checksun"], 2, "",
       "mctpkit: error: bad filter: unknown field or layer '_diag.bad_checksun' at column 1 (did you mean "
       "_diag.bad_checksum?)\n    _diag.bad_checksun\n    ^~~~~~~~~~~~~~~~~~\n")
expect("_diag is tested for presence only", ["analyze", i2c, "-Y", "_diag == 1"], 2,
       stderr_has="mctpkit: error: bad filter: _diag can only be tested for presence at column 7 (write '_diag' alone)")
expect("--stats names the frames of each diagnostic kind", ["analyze", i2c, "--stats", "-q"], 0,
       stdout_has=f"Bad checksums (PEC, FCS, MIC) by layer:\n  {'smbus':<56} {1:>9}\nDecode diagnostics by kind:\n"
                  f"  {'bad-checksum':<56} {1:>9}\n  bad-checksum in frame 2\n")
expect("frame.time takes an ISO 8601 time, frame.len a length, mctp.eid either end",
       ["analyze", i2c, "-Y", 'frame.time > "2023-11-14T22:13:20.001Z" and frame.len == 16 and mctp.eid == 9', "-T",
        "fields", "-e", "frame.number", "-e", "mctp.eid"], 0, "2\t0x08,0x09\n")
expect("frame.time also takes epoch seconds", ["analyze", i2c, "-Y", "frame.time >= 1700000001", "-T", "fields", "-e",
       "frame.number"], 0, "3\n")
expect("frame.link names the link", ["analyze", i2c, "-Y", "frame.link == SMBus and frame.number in {1 3}", "-T", "fields",
       "-e", "frame.number", "-e", "frame.link"], 0, "1\tsmbus\n3\tsmbus\n")
expect("frame.link takes no order", ["analyze", i2c, "-Y", "frame.link > smbus"], 2,
       stderr_has="mctpkit: error: bad filter: frame.link cannot be compared with '>' at column 12 (frame.link takes ==, != "
                  "or in)\n")
expect("smbus.addr is either address", ["analyze", i2c, "-Y", "smbus.addr == 0x10 and frame.number < 3", "-T", "fields",
       "-e", "frame.number"], 0, "1\n2\n")
expect("--local-times prints times in --timezone", ["analyze", i2c, "-c", "1", "--local-times", "--timezone",
       "America/New_York"], 0, f"Analyzing {i2c} (pcap)\nTotal packets: 1\n2023-11-14T17:13:20-05:00: {REQ_LINE}\n")
expect("--local-times in fields too", ["analyze", i2c, "-c", "1", "--local-times", "--timezone", "Asia/Kolkata", "-T",
       "fields", "-e", "frame.time"], 0, "2023-11-15T03:43:20+05:30\n")

rc, pcap_out, _ = run("analyze", SLL)
rc_text, text_out, _ = run("analyze", SLL_TEXT, "--timezone", "UTC", "--date", "2023-11-14")
strip = lambda out: [l.split(": ", 1)[1] for l in out.splitlines()[2:]]
check("a text dump prints the same lines as the pcap it was made from", rc == rc_text == 0
      and strip(pcap_out) == strip(text_out) and strip(text_out)[0].startswith("[  9] / MCTP 0:0"),
      text_out[:400])

bad_text = path("bad.txt")
with open(bad_text, "w") as f:
    f.write("22:13:20.000000 Out ethertype Unknown (0x00fa), length 25: \n\t0x0000:  0100 08c8 0080 0100 09\n"
            "22:13:21.001000  In ethertype Unknown (0x00fa), length 27: \n\t0x0000:  0108 09c0 zzzz\n")
rc, out, err = run("analyze", bad_text, "-T", "json", "--timezone", "UTC", "--date", "2023-11-14")
check("analyze -T json of a damaged text dump: JSON on stdout, the problem on stderr",
      rc == 1 and all(json.loads(l) for l in out.splitlines()) and len(out.splitlines()) == 1
      and err.startswith(bad_text + ":"), f"{rc} {out!r} {err!r}")

# ---- -w: whole messages and the capture's link ----------------------------------------------------
copy = path("copy.pcap")
expect("-w of an I2C capture", ["analyze", i2c, "-q", "-w", copy], 0, "", stderr="")
link_type, records = read_pcap(copy)
check("  keeps link type 209 and every byte, the PEC too",
      link_type == 209 and [r[2] for r in records] == [I2C_HEADER + REQUEST, I2C_HEADER + BAD_RESPONSE, I2C_HEADER + REQUEST2]
      and [(r[0], r[1]) for r in records] == [(1700000000, 0), (1700000000, 1500), (1700000001, 0)], repr(records))

fragmented = path("fragments.pcap")
expect("craft --mtu -w writes the fragments, each with the request's TO", ["craft", "mctp(dst=9,src=8,tag=2)/control(rq=1,iid=3,cmd=get_endpoint_id)",
       "--mtu", "1", "-w", fragmented], 0, "01 09 08 8A 00\n01 09 08 1A 83\n01 09 08 6A 02\n")
_, crafted = read_pcap(fragmented)
now = time.time()
stamps = [r[0] * 1_000_000 + r[1] for r in crafted]
check("  stamped now, then one microsecond apart",
      len(stamps) == 3 and stamps[1] - stamps[0] == 1 and stamps[2] - stamps[1] == 1 and abs(stamps[0] / 1e6 - now) < 60,
      repr(stamps))
mixed = write_pcap("mixed.pcap", 113, [(1700000000 + i, 0, r[2][16:], r[2][:16]) for i, r in enumerate(crafted[:2])]
                   + [(1700000002, 0, bytes.fromhex("010908c8008102"), crafted[0][2][:16]),
                      (1700000003, 0, crafted[2][2][16:], crafted[2][2][:16])])
chosen = path("chosen.pcap")
expect("-Y on a reassembled message", ["analyze", mixed, "-Y", "mctpc.iid == 3", "-w", chosen], 0,
       f"Analyzing {mixed} (pcap)\nTotal packets: 4\n"
       "2023-11-14T22:13:23+00:00: message from frames 1, 2, 4 (3 bytes): MCTP 0:2 (09 <-- 08) (S:E:TO) CTRL / "
       "CONTROL REQ (instance_id: 3, cmd_code=2) / GetEndpointID ()\n")
link_type, records = read_pcap(chosen)
check("  -w writes every packet of the matching message, and only those",
      link_type == 113 and [r[2][16:] for r in records] == [c[2][16:] for c in crafted]
      and [r[0] for r in records] == [1700000000, 1700000001, 1700000003], repr(records))

# ---- craft -T json holds JSON only -------------------------------------------------------------------
out = expect("craft -T json prints JSON only, the bytes inside", ["craft", "mctp(dst=9,src=8)/control(rq=1,cmd=2)", "--mtu",
             "1", "-T", "json"], 0)
objects = [json.loads(line) for line in out.splitlines()]
check("  one object per packet with its hex", [o["hex"] for o in objects] == ["01 09 08 88 00", "01 09 08 18 80",
      "01 09 08 68 02"], out)
expect("craft: a response field on a request names the message it belongs to",
       ["craft", "mctp(dst=9,src=8)/control(rq=1)/set_endpoint_id(assign_status=1)"], 2, "",
       "mctpkit: error: set_endpoint_id_req has no field 'assign_status': it belongs to set_endpoint_id_rsp (Set "
       "Endpoint ID response), which control(rq=0) selects; its fields are: reserved, op, eid\n"
       "  mctp(dst=9,src=8)/control(rq=1)/set_endpoint_id(assign_status=1)\n"
       "                                                  ^\n")

# ---- one error prefix, commands named, ranges as integers ------------------------------------------
expect("craft: an expression that cannot be built as asked is a command-line error", ["craft", "raw(data=00)", "--mtu", "1"],
       2, "", "mctpkit: error: the frame has no MCTP transport layer to fragment\n")
expect("craft --strict refuses a frame that decodes with an error: exit code 1",
       ["craft", "--strict", "mctp()/control(rq=0,cc=0,cmd=get_endpoint_id)/get_endpoint_id(eid=none)"], 1, "",
       "mctpkit: error: the crafted frame decodes with error truncated at byte 10 in get_endpoint_id_rsp: data ends in "
       "field 'Medium-specific information'\n")
expect("an unknown command names itself, with a did-you-mean", ["decod", "80 02"], 2, "",
       "mctpkit: error: unknown command 'decod' (did you mean decode?); 'mctpkit --help' lists the commands\n")
expect("no command at all", [], 2, "", "mctpkit: error: no command given; 'mctpkit --help' lists the commands\n")
expect("a bad option is an error with the one prefix", ["decode", "--lnik", "smbus"], 2, "",
       "mctpkit: error: The following argument was not expected: --lnik; see --help\n")
expect("numeric bounds are whole numbers", ["analyze", SLL, "-c", "-1"], 2, "",
       "mctpkit: error: --count: must be a whole number of at least 0, not '-1'; see --help\n")
expect("craft --mtu 0", ["craft", "mctp()", "--mtu", "0"], 2, "",
       "mctpkit: error: --mtu: must be a whole number of at least 1, not '0'; see --help\n")
expect("an unknown link gets a did-you-mean", ["decode", "--link", "smbuss", "00"], 2, "",
       "mctpkit: error: unknown link 'smbuss' (did you mean smbus?); 'mctpkit decode --help' lists the links\n")
expect("decode -r of a missing file", ["decode", "-r", "/nonexistent/x.txt"], 3, "",
       "mctpkit: error: cannot open '/nonexistent/x.txt': No such file or directory\n")
expect("analyze of a missing file", ["analyze", "/nonexistent.pcap"], 3, "",
       "mctpkit: error: cannot open '/nonexistent.pcap': No such file or directory\n")
expect("a bad --date keeps PyMCTP's words after the one prefix", ["analyze", SLL, "--date", "2024-3-20"], 2, "",
       "mctpkit: error: Invalid date format '2024-3-20'. Expected YYYY-MM-DD.\n")
expect("-w to a folder that does not exist", ["analyze", SLL, "-q", "-w", "/nonexistent/x.pcap"], 3, "",
       "mctpkit: error: cannot open '/nonexistent/x.pcap' for writing: No such file or directory\n")
rc, out, _ = run("decode", "--help")
check("--help usage lines show the program name", rc == 0 and "Usage: mctpkit decode [OPTIONS] [hex...]" in out, out[:300])
rc, out, _ = run("--help")
check("the exit codes are in --help", rc == 0 and
      "  1  some input could not be decoded or parsed (reported in place; the rest was processed),\n"
      "     or --strict refused a packet (decode) or frame (craft) with a diagnostic\n" in out, out[-900:])

finish()
