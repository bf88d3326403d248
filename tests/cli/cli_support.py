"""Helpers shared by the command-line tests: run the tool, compare, count, report.

Each test file calls `setup(sys.argv)` first and `finish()` last; `finish` prints
"N passed, M failed" and exits 1 when anything failed.
"""
import socket
import subprocess
import sys

TOOL = None
SHARED = None
results = {"passed": 0, "failed": 0}


def setup(argv):
    global TOOL, SHARED
    TOOL, SHARED = argv[1], argv[2]
    return TOOL, SHARED


def run(*args, stdin=None):
    p = subprocess.run([TOOL, *args], input=stdin, capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


def check(name, condition, detail=""):
    if condition:
        results["passed"] += 1
    else:
        results["failed"] += 1
        print(f"FAIL {name}\n{detail}")


def expect(name, args, code, stdout=None, stderr_has=None, stdin=None, stdout_has=None, stderr=None):
    rc, out, err = run(*args, stdin=stdin)
    ok = rc == code
    if stdout is not None:
        ok = ok and out == stdout
    if stdout_has is not None:
        ok = ok and stdout_has in out
    if stderr_has is not None:
        ok = ok and stderr_has in err
    if stderr is not None:
        ok = ok and err == stderr
    check(name, ok, f"  exit {rc} (want {code})\n  stdout: {out!r}\n  stderr: {err!r}")
    return out


def finish():
    print(f"{results['passed']} passed, {results['failed']} failed")
    sys.exit(1 if results["failed"] else 0)


# ---- checksums of the bindings, computed independently of the tool ----------------------------

def crc8(data):
    """SMBus PEC (CRC-8, polynomial 0x07), written from DSP0237."""
    c = 0
    for b in data:
        c ^= b
        for _ in range(8):
            c = ((c << 1) ^ 0x07) & 0xFF if c & 0x80 else (c << 1) & 0xFF
    return c


def fcs16(data):
    """The serial binding's FCS as the Linux, libmctp and mctp-rs stacks compute it: CRC-16,
    reflected polynomial 0x8408, initial value 0xFFFF, no final XOR."""
    c = 0xFFFF
    for b in data:
        c ^= b
        for _ in range(8):
            c = (c >> 1) ^ 0x8408 if c & 1 else c >> 1
    return c


def free_udp_port():
    """A UDP port on 127.0.0.1 that nothing holds now."""
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
