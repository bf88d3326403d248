"""Exercisers from Python, on the in-process loopback pair."""

import threading

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


ENDPOINT = {"static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00",
            "message_types": ["control", "pldm"], "pldm": {"tid": 5}}


def serve_in_background(responder, device, requests):
    thread = threading.Thread(target=responder.serve, args=(device,),
                              kwargs={"max_requests": requests, "duration": 5.0}, daemon=True)
    thread.start()
    return thread


def test_sr1_gets_the_answer_of_an_emulated_endpoint():
    a, b = mctpkit.loopback_pair()
    responder = mctpkit.Responder(ENDPOINT, link="mctp")
    assert responder.eids == [9]
    with a, b:
        thread = serve_in_background(responder, b, 2)
        reply = a.sr1(mctp(dst=9, src=8) / control() / get_endpoint_id(), timeout=2)
        assert reply.summary() == ("MCTP 0:0 (08 <-- 09) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=2, "
                                   "completion_code=0) / GetEndpointID (eid: 09, type: simple, eid_type: static_eid_match)")
        uuid = a.sr1(mctpkit.craft("mctp(dst=9,src=8)/control()/get_endpoint_uuid()"), timeout=2)
        assert uuid[-1].uuid == bytes.fromhex("11223344556677 8899aabbccddeeff00".replace(" ", ""))
        thread.join(timeout=5)
        assert not thread.is_alive()


def test_request_reports_the_exchange():
    a, b = mctpkit.loopback_pair()
    responder = mctpkit.Responder(ENDPOINT, link="mctp")
    with a, b:
        thread = serve_in_background(responder, b, 1)
        x = a.request(mctp(dst=9, src=8) / control() / get_endpoint_id(), timeout=2, retries=0)
        thread.join(timeout=5)
        assert x.outcome == "response" and x.answered and x.tries == 1
        assert x.completion_code == 0
        assert [p.hex(" ") for p in x.request_packets] == ["01 09 08 c8 00 80 02"]
        assert [p.hex(" ") for p in x.response_packets] == ["01 08 09 c0 00 00 02 00 09 02 00"]
        assert x.request[-1].layer_id == "get_endpoint_id_req"
        assert x.response[-1].eid == 9
        assert x.latency >= 0


def test_sr1_returns_none_when_nothing_answers():
    a, b = mctpkit.loopback_pair()
    with a, b:
        assert a.sr1(mctp(dst=9, src=8) / control() / get_endpoint_id(), timeout=0.05, retries=1) is None
        x = a.request(mctp(dst=9, src=8) / control() / get_endpoint_id(), timeout=0.05, retries=0)
        assert x.outcome == "no response" and not x.answered and x.response is None
        assert x.detail == "no response after 1 try of 50 ms"
        # both tries of sr1 went out with the same tag (SOM, EOM, TO, tag 0), request() took tag 1
        assert [bytes(b.recv(timeout=1))[3] for _ in range(3)] == [0xC8, 0xC8, 0xC9]


def test_sr1_argument_errors():
    a, _ = mctpkit.loopback_pair()
    with pytest.raises(TypeError, match="take a frame, a layer or bytes"):
        a.sr1(12)
    with pytest.raises(ValueError, match="timeout cannot be negative"):
        a.sr1(b"\x01\x09\x08\xc8\x00\x80\x02", timeout=-1)
    a.close()
    with pytest.raises(ValueError, match="closed"):
        a.sr1(b"\x01")


def test_responder_configuration_errors_name_the_key():
    with pytest.raises(mctpkit.ConfigError, match="static_eid"):
        mctpkit.Responder({"static_eid": "nine"})
    with pytest.raises(ValueError):
        mctpkit.Responder('{"static_eid": 300}')
    with pytest.raises(mctpkit.ConfigError):
        mctpkit.Responder("/no/such/config.json")


def test_responder_handles_single_frames():
    responder = mctpkit.Responder(ENDPOINT, link="mctp")
    replies = responder.handle(bytes.fromhex("01 09 08 C9 00 82 02"))
    assert [r.hex(" ") for r in replies] == ["01 08 09 c1 00 02 02 00 09 02 00"]
    assert responder.handle(bytes.fromhex("01 0A 08 C9 00 82 02")) == []  # another EID


def test_a_transport_that_cannot_open_is_a_transport_error():
    with pytest.raises(mctpkit.TransportError, match="/no/such/tty") as raised:
        mctpkit.open("serial:/no/such/tty")
    assert isinstance(raised.value, OSError)
