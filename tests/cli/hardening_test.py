#!/usr/bin/env python3
"""The tool under abuse: huge and endless inputs, deep nesting, outputs that cannot be written,
captures read from FIFOs.

Usage: hardening_test.py MCTPKIT SHARED_DIR
Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import os
import subprocess
import sys
import tempfile

from cli_support import check, finish  # the shared counting and report

TOOL, SHARED = sys.argv[1], sys.argv[2]
SLL = os.path.join(SHARED, "captures", "mctp-sll.pcap")
SEED_SMBUS = "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4"


def run(args, stdin=None, stdout=subprocess.PIPE):
    p = subprocess.run([TOOL, *args], input=stdin, stdout=stdout, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout, p.stderr.decode()


# Deep stacks: refused with a message, not a stack overflow.
rc, out, err = run(["craft", "mctp/" * 25000 + "mctp"])
check("craft of 25,000 layers is refused", rc == 2 and out == b"" and
      err.startswith("mctpkit: error: more than 64 layers (the most one frame holds)\n"), f"{rc} {err[:300]!r}")
rc, out, err = run(["craft", "mctp/" * 63 + "mctp"])
# Each mctp() is a transport header (version 1, EIDs 0, SOM and EOM) and message type 0.
# (A transport header does not lead to another one: each of the 63 is a warning, not an error.)
check("craft of 64 layers builds", rc == 0 and out == (("01 00 00 C0 00 " * 64).strip() + "\n").encode() and
      err.splitlines().count("mctpkit: warning: mctp does not lead to mctp (nothing leads to it); "
                                      "it is built as given but decodes as something else") == 63 and "error" not in err
      and len(err.splitlines()) == 63,
      f"{rc} {out[:100]!r} {err[:300]!r}")

# decode -r: lines are bounded; a line without end is one error and decoding goes on.
zeros = b"\0" * 10_000_000
rc, out, err = run(["decode", "-r", "-"], stdin=zeros)
check("decode -r of 10 MB without a newline", rc == 1 and out == b"line 1: error: line longer than 65536 characters\n"
      and err == "", f"{rc} {out[:200]!r} {err!r}")
rc, out, err = run(["decode", "-r", "-", "-l", "smbus"], stdin=zeros + b"\n" + SEED_SMBUS.encode() + b"\n")
lines = out.decode().splitlines()
check("decode -r goes on after a long line", rc == 1 and len(lines) == 2 and
      lines[0] == "line 1: error: line longer than 65536 characters" and lines[1].startswith("SMBUS (dst=0x20"),
      f"{rc} {out[:300]!r}")
rc, out, err = run(["decode", "-r", "-"], stdin=b"0" * 65536 + b"\n")
check("a line of exactly the limit is read", rc == 0 and out.count(b"\n") == 1 and not out.startswith(b"line 1:"),
      f"{rc} {out[:200]!r} {err!r}")

# Output that cannot be written: exit 3 and one message.
with open("/dev/full", "wb") as full:
    rc, out, err = run(["decode", "-r", "-", "-l", "smbus"], stdin=(SEED_SMBUS + "\n").encode() * 2000, stdout=full)
    check("decode -r > /dev/full", rc == 3 and err == "mctpkit: error: cannot write to standard output\n", f"{rc} {err!r}")
    rc, out, err = run(["analyze", SLL], stdout=full)
    check("analyze > /dev/full", rc == 3 and err == "mctpkit: error: cannot write to standard output\n", f"{rc} {err!r}")
    rc, out, err = run(["craft", "mctp(dst=9,src=8,to=1)/pldm(rq=1,iid=3,type=base,cmd=get_tid)"], stdout=full)
    check("craft > /dev/full", rc == 3 and err == "mctpkit: error: cannot write to standard output\n", f"{rc} {err!r}")
rc, out, err = run(["analyze", "-q", "-w", "/dev/full", SLL])
check("analyze -q -w /dev/full", rc == 3 and out == b"" and
      err == "mctpkit: error: cannot write to '/dev/full': No space left on device\n", f"{rc} {err!r}")

# A capture read from a FIFO is read once: every packet, no count pass.
with tempfile.TemporaryDirectory() as d:
    # Frames 1-35 and, after frame 29, the message it completes (frame numbers of a message are
    # those of its last packet).
    every_frame = "".join(f"{n}\n" for n in range(1, 30)) + "".join(f"{n}\n" for n in range(29, 36))
    for args, want in ((["-T", "fields", "-e", "frame.number"], every_frame), ([], None)):
        fifo = os.path.join(d, "capture")
        os.mkfifo(fifo)
        writer = subprocess.Popen(["cp", SLL, fifo])
        try:
            rc, out, err = run(["analyze", fifo, *args])
        finally:
            try:
                writer.wait(timeout=30)
            except subprocess.TimeoutExpired:
                writer.kill()
                writer.wait()
        os.unlink(fifo)
        text = out.decode()
        if want is not None:
            check("analyze FIFO gives all 35 packets", rc == 0 and text == want and err == "", f"{rc} {text!r} {err!r}")
        else:
            first = text.splitlines()[:2]
            check("analyze FIFO summary has no count pass", rc == 0 and first[0] == f"Analyzing {fifo} (pcap)" and
                  not first[1].startswith("Total packets") and text.count("\n") > 35 and err == "",
                  f"{rc} {text[:300]!r} {err!r}")
rc, out, err = run(["analyze", SLL])
check("analyze of a regular file still counts", rc == 0 and out.decode().splitlines()[1] == "Total packets: 35",
      f"{rc} {out[:200]!r}")

# Filters: deep nesting is refused before the rest of the text is read.
rc, out, err = run(["analyze", SLL, "-q", "-Y", "(" * 300 + " $"])
check("a filter nested too deeply", rc == 2 and err.startswith("mctpkit: error: bad filter: filter nested too deeply at column 202\n"),
      f"{rc} {err[:300]!r}")

finish()
