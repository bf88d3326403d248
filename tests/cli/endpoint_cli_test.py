#!/usr/bin/env python3
"""`mctpkit endpoint`: options, configuration errors and exit codes.

Usage: endpoint_cli_test.py MCTPKIT SHARED_DIR
Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import os
import subprocess
import sys
import tempfile

TOOL, SHARED = sys.argv[1], sys.argv[2]
results = {"passed": 0, "failed": 0}
SMALLEST = ('{"physical_address": "0x10", "static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00", '
            '"message_types": ["control", "pldm"]}')


def run(*args):
    p = subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout, p.stderr


def expect(name, args, code, stderr=None, stdout_has=None):
    rc, out, err = run(*args)
    ok = rc == code and (stderr is None or err == stderr) and (stdout_has is None or stdout_has in out)
    if ok:
        results["passed"] += 1
    else:
        results["failed"] += 1
        print(f"FAIL {name}\n  exit {rc} (want {code})\n  stdout: {out!r}\n  stderr: {err!r}")


with tempfile.TemporaryDirectory() as tmp:
    def config(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    good = config("ep.json", SMALLEST)
    expect("help", ["endpoint", "--help"], 0, stdout_has="--replay")
    expect("config required", ["endpoint", "--via", "loopback"], 2)
    expect("missing config file", ["endpoint", "--via", "x", "--config", os.path.join(tmp, "none.json")], 2)
    expect("bad JSON", ["endpoint", "--via", "x", "--config", config("bad.json", "{")], 1)
    expect("bad key", ["endpoint", "--via", "x", "--config", config("key.json", SMALLEST[:-1] + ', "mtu": 0}')], 1,
           "mctpkit: error: mtu: must be between 1 and 65535\n")
    expect("bad value names the endpoint",
           ["endpoint", "--via", "x", "--config",
            config("multi.json", '{"endpoints": [' + SMALLEST + ', {"uuid": "x"}]}')], 1,
           "mctpkit: error: endpoints[1].uuid: 'x' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)\n")
    expect("unknown transport", ["endpoint", "--via", "nosuch:a=1", "--config", good], 2)

print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(1 if results["failed"] else 0)
