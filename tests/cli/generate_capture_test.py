#!/usr/bin/env python3
"""The benchmark's capture generator (scripts/generate-capture.py): its arguments, its errors, and
captures the tool reads alike over SLL and over SMBus, in pcap and in pcapng, with every checksum
good.

Usage: generate_capture_test.py MCTPKIT SHARED_DIR
"""
import os
import subprocess
import sys
import tempfile

from cli_support import check, finish, run, setup

setup(sys.argv)
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts", "generate-capture.py")
SAMPLE_PACKETS = 35  # samples/packets.txt


def generate(*args):
    p = subprocess.run([sys.executable, SCRIPT, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def read(path):
    with open(path, "rb") as f:
        return f.read()


with tempfile.TemporaryDirectory() as work:
    code, out, err = generate("--help")
    check("--help explains the arguments", code == 0 and out.startswith(
        "usage: generate-capture.py [-h] [--smbus] [--pcapng] OUT [PACKETS]\n") and "--smbus" in out and
          "--pcapng" in out, out + err)

    code, out, err = generate(os.path.join(work, "x.pcap"), "many")
    check("a count that is no number is refused", code == 2 and err.endswith(
        "generate-capture.py: error: argument PACKETS: 'many' is not a whole number\n"), err)
    code, out, err = generate(os.path.join(work, "x.pcap"), "--", "-3")
    check("a negative count is refused", code == 2 and err.endswith(
        "generate-capture.py: error: argument PACKETS: -3 is negative\n"), err)
    missing = os.path.join(work, "no-such-folder", "x.pcap")
    code, out, err = generate(missing)
    check("an unwritable path is an error, not a traceback",
          code == 1 and err == f"generate-capture.py: error: cannot write {missing}: No such file or directory\n", err)

    empty = os.path.join(work, "empty.pcap")
    generate(empty, "0")
    check("no packets: the pcap file header alone (microseconds, SLL)",
          read(empty) == bytes.fromhex("d4c3b2a1020004000000000000000000ffff000071000000"), read(empty).hex())
    empty_ng = os.path.join(work, "empty.pcapng")
    generate(empty_ng, "0", "--smbus", "--pcapng")
    check("no packets in pcapng: a section header (1.0, length unknown) and an I2C interface",
          read(empty_ng) == bytes.fromhex("0a0d0d0a1c0000004d3c2b1a01000000ffffffffffffffff1c000000"
                                          "0100000014000000d1000000ffff000014000000"), read(empty_ng).hex())

    grouped, plain = os.path.join(work, "grouped.pcap"), os.path.join(work, "plain.pcap")
    generate(grouped, "1,000")
    generate(plain, "1000")
    check("1,000 is read as 1000", read(grouped) == read(plain))

    # One packet past the sample exchange, which then starts again.
    count = SAMPLE_PACKETS + 1
    sll, smbus = os.path.join(work, "sll.pcap"), os.path.join(work, "smbus.pcap")
    generate(sll, str(count))
    generate(smbus, str(count), "--smbus")
    fields = ["-T", "fields", "-e", "frame.number", "-e", "mctp.src", "-e", "mctp.dst", "-e", "mctp.tag"]
    code_sll, lines_sll, err_sll = run("analyze", sll, *fields)
    code_smbus, lines_smbus, err_smbus = run("analyze", smbus, *fields)
    # A message of several packets has a line of its own after its last packet: the first line of
    # each frame number is its packet's.
    packets = {}
    for row in lines_sll.splitlines():
        number, rest = row.split("\t", 1)
        packets.setdefault(int(number), rest)
    check("the SLL capture holds every packet", code_sll == 0 and sorted(packets) == list(range(1, count + 1)),
          lines_sll + err_sll)
    check("the SMBus capture carries the same MCTP packets", code_smbus == 0 and lines_smbus == lines_sll,
          lines_smbus + err_smbus)
    check("the exchange starts again after its last packet", packets.get(count) == packets.get(1), lines_sll)
    stats = {}
    for name, path in (("SLL", sll), ("SMBus", smbus)):
        code, stats[name], err = run("analyze", path, "--stats", "-q")
        check(f"the {name} capture has no bad checksum, and no diagnostic but its two vendor messages' types",
              code == 0 and f"Packets: {count}\n" in stats[name] and
              "Bad checksums (PEC, FCS, MIC) by layer: none\n" in stats[name] and
              "Decode diagnostics by kind:\n  unknown-type                                                     2\n"
              "  unknown-type in frames 34, 35\n" in stats[name], stats[name] + err)
    check("the SLL and SMBus captures give the same statistics", stats["SLL"] == stats["SMBus"])
    for name, path, extra in (("SLL", sll, ()), ("SMBus", smbus, ("--smbus",))):
        as_pcapng = path + "ng"
        generate(as_pcapng, str(count), "--pcapng", *extra)
        code_pcap, out_pcap, err_pcap = run("analyze", path, "-V")
        code_ng, out_ng, err_ng = run("analyze", as_pcapng, "-V")
        check(f"the {name} capture as pcapng reads as the pcap does, times included",
              code_pcap == 0 and code_ng == 0 and out_ng == out_pcap and
              f"Packet {count} at 2023-11-14T22:13:20.003500+00:00\n" in out_ng, out_ng + err_ng + err_pcap)
    code, out, err = run("analyze", sll, "-c", "2")
    check("one packet every 100 microseconds from 2023-11-14T22:13:20Z", code == 0 and [
        line.split(": ", 1)[0] for line in out.splitlines()[2:]] == [
        "2023-11-14T22:13:20+00:00", "2023-11-14T22:13:20.000100+00:00"], out + err)

finish()
