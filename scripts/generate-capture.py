#!/usr/bin/env python3
"""Writes a large Linux SLL pcap of MCTP traffic for benchmarking `mctpkit analyze`.

Usage: generate-capture.py OUT.pcap [PACKETS]   (default 1,000,000 packets)
The traffic cycles through the sample exchange of samples/packets.txt (control, PLDM with a
three-packet FRU message, SPDM, NVMe-MI, vendor-defined), one packet every 100 microseconds.
"""
import struct
import sys

HERE = __file__.rsplit("/", 2)[0]


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


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    packets = sample_packets()
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 113))
        t = 1_700_000_000 * 1_000_000
        chunks = []
        for i in range(count):
            p = packets[i % len(packets)]
            sll = struct.pack(">HHH8sH", 4 if p[3] & 0x08 else 0, 0x0122, 0, b"\0" * 8, 0x00FA)
            rec = sll + p
            chunks.append(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, len(rec), len(rec)) + rec)
            t += 100
            if len(chunks) == 65536:
                f.write(b"".join(chunks))
                chunks.clear()
        f.write(b"".join(chunks))


if __name__ == "__main__":
    main()
