#!/usr/bin/env python3
"""Golden summaries through `mctpkit decode -r`, with the tool's diagnostic markers.

Usage: check_golden.py MCTPKIT VECTORS.tsv [--show N]

VECTORS.tsv holds "<link>: <hex>\t<expected summary>" lines (the shared vector files). Every
packet is decoded by one `decode -r` run. The tool ends the summary of a packet that has
warnings or errors with markers (" [bad PEC 0xF5, expected 0xF4]", " [truncated]"); the golden
summaries know nothing of them, so they are taken off before comparing. They are checked on
their own instead:
  - each one must have the marker grammar (below) exactly;
  - a line has markers exactly when `decode -r -T json` lists a warning or error diagnostic for
    that packet, and as many as its distinct diagnostics allow (two, then "[+N more]").
Summaries compare as the shared checker does: " / "-separated layers must be equal, except that
an expected layer that is a bare word (PyMCTP printed no fields) matches anything there, and
when the expected summary ends in one, further layers may follow.
Prints "N passed, M failed" last; exits 1 if anything failed.
"""
import json
import re
import subprocess
import sys
import tempfile

BARE_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
# The markers the tool prints, from output::marker(): the kind in words, then what is known.
MARKER_WORDS = ("truncated", "malformed", "bad", "nonzero", "trailing data", "unknown type")
MARKER_GRAMMAR = re.compile(
    r"^(truncated"
    r"|malformed( [^,\[\]]+)?"
    r"|bad [^,\[\]]+ [^ ,\[\]]+, expected [^ ,\[\]]+"
    r"|malformed [^,\[\]]+ [^ ,\[\]]+, expected [^ ,\[\]]+"
    r"|nonzero [^ ,\[\]]+ 0x[0-9A-F]+"
    r"|trailing data \d+ bytes"
    r"|\+\d+ more)$")
MAX_MARKERS = 2
TRAILING_GROUP = re.compile(r" \[([^\[\]]*)\]$")


def split_markers(line):
    """(summary, markers): the bracketed groups at the end that start like a marker."""
    markers = []
    while True:
        m = TRAILING_GROUP.search(line)
        if not m:
            break
        text = m.group(1)
        if not (text.startswith(MARKER_WORDS) or text.startswith("+")):
            break
        markers.insert(0, text)
        line = line[:m.start()]
    return line, markers


def marker_problems(markers, problems_in_json):
    """What is wrong with a line's markers, given the number of distinct warning/error
    diagnostics decode -T json reported (distinct by kind, layer and text)."""
    out = [f"badly formed marker [{m}]" for m in markers if not MARKER_GRAMMAR.match(m)]
    more = [m for m in markers if m.startswith("+")]
    shown = [m for m in markers if not m.startswith("+")]
    if more and markers[-1] != more[0]:
        out.append("[+N more] is not the last marker")
    if len(shown) > MAX_MARKERS:
        out.append(f"{len(shown)} markers, at most {MAX_MARKERS} before [+N more]")
    if len(set(shown)) != len(shown):
        out.append("a marker is repeated")
    if problems_in_json == 0 and markers:
        out.append("markers on a packet without warning or error diagnostics")
    if problems_in_json > 0 and not shown:
        out.append(f"no marker for {problems_in_json} warning/error diagnostic(s)")
    if problems_in_json > 0 and shown and len(shown) + (int(more[0][1:].split()[0]) if more else 0) > problems_in_json:
        out.append(f"more markers than the {problems_in_json} diagnostic(s)")
    return out


def layers(summary):
    return [x.strip() for x in summary.split(" / ")]


def summary_matches(expected, actual):
    e, a = layers(expected), layers(actual)
    for i, want in enumerate(e):
        if i >= len(a):
            return False
        if BARE_WORD.match(want):
            if i == len(e) - 1:
                return True
            continue
        if want != a[i]:
            return False
    return len(a) == len(e)


def main():
    argv = sys.argv[1:]
    show = 10
    if "--show" in argv:
        at = argv.index("--show")
        show = int(argv[at + 1])
        del argv[at:at + 2]
    tool, vectors = argv[0], argv[1]
    rows = [line.rstrip("\n").split("\t", 1) for line in open(vectors) if line.strip()]
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as packets:
        packets.write("".join(packet + "\n" for packet, _ in rows))
        packets.flush()
        text = subprocess.run([tool, "decode", "-r", packets.name], capture_output=True, text=True, timeout=300)
        as_json = subprocess.run([tool, "decode", "-r", packets.name, "-T", "json"], capture_output=True, text=True,
                                 timeout=300)
    lines = text.stdout.splitlines()
    objects = [json.loads(line) for line in as_json.stdout.splitlines()]
    failed = 0
    tool_failed = False
    for what, run in (("decode -r", text), ("decode -r -T json", as_json)):
        if run.returncode != 0:
            tool_failed = True
            print(f"{what} exited {run.returncode}: {run.stderr.strip()[:500]}")
    for i, (packet, expected) in enumerate(rows):
        got = lines[i] if i < len(lines) else "<no line>"
        summary, markers = split_markers(got)
        diags = objects[i].get("diagnostics", []) if i < len(objects) else []
        distinct = {(d["kind"], d["layer"], d["text"]) for d in diags if d["severity"] != "info"}
        problems = marker_problems(markers, len(distinct))
        if not summary_matches(expected, summary):
            problems.append("summary differs")
        if problems:
            failed += 1
            if failed <= show:
                print(f"MISMATCH {packet}\n  expected: {expected}\n  actual:   {got}\n  " + "; ".join(problems))
    print(f"{len(rows) - failed} passed, {failed} failed")
    sys.exit(1 if failed or tool_failed else 0)


if __name__ == "__main__":
    main()
