#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets into fuzz/corpus/<target>/ from the shared golden
vectors and captures and the SPDM test vectors. Run once; the fuzzers' findings are added on top
(see fuzz/README.md), and `fuzz_<target> -merge=1` keeps the set small.

Usage: fuzz/make_seeds.py SHARED_DIR
"""
import hashlib
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = sys.argv[1]
CORPUS = os.path.join(ROOT, "fuzz", "corpus")
# The decode targets choose the link by index into the registry's links, sorted by name.
LINKS = ["i3c", "i3c-noaddr", "ipmi", "kcs", "mctp", "pcie-vdm", "serial", "smbus", "smbus-nodst", "usb"]


def put(target, data, sample=False):
    folder = os.path.join(CORPUS, target)
    os.makedirs(folder, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()[:16]
    # The golden vectors are many and alike: a fixed third of them (by hash) seeds well enough.
    if sample and name[0] > "4":
        return
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def vectors():
    files = [os.path.join(SHARED, "vectors", n) for n in sorted(os.listdir(os.path.join(SHARED, "vectors")))
             if n.endswith(".tsv")]
    files.append(os.path.join(ROOT, "tests", "spdm", "spdm-summaries.tsv"))
    for path in files:
        for line in open(path):
            head = line.split("\t", 1)[0].strip()
            if ":" not in head or head.startswith("#"):
                continue
            link, hexes = head.split(":", 1)
            try:
                data = bytes.fromhex(hexes)
            except ValueError:
                continue
            if link.strip() in LINKS:
                yield link.strip(), data


packets = list(vectors())
for link, data in packets:
    seed = bytes([LINKS.index(link)]) + data
    put("decode", seed, sample=True)
    put("roundtrip", seed, sample=True)
# Reassembler: runs of bare MCTP packets, [length, time step, packet] each.
mctp = [d for link, d in packets if link == "mctp" and len(d) < 256]
for i in range(0, len(mctp), 8):
    put("reassembler", b"".join(bytes([len(p), 1]) + p for p in mctp[i:i + 8]))
# Serial deframer: DSP0253 frames written here (the vectors hold none), FCS in both byte
# orders, alone and as one stream with noise and a cut frame; the decode targets get them too.
def fcs16(data):
    fcs = 0xFFFF
    for b in data:
        fcs ^= b
        for _ in range(8):
            fcs = (fcs >> 1) ^ 0x8408 if fcs & 1 else fcs >> 1
    return fcs ^ 0xFFFF


def escaped(data):
    return b"".join(bytes([0x7D, b ^ 0x20]) if b in (0x7D, 0x7E) else bytes([b]) for b in data)


stream = b""
for packet in ["01 09 08 C8 00 81 02", "01 08 09 C0 00 02 00 00 09 00", "01 09 08 C8 00 7E 7D 01"]:
    body = bytes([1, len(bytes.fromhex(packet))]) + bytes.fromhex(packet)
    for fcs in (fcs16(body).to_bytes(2, "big"), fcs16(body).to_bytes(2, "little")):
        frame = b"\x7e" + escaped(body) + escaped(fcs) + b"\x7e"
        stream += frame
        put("serial_deframer", b"\x03" + frame)
        put("decode", bytes([LINKS.index("serial")]) + frame)
        put("roundtrip", bytes([LINKS.index("serial")]) + frame)
put("serial_deframer", b"\x09\x00\x7e\x7e" + stream + b"\x7e\x01\xff" + stream[:7])
# Captures: every shared capture as it is (they are small), text dumps cut to 4 KiB.
captures = os.path.join(SHARED, "captures")
for name in sorted(os.listdir(captures)):
    path = os.path.join(captures, name)
    if name.endswith((".pcap", ".pcapng")):
        put("capture", open(path, "rb").read())
text = os.path.join(captures, "tcpdump-text")
for name in sorted(os.listdir(text)):
    put("capture", open(os.path.join(text, name), "rb").read()[:4096])
# Craft expressions and filters from the documentation and the CLI tests.
for expr in [
        "smbus(dst=0x32,src=0x10)/mctp(dst=0,src=10,to=1,tag=7)/control(rq=1,iid=0x11,cmd=set_endpoint_id)/"
        "set_endpoint_id(op=set,eid=29)",
        "mctp(dst=9,src=8,to=1)/pldm(rq=1,iid=3,type=base,cmd=get_tid)",
        "mctp(dst=9,src=8)/control(rq=0)/get_mctp_version_support(versions=[0xF1F3F100,0xF1F0FF00])",
        "mctp(dst=9,src=8)/control(rq=0,iid=1)/get_endpoint_id(eid=9,endpoint_type=busowner)",
        "mctp(dst=9,src=8,to=1,tag=1)/vdm_pci(vendor_id=0x1234)/vdm_data(data=abab)",
        "serial()/mctp(dst=9,src=8)/control(rq=1)/get_endpoint_uuid()",
        "smbus(pec=none)/mctp()/control()/set_endpoint_id(op=set,eid=29)",
]:
    put("craft", expr.encode())
for f in ["mctp.src == 0x08 and mctpc.command == 1", "mctpc.command == set_endpoint_id and not mctpc.cc",
          "mctp.src >= 0x10 && (pldm || raw.data contains 01:02)",
          "mctpc.routing_table.entries.start_eid in {0x0A 0x10}", "mctp.srcc == 8", "pldm.cc != 0 or !smbus",
          "raw.data contains \"AB\\x01\""]:
    put("filter", f.encode())
