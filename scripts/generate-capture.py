#!/usr/bin/env python3
"""Writes a large capture of MCTP traffic for benchmarking `mctpkit analyze`.

The traffic cycles through the sample exchange of samples/packets.txt (control, PLDM with a
three-packet FRU message, SPDM, NVMe-MI, vendor-defined), one packet every 100 microseconds.
By default the packets are bare MCTP in Linux cooked capture (SLL) records, as `tcpdump -i mctp0`
writes them; with --smbus they are SMBus block writes (from 0x10 to 0x1D on one bus, with PEC)
in Linux I2C records, as a capture of a BMC's I2C bus holds them. The file is a classic pcap
file unless --pcapng asks for pcapng (one section, one interface, enhanced packet blocks), the
format Wireshark and dumpcap write.
"""
import argparse
import struct

HERE = __file__.rsplit("/", 2)[0]
DLT_LINUX_SLL, DLT_I2C_LINUX = 113, 209


def sample_packets():
    packets = []
    for line in open(f"{HERE}/samples/packets.txt"):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        link, hexbytes = line.split(":", 1)
        data = bytes.fromhex(hexbytes.replace(" ", ""))
        if link == "smbus":  # keep the MCTP packet: drop address, command, count, source and PEC
            data = data[4:-1]
        packets.append(data)
    return packets


def crc8_smbus(data):
    crc = 0
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = ((crc << 1) ^ 0x07) & 0xFF if crc & 0x80 else (crc << 1) & 0xFF
    return crc


def sll_record(packet):
    return struct.pack(">HHH8sH", 4 if packet[3] & 0x08 else 0, 0x0122, 0, b"\0" * 8, 0x00FA) + packet


def i2c_record(packet):
    # Requests (TO set) go from the bus owner at 0x10 to the device at 0x1D, responses back.
    dst, src = (0x1D, 0x10) if packet[3] & 0x08 else (0x10, 0x1D)
    frame = bytes([dst << 1, 0x0F, len(packet) + 1, src << 1 | 1]) + packet
    return b"\0" * 5 + frame + bytes([crc8_smbus(frame)])


def pcapng_block(block_type, body):
    body += b"\0" * (-len(body) % 4)
    length = len(body) + 12
    return struct.pack("<II", block_type, length) + body + struct.pack("<I", length)


def pcap_header(link_type):
    return struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, link_type)


def pcap_record(micros, record):
    return struct.pack("<IIII", micros // 1_000_000, micros % 1_000_000, len(record), len(record)) + record


def pcapng_header(link_type):
    # Version 1.0, section length unknown; the interface keeps the default resolution (microseconds).
    section = pcapng_block(0x0A0D0D0A, struct.pack("<IHHq", 0x1A2B3C4D, 1, 0, -1))
    return section + pcapng_block(1, struct.pack("<HHI", link_type, 0, 65535))


def pcapng_record(micros, record):
    return pcapng_block(6, struct.pack("<IIIII", 0, micros >> 32, micros & 0xFFFFFFFF, len(record), len(record)) + record)


def packet_count(text):
    try:
        count = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if count < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return count


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", metavar="OUT", help="the capture to write (replaced if it exists)")
    parser.add_argument("packets", metavar="PACKETS", nargs="?", type=packet_count, default=1_000_000,
                        help="how many packets to write (default 1,000,000; 1_000_000 and 1,000,000 are read too)")
    parser.add_argument("--smbus", action="store_true", help="SMBus block writes in Linux I2C records instead of SLL")
    parser.add_argument("--pcapng", action="store_true", help="a pcapng file instead of a classic pcap file")
    args = parser.parse_args()
    smbus, out, count = args.smbus, args.out, args.packets
    records = [(i2c_record if smbus else sll_record)(p) for p in sample_packets()]
    header, record_of = (pcapng_header, pcapng_record) if args.pcapng else (pcap_header, pcap_record)
    try:
        with open(out, "wb") as f:
            f.write(header(DLT_I2C_LINUX if smbus else DLT_LINUX_SLL))
            t = 1_700_000_000 * 1_000_000
            chunks = []
            for i in range(count):
                chunks.append(record_of(t, records[i % len(records)]))
                t += 100
                if len(chunks) == 65536:
                    f.write(b"".join(chunks))
                    chunks.clear()
            f.write(b"".join(chunks))
    except OSError as e:
        parser.exit(1, f"{parser.prog}: error: cannot write {out}: {e.strerror}\n")


if __name__ == "__main__":
    main()
