#!/usr/bin/env python3
"""Writes a large pcap of MCTP traffic for benchmarking `mctpkit analyze`.

The traffic cycles through the sample exchange of samples/packets.txt (control, PLDM with a
three-packet FRU message, SPDM, NVMe-MI, vendor-defined), one packet every 100 microseconds.
By default the packets are bare MCTP in Linux cooked capture (SLL) records, as `tcpdump -i mctp0`
writes them; with --smbus they are SMBus block writes (from 0x10 to 0x1D on one bus, with PEC)
in Linux I2C records, as a capture of a BMC's I2C bus holds them.
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
    parser.add_argument("out", metavar="OUT.pcap", help="the capture to write (replaced if it exists)")
    parser.add_argument("packets", metavar="PACKETS", nargs="?", type=packet_count, default=1_000_000,
                        help="how many packets to write (default 1,000,000; 1_000_000 and 1,000,000 are read too)")
    parser.add_argument("--smbus", action="store_true", help="SMBus block writes in Linux I2C records instead of SLL")
    args = parser.parse_args()
    smbus, out, count = args.smbus, args.out, args.packets
    records = [(i2c_record if smbus else sll_record)(p) for p in sample_packets()]
    try:
        with open(out, "wb") as f:
            f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, DLT_I2C_LINUX if smbus else DLT_LINUX_SLL))
            t = 1_700_000_000 * 1_000_000
            chunks = []
            for i in range(count):
                rec = records[i % len(records)]
                chunks.append(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(rec), len(rec)) + rec)
                t += 100
                if len(chunks) == 65536:
                    f.write(b"".join(chunks))
                    chunks.clear()
            f.write(b"".join(chunks))
    except OSError as e:
        parser.exit(1, f"{parser.prog}: error: cannot write {out}: {e.strerror}\n")


if __name__ == "__main__":
    main()
