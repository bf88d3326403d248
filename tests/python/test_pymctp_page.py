"""The three examples of the PyMCTP project page (shared/seed), done with mctpkit."""

import mctpkit
from mctpkit.layers import control, mctp, set_endpoint_id, smbus

from conftest import read_vectors


def test_decode_transport_packet_example():
    f = mctpkit.decode("01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00")
    assert f.summary() == (
        "MCTP 0:5 (0B <-- 0A) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=10, completion_code=0) / "
        "GetRoutingTableEntries (next_hdl=0xFF, cnt=1)  [0x0A:1]")


def test_decode_smbus_packet_example():
    data = "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4"
    bdata = bytes([int(x, 16) for x in data.split(" ")])
    f = mctpkit.decode(bdata, link="smbus")
    assert f.summary() == (
        "SMBUS (dst=0x20, src=0x65, byte_count=12, pec=0xF4) / MCTP 1:0 (0A <-- 43) (S:E) CTRL / "
        "CONTROL RSP (instance_id: 26, cmd_code=1, completion_code=0) / SetEndpointIDPacket "
        "(assign_status: accepted, eid_alloc_status: no_pool, eid_setting: 0x43, eid_pool_size: 0)")


def test_crafting_example_bytes_summary_and_hexdump():
    pkt = smbus(dst=0x32, src=0x10) / mctp(dst=0, src=10, to=1, tag=7) / control(rq=1, iid=0x11) / \
        set_endpoint_id(op="set", eid=29)
    assert bytes(pkt) == bytes.fromhex("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC")
    assert len(pkt) == 14
    assert pkt.summary() == mctpkit.decode(bytes(pkt), link="smbus").summary() == (
        "SMBUS (dst=0x64, src=0x21, byte_count=10, pec=0xFC) / MCTP 0:7 (00 <-- 0A) (S:E:TO) CTRL / "
        "CONTROL REQ (instance_id: 17, cmd_code=1) / SetEndpointIDPacket (eid: 0x1D, op: set)")
    assert pkt.hexdump(dump=True) == "0000  64 0F 0A 21 01 00 0A CF  00 91 01 00 1D FC        d..!..........\n"


def test_seed_example_vectors():
    for packet, expected in read_vectors("seed-examples.tsv"):
        link, hex_text = packet.split(":", 1)
        assert mctpkit.decode(hex_text, link=link).summary() == expected
        assert mctpkit.decode(packet).summary() == expected  # the "link:" prefix of the text form
