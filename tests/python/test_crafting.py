"""Crafting with the generated layer classes and craft expressions."""

import pytest

import mctpkit
from mctpkit.layers import control, get_endpoint_id, mctp, pldm, set_endpoint_id, smbus
from conftest import run_cli

PYMCTP_EXPRESSION = ("smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/control(rq=1,iid=0x11,"
                     "cmd=set_endpoint_id)/set_endpoint_id(op=set,eid=29)")
PYMCTP_BYTES = bytes.fromhex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC")


def test_expression_and_classes_build_the_same_bytes():
    assert bytes(mctpkit.craft(PYMCTP_EXPRESSION)) == PYMCTP_BYTES
    pkt = smbus(dst=0x32, src=0x10) / mctp(dst=0, src=10, to=1, tag=7) / control(rq=1, iid=0x11) / \
        set_endpoint_id(op=0, eid=29)
    assert bytes(pkt) == PYMCTP_BYTES


def test_stacking_chooses_request_or_response_from_the_layer_below():
    rsp = mctp(dst=0x0A, src=0x43, tag=0) / control(rq=0, iid=26) / set_endpoint_id(assign_status="accepted", eid_setting=0x43)
    assert rsp[-1].layer_id == "set_endpoint_id_rsp"
    # 01 (version) 0A 43 C8 (SOM EOM, tag 0), 00 (control), 1A (iid 26), 01 (command), 00 (cc),
    # 00 (status), 43 (EID), 00 (pool size)
    assert bytes(rsp) == bytes.fromhex("01 0A 43 C0 00 1A 01 00 00 43 00")
    req = mctp(dst=9, src=8, to=1) / control(rq=1) / get_endpoint_id()
    assert req[-1].layer_id == "get_endpoint_id_req"
    assert bytes(req) == bytes.fromhex("01 09 08 C8 00 80 02")


def test_round_trip_through_decode():
    for expression in (PYMCTP_EXPRESSION,
                       "mctp(dst=9,src=8,to=1,tag=2)/pldm(rq=1,iid=1,type=0,cmd=1)/set_tid(tid=5)",
                       "mctp(dst=8,src=9,tag=3)/control(rq=0,iid=3,cmd=4,cc=0)/get_mctp_version_support(versions=[0xF1F3F100,0xF1F2F000])"):
        built = mctpkit.craft(expression)
        link = "smbus" if expression.startswith("smbus") else "mctp"
        decoded = mctpkit.decode(bytes(built), link=link)
        assert decoded.diagnostics == []
        assert bytes(decoded.build()) == bytes(built)
        assert [l.layer_id for l in decoded] == [l.layer_id for l in built]


def test_bytes_stack_as_raw_and_fields_can_be_changed():
    pkt = mctp(dst=9, src=8, to=1) / control(rq=1, cmd=0x7F) / b"\xAA\xBB"
    assert pkt[-1].layer_id == "raw" and pkt["raw"].data == b"\xAA\xBB"
    assert bytes(pkt) == bytes.fromhex("01 09 08 C8 00 80 7F AA BB")
    pkt["mctp"].tag = 5
    assert bytes(pkt)[3] == 0xCD


def test_none_unsets_and_absent_leaves_out():
    pkt = smbus(dst=0x32, src=0x10, pec=0x00) / mctp(dst=0, src=10, to=1, tag=7) / control(rq=1, iid=0x11) / \
        set_endpoint_id(op="set", eid=29)
    assert bytes(pkt)[-1] == 0x00
    pkt["smbus"].pec = None
    assert bytes(pkt)[-1] == 0xFC
    pkt["smbus"].pec = mctpkit.ABSENT
    assert bytes(pkt) == PYMCTP_BYTES[:-1]


def test_values_a_build_works_out_read_none_until_set():
    pkt = mctpkit.craft("smbus(dst=0x32,src=0x10)/mctp(dst=9,src=8)/spdm()/get_version()")
    # The message type comes from the layer above, TO from the request code, the PEC is derived.
    assert pkt["mctp"].msg_type is None and pkt["mctp"].to is None and pkt["smbus"].pec is None
    assert pkt["mctp"].dst == 9 and pkt["mctp"].tag == 0  # given, and a plain default
    decoded = mctpkit.decode(bytes(pkt), link="smbus")
    assert decoded["mctp"].msg_type == "spdm" and decoded["mctp"].to == 1
    pkt["mctp"].to = 0
    assert pkt["mctp"].to == 0 and bytes(pkt)[7] == 0xC0


def test_fragment_splits_at_the_transmission_unit():
    body = bytes(range(100))
    message = mctp(dst=9, src=8, to=1, tag=1) / pldm(rq=1, iid=1, type=0x3F, cmd=0x01) / body
    packets = message.fragment(mtu=64)
    assert len(packets) == 2
    first, second = bytes(packets[0]), bytes(packets[1])
    # SOM, seq 0, TO, tag 1 = 0x89; then 64 bytes of body (message type 0x01 first)
    assert first[:8] == bytes.fromhex("01 09 08 89 01 81 3F 01") and len(first) == 4 + 64
    # EOM, seq 1, TO, tag 1 = 0x59; the remaining 103 + 1 - 64 = 40 bytes
    assert second[:4] == bytes.fromhex("01 09 08 59") and len(second) == 4 + 40
    assert first[4:] + second[4:] == bytes.fromhex("01 81 3F 01") + body


def test_fragments_of_a_request_own_their_tag_when_to_is_left_unset():
    message = mctp(dst=9, src=8, tag=1) / pldm(rq=1, iid=1, type=0x3F, cmd=0x01) / bytes(range(100))
    assert bytes(message)[3] == 0xC9  # SOM, EOM, TO, tag 1
    assert [bytes(p)[3] for p in message.fragment(mtu=64)] == [0x89, 0x59]


def test_ls_prints_what_the_cli_prints(capsys):
    mctpkit.ls("set_endpoint_id")
    printed = capsys.readouterr().out
    assert printed == run_cli("layers", "set_endpoint_id").stdout
    assert "op" in printed and "values: set=0" in printed
    assert mctpkit.ls(set_endpoint_id, dump=True) == printed
    assert mctpkit.ls(dump=True) == run_cli("layers").stdout
