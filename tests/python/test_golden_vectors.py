"""Every shared golden vector through Python's decode: the same summaries as `mctpkit decode -r`,
and each matching its expected summary by the shared rule."""

import pytest

import mctpkit
from conftest import SHARED, read_vectors, run_cli

VECTOR_FILES = sorted(p.name for p in (SHARED / "vectors").glob("*.tsv"))


def test_all_vector_files_are_found():
    assert {"seed-examples.tsv", "pymctp-control.tsv", "pymctp-pldm.tsv", "pymctp-vdm.tsv",
            "pymctp-ipmi.tsv"} <= set(VECTOR_FILES)


@pytest.mark.parametrize("name", VECTOR_FILES)
def test_python_gives_the_cli_summaries(name, tmp_path):
    rows = read_vectors(name)
    packets = tmp_path / "packets.txt"
    packets.write_text("".join(packet + "\n" for packet, _ in rows))
    cli = run_cli("decode", "-r", str(packets))
    assert cli.returncode == 0, cli.stderr
    cli_lines = cli.stdout.splitlines()
    assert len(cli_lines) == len(rows)
    differences = []
    for (packet, _), cli_line in zip(rows, cli_lines):
        link, hex_text = packet.split(":", 1)
        frame = mctpkit.decode(bytes.fromhex(hex_text), link=link.strip())
        # The tool ends a damaged packet's line with markers; summary() is the summary alone.
        if frame.summary() + frame.markers() != cli_line:
            differences.append((packet, cli_line, frame.summary() + frame.markers()))
    assert differences == []


@pytest.mark.parametrize("name", VECTOR_FILES)
def test_python_summaries_match_the_golden_ones(name, summary_rule):
    mismatches = []
    for packet, expected in read_vectors(name):
        link, hex_text = packet.split(":", 1)
        summary = mctpkit.decode(hex_text, link=link.strip()).summary()
        if not summary_rule(expected, summary):
            mismatches.append((packet, expected, summary))
    assert mismatches == []
