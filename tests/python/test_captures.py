"""Captures: streaming packets with times, reassembled messages, filters and statistics."""

import datetime
import io

import pytest

import mctpkit
from conftest import SHARED, run_cli

CAPTURES = SHARED / "captures"
FIRST = ("MCTP 0:0 (00 <-- 08) (S:E:TO) CTRL / CONTROL REQ (instance_id: 0, cmd_code=1) / "
         "SetEndpointIDPacket (eid: 0x09, op: set)")


def expected_summaries():
    rows = []
    for line in (CAPTURES / "expected-summaries.tsv").read_text().splitlines():
        if line and not line.startswith("#"):
            number, _, summary = line.split("\t")
            rows.append((int(number), summary))
    return rows


@pytest.mark.parametrize("name", ["mctp-sll.pcap", "mctp-sll2.pcap", "mctp-sll.pcapng"])
def test_sll_captures_give_every_packet_and_the_reassembled_message(name, summary_rule):
    packets, messages = [], []
    for item in mctpkit.read_capture(CAPTURES / name):
        (messages if item.is_message else packets).append(item)
    expected = expected_summaries()
    assert len(packets) == 35
    assert [p.number for p in packets] == [n for n, _ in expected]
    assert packets[0].summary() == FIRST
    assert packets[-1].summary().startswith("MCTP 0:2 (09 <-- 08) (S:E:TO) VDIANA / ")
    for packet, (_, summary) in zip(packets, expected):
        assert summary_rule(summary, packet.summary()), (packet.number, packet.summary())
    assert all(isinstance(p.time, datetime.datetime) and p.time.tzinfo is datetime.timezone.utc for p in packets)
    assert packets[1].time_ns > packets[0].time_ns
    assert len(messages) == 1
    # frame 25 starts a PLDM response (SOM), 28 continues it, 29 ends it (EOM)
    assert messages[0].packets == [25, 28, 29] and messages[0].number == 29
    assert messages[0].summary().startswith(
        "MCTP 0:5 (08 <-- 09) (S:E) PLDM / PLDM RSP (inst_id=0x04, type=0x04, cmd=0x02, cc=0) / GetFRURecordTable")


def test_smbus_capture_packets_carry_the_smbus_layer():
    packets = [p for p in mctpkit.read_capture(str(CAPTURES / "mctp-smbus-i2c.pcap")) if not p.is_message]
    assert len(packets) == 35
    assert packets[0].link == "smbus"
    assert packets[0].summary() == "SMBUS (dst=0x3A, src=0x21, byte_count=10, pec=0xCE) / " + FIRST


def test_text_dumps_take_time_zone_and_date():
    path = CAPTURES / "tcpdump-text" / "tcpdump-sll.txt"
    reader = mctpkit.read_capture(path, timezone="UTC", date="2024-03-20")
    packets = [p for p in reader if not p.is_message]
    assert reader.format == "tcpdump text"
    assert len(packets) == 35
    assert packets[0].summary() == FIRST
    assert packets[0].time.date() == datetime.date(2024, 3, 20)
    with pytest.raises(ValueError, match=r"Invalid date format '2024-3'. Expected YYYY-MM-DD."):
        mctpkit.read_capture(path, date="2024-3")
    with pytest.raises(ValueError, match=r"Unknown time zone 'Mars/Base'."):
        mctpkit.read_capture(path, timezone="Mars/Base")


def test_file_objects_and_filters():
    data = (CAPTURES / "mctp-sll.pcap").read_bytes()
    from_file = [p.summary() for p in mctpkit.read_capture(io.BytesIO(data), messages=False)]
    assert len(from_file) == 35
    eight = list(mctpkit.read_capture(CAPTURES / "mctp-sll.pcap", filter="mctp.src == 8", messages=False))
    assert eight and all(p["mctp"].src == 8 for p in eight)
    assert len(eight) == sum(1 for p in mctpkit.read_capture(CAPTURES / "mctp-sll.pcap", messages=False)
                             if p["mctp"].src == 8)
    with pytest.raises(OSError):
        mctpkit.read_capture(CAPTURES / "no-such-file.pcap")


def test_analyze_returns_statistics_objects():
    stats = mctpkit.analyze(CAPTURES / "mctp-sll.pcap")
    assert stats.packets == 35
    assert stats.messages == 33  # 32 single-packet messages and one of three packets
    assert stats.packets_by_command["continuation"] == 2
    assert stats.packets_by_command["control set_endpoint_id"] == 2
    assert sum(stats.packets_by_command.values()) == 35
    assert str(stats).startswith("== Statistics ==\nPackets: 35\n")
    assert isinstance(stats.latencies, list)
    assert str(stats) == run_cli("analyze", "--stats", "-q", str(CAPTURES / "mctp-sll.pcap")).stdout


def test_statistics_count_the_diagnostics_only_a_reassembled_message_shows(tmp_path):
    # An NVMe-MI request in three packets, its CRC-32C MIC (the last byte) made wrong.
    path = tmp_path / "bad-mic.pcap"
    crafted = run_cli("craft", "--mtu", "8", "-w", str(path), "mctp(dst=9,src=8)/nvme_mi()/mi_command()/read_data_structure()")
    assert crafted.returncode == 0, crafted.stderr
    data = bytearray(path.read_bytes())
    data[-1] ^= 0xFF
    path.write_bytes(bytes(data))
    stats = mctpkit.analyze(path)
    assert stats.diagnostics_by_kind == {}
    assert stats.message_diagnostics_by_kind == {"bad-checksum": 1}
    assert stats.bad_checksums_by_layer == {"nvme_mi": 1}
    assert str(stats) == run_cli("analyze", "--stats", "-q", str(path)).stdout
