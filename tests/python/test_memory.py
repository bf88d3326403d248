"""Repeated use does not grow memory: no reference is kept by decoding, summaries or layers."""

import gc
import sys

import mctpkit

PACKET = bytes.fromhex("20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4")


def resident_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def work(n):
    for _ in range(n):
        f = mctpkit.decode(PACKET, link="smbus")
        f.summary()
        layer = f["set_endpoint_id"]
        layer.eid_setting == "x"
        bytes(f)
        f.diagnostics


def test_reference_counts_are_stable():
    data = PACKET
    before = sys.getrefcount(data)
    f = mctpkit.decode(data, link="smbus")
    layer = f["mctp"]
    del f
    assert layer.src == 0x43  # the layer keeps its frame alive
    del layer
    gc.collect()
    assert sys.getrefcount(data) == before


def test_repeated_decoding_does_not_grow():
    work(5000)
    gc.collect()
    start = resident_kib()
    work(30000)
    gc.collect()
    assert resident_kib() - start < 2048
