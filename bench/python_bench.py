#!/usr/bin/env python3
"""Decoding speed from Python against the command-line tool (a measurement, not a test).

Usage: PYTHONPATH=BUILD/python /usr/bin/python3 bench/python_bench.py BUILD [PACKETS]
BUILD is a build folder holding the module (BUILD/python) and the tool; PACKETS (default
1,000,000) is the size of the capture written by scripts/generate-capture.py.

Reports packets per second of CPU time (time.process_time) for: the shared golden vectors
decoded and summarised; the capture iterated with and without summaries; and `mctpkit analyze -q`
and `mctpkit analyze` (summaries) on the same capture (child CPU time), with the ratios.
"""
import os
import pathlib
import resource
import subprocess
import sys
import time

import mctpkit

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = pathlib.Path(os.environ.get("MCTPKIT_SHARED_DIR", ROOT.parent / "shared"))


def rate(n, seconds):
    return n / seconds if seconds > 0 else float("inf")


def vectors():
    rows = []
    for path in sorted((SHARED / "vectors").glob("*.tsv")):
        for line in path.read_text().splitlines():
            if line.strip():
                link, hex_text = line.split("\t", 1)[0].split(":", 1)
                rows.append((bytes.fromhex(hex_text), link.strip()))
    return rows


def bench_vectors(rounds=200):
    rows = vectors()
    decode = mctpkit.decode
    start = time.process_time()
    for _ in range(rounds):
        for data, link in rows:
            decode(data, link).summary()
    return len(rows) * rounds, time.process_time() - start


def bench_capture(path, summaries):
    start = time.process_time()
    n = 0
    for packet in mctpkit.read_capture(path, messages=False):
        if summaries:
            packet.summary()
        n += 1
    return n, time.process_time() - start


def bench_cli(tool, path, args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([tool, "analyze", str(path), *args], stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    build = pathlib.Path(sys.argv[1])
    packets = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    tool = build / "tools" / "mctpkit" / "mctpkit"
    capture = build / f"python-bench-{packets}.pcap"
    if not capture.exists():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "generate-capture.py"), str(capture), str(packets)],
                       check=True)

    n, t = bench_vectors()
    print(f"golden vectors, decode + summary:    {n:9d} packets {t:7.2f} s CPU {rate(n, t):12,.0f} packets/s")
    n_plain, t_plain = bench_capture(capture, summaries=False)
    print(f"capture iteration, no summaries:     {n_plain:9d} packets {t_plain:7.2f} s CPU {rate(n_plain, t_plain):12,.0f} packets/s")
    n_sum, t_sum = bench_capture(capture, summaries=True)
    print(f"capture iteration, with summaries:   {n_sum:9d} packets {t_sum:7.2f} s CPU {rate(n_sum, t_sum):12,.0f} packets/s")
    cli_quiet = bench_cli(tool, capture, ["-q"])
    print(f"mctpkit analyze -q (CLI):            {packets:9d} packets {cli_quiet:7.2f} s CPU {rate(packets, cli_quiet):12,.0f} packets/s")
    cli_lines = bench_cli(tool, capture, [])
    print(f"mctpkit analyze (CLI, summaries):    {packets:9d} packets {cli_lines:7.2f} s CPU {rate(packets, cli_lines):12,.0f} packets/s")
    print(f"Python / CLI CPU time: no summaries {t_plain / cli_quiet:.2f}x, with summaries {t_sum / cli_lines:.2f}x")


if __name__ == "__main__":
    main()
