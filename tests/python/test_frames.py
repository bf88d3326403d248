"""Decoded frames: layers by name and class, fields as attributes, named values, outputs."""

import json

import pytest

import mctpkit
from mctpkit import layers

SMBUS_SET_EID_RSP = bytes.fromhex("20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4")


@pytest.fixture
def frame():
    return mctpkit.decode(SMBUS_SET_EID_RSP, link="smbus")


def test_inputs_in_every_spelling_give_the_same_frame():
    expected = mctpkit.decode(SMBUS_SET_EID_RSP, link="smbus").summary()
    for data in (bytearray(SMBUS_SET_EID_RSP), memoryview(SMBUS_SET_EID_RSP),
                 "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4", "200f0c65010a43d0001a0100004300f4",
                 "0x20 0x0F 0x0C 0x65 0x01 0x0A 0x43 0xD0 0x00 0x1A 0x01 0x00 0x00 0x43 0x00 0xF4",
                 "20:0f:0c:65:01:0a:43:d0:00:1a:01:00:00:43:00:f4"):
        assert mctpkit.decode(data, link="smbus").summary() == expected


def test_length_bytes_and_layers(frame):
    assert len(frame) == 16
    assert bytes(frame) == SMBUS_SET_EID_RSP
    assert frame.link == "smbus"
    assert [layer.layer_id for layer in frame] == ["smbus", "mctp", "control", "set_endpoint_id_rsp"]
    assert frame.diagnostics == []


def test_layers_by_name_class_and_index(frame):
    assert frame.layer("mctp").src == 0x43
    assert frame["mctp"].dst == 0x0A
    assert frame[layers.mctp].tag == 0
    assert frame[-1].layer_id == "set_endpoint_id_rsp"
    assert isinstance(frame[-1], layers.set_endpoint_id)
    assert isinstance(frame[-1], layers.set_endpoint_id_rsp)
    assert frame[layers.set_endpoint_id].eid_setting == 0x43
    assert "control" in frame and layers.set_endpoint_id in frame
    assert "pldm" not in frame and "nvme_mi" not in frame
    assert frame["smbus"].payload.layer_id == "mctp"
    with pytest.raises(KeyError, match="no pldm layer in this frame"):
        frame["pldm"]


def test_named_values_equal_names_and_numbers(frame):
    rsp = frame[-1]
    assert rsp.assign_status == "accepted" and rsp.assign_status == 0
    assert rsp.assign_status != "rejected"
    assert rsp.assign_status.name == "accepted"
    assert str(rsp.eid_alloc_status) == "no_pool"
    assert f"{rsp.eid_setting:02X}" == "43"
    request = mctpkit.decode("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC", link="smbus")[-1]
    assert request.op == "set" and request.op == 0


def test_fields_are_listed_and_converted(frame):
    assert "eid_setting" in dir(frame[-1])
    assert frame["control"].to_dict()["iid"] == 26
    assert frame["control"].instance_id == 26  # the field's second name
    # 7-bit addresses and the read/write bits: 0x20 = 0x10 write, 0x65 = 0x32 read
    assert frame["smbus"].to_dict() == {"dst": 0x10, "dst_rw": 0, "command": 0x0F, "byte_count": 12, "src": 0x32,
                                        "src_rw": 1, "pec": 0xF4}


def test_summary_show_json_and_hexdump(frame):
    assert frame.summary().startswith("SMBUS (dst=0x20, src=0x65, byte_count=12, pec=0xF4) / MCTP 1:0 (0A <-- 43)")
    tree = frame.show(dump=True)
    assert "Set Endpoint ID" in tree and "[mctp.src]" in tree
    as_dict = frame.to_dict()
    assert as_dict == json.loads(frame.json())
    assert as_dict["link"] == "smbus" and as_dict["length"] == 16
    assert frame.hexdump(dump=True) == (
        "0000  20 0F 0C 65 01 0A 43 D0  00 1A 01 00 00 43 00 F4   ..e..C......C..\n")


def test_list_fields_are_records():
    f = mctpkit.decode("01 08 0a c6 00 06 0a 00 ff 02 01 09 00 01 01 01 1d 05 10 60 01 01 01 1e")
    entries = f[-1].entries
    assert len(entries) == 2
    assert entries[1].start_eid == 0x10 and entries[1].range_size == 5
    assert isinstance(entries[0], mctpkit.Record)


def test_bad_bytes_give_diagnostics_not_exceptions():
    f = mctpkit.decode(bytes.fromhex("20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 00"), link="smbus")
    assert [d.kind for d in f.diagnostics] == ["bad-checksum"]
    # The tool's markers are separate: summary() stays the PyMCTP summary.
    assert f.summary().endswith("eid_pool_size: 0)")
    assert f.markers() == " [bad PEC 0x00, expected 0xF4]"
    assert mctpkit.decode("01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00").markers() == ""
    truncated = mctpkit.decode(b"\x01\x0b", link="mctp")
    assert truncated.diagnostics and truncated.diagnostics[0].kind == "truncated"
    assert "truncated" in str(truncated.diagnostics[0])
    for link, _ in mctpkit.links():
        for data in (b"", b"\x00", b"\xff" * 3, bytes(range(256)), bytes(range(255, -1, -1)) * 2):
            mctpkit.decode(data, link=link).summary()


def test_changing_a_decoded_field_rebuilds(frame):
    frame["mctp"].tag = 3
    assert frame["mctp"].tag == 3
    assert bytes(frame)[7] == 0xD3
