"""Shared paths and helpers of the Python module tests. The ctest entry sets MCTPKIT_SHARED_DIR,
MCTPKIT_SOURCE_DIR, MCTPKIT_CLI and PYTHONPATH (the package assembled in the build folder)."""

import importlib.util
import os
import pathlib
import subprocess

import pytest

SHARED = pathlib.Path(os.environ.get("MCTPKIT_SHARED_DIR", pathlib.Path(__file__).parents[3] / "shared"))
SOURCE = pathlib.Path(os.environ.get("MCTPKIT_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
CLI = os.environ.get("MCTPKIT_CLI", "")


def load_summary_rule():
    """The matching rule of the shared check-summaries.py (bare words match anything)."""
    spec = importlib.util.spec_from_file_location("check_summaries", SHARED / "tools" / "check-summaries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.matches


def read_vectors(name):
    rows = []
    for line in (SHARED / "vectors" / name).read_text().splitlines():
        if line.strip():
            packet, expected = line.split("\t", 1)
            rows.append((packet, expected))
    return rows


def run_cli(*args, input_text=None):
    assert CLI, "MCTPKIT_CLI is not set"
    # In a sanitizer build the interpreter runs with the sanitizer runtime preloaded; the tool
    # brings its own (clang links it in statically, and two runtimes cannot share a process).
    env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
    return subprocess.run([CLI, *args], capture_output=True, text=True, input=input_text, timeout=120, env=env)


@pytest.fixture(scope="session")
def summary_rule():
    return load_summary_rule()
