"""Exercisers from Python, on the in-process loopback pair."""

import pytest

import mctpkit
from mctpkit.layers import control, get_endpoint_id, mctp


def test_exerciser_kinds_are_listed():
    kinds = mctpkit.exercisers()
    assert all(isinstance(k, mctpkit.ExerciserInfo) for k in kinds)
    assert [k.name for k in kinds] == sorted(k.name for k in kinds)


def test_loopback_pair_carries_frames_both_ways():
    a, b = mctpkit.loopback_pair()
    with a, b:
        assert a.link == "mctp" and a.mtu == 64
        request = mctp(dst=9, src=8, to=1, tag=1) / control(rq=1, iid=2) / get_endpoint_id()
        a.send(request)
        got = b.recv(timeout=1)
        assert bytes(got) == bytes.fromhex("01 09 08 C9 00 82 02")
        assert got[-1].layer_id == "get_endpoint_id_req"
        b.send(bytes.fromhex("01 08 09 C1 00 02 02 00 09 00 00"))
        reply = a.recv(timeout=1)
        assert reply[-1].eid == 9
        assert a.try_recv() is None
        assert a.recv(timeout=0.01) is None
    assert a.closed
    with pytest.raises(ValueError, match="closed"):
        a.send(b"\x01")


def test_unknown_exerciser_is_a_value_error():
    with pytest.raises(ValueError):
        mctpkit.open("no-such-exerciser:x")
