#!/usr/bin/env python3
"""What independent decoders (Wireshark, libmctp, libpldm) and PyMCTP agree on, through the tool:
signed values, what is absent or forbidden, crafting valid messages, JSON streams.

Usage: correctness_test.py MCTPKIT SHARED_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

from cli_support import check, expect, finish, run, setup

TOOL, SHARED = setup(sys.argv)

# ---- signed numbers: tree, JSON, fields and filters; crafting negative values -----------------
SINT8_READING = "01 09 08 C0 01 00 02 11 00 01 00 00 00 00 00 FB"  # GetSensorReading rsp, sint8 -5
expect("craft a negative sint8 reading",
       ["craft", "mctp(dst=9,src=8)/pldm(rq=0,type=platform,cmd=get_sensor_reading)/"
                 "get_sensor_reading(sensor_data_size=sint8,present_reading_8=-5)"], 0, SINT8_READING + "\n")
expect("tree shows the signed reading", ["decode", "-V", *SINT8_READING.split()], 0,
       stdout_has="    Present reading: -5 (0xFB) [pldm.get_sensor_reading.present_reading_8]\n")
rc, out, _ = run("decode", "-T", "json", *SINT8_READING.split())
fields = json.loads(out)["layers"][-1]["fields"]
check("JSON holds the signed reading", fields.get("pldm.get_sensor_reading.present_reading_8") == -5, out)
expect("the summary keeps the reading's bits", ["decode", *SINT8_READING.split()], 0,
       stdout_has="presentReading=0xFB)\n")
expect("craft refuses a value outside the sint8 range",
       ["craft", "mctp()/pldm(rq=0,type=platform,cmd=get_sensor_reading)/"
                 "get_sensor_reading(sensor_data_size=sint8,present_reading_8=-129)"], 2,
       stderr_has="present_reading_8: -129 is out of range for a 8-bit field (-128..255)")
expect("craft refuses a negative value for an unsigned field", ["craft", "mctp(tag=-1)"], 2,
       stderr_has="mctp.tag: -1 is negative, but the field is unsigned\n  mctp(tag=-1)\n           ^\n")
with tempfile.TemporaryDirectory() as d:
    signed = os.path.join(d, "signed.pcap")
    unsigned = os.path.join(d, "unsigned.pcap")
    run("craft", "-w", signed, "mctp(dst=9,src=8)/pldm(rq=0,type=platform,cmd=get_sensor_reading)/"
                               "get_sensor_reading(sensor_data_size=sint8,present_reading_8=-5)")
    run("craft", "-w", unsigned, "mctp(dst=9,src=8)/pldm(rq=0,type=platform,cmd=get_sensor_reading)/"
                                 "get_sensor_reading(sensor_data_size=uint8,present_reading_8=251)")
    reading = ["-T", "fields", "-e", "pldm.get_sensor_reading.present_reading_8"]
    expect("filter: a sint8 reading below zero", ["analyze", signed, "-Y", "pldm.get_sensor_reading.present_reading_8 < 0", *reading], 0, "-5\n")
    expect("filter: the same bits as uint8 are not below zero", ["analyze", unsigned, "-Y", "pldm.get_sensor_reading.present_reading_8 < 0", *reading], 0, "")
    expect("filter: a negative literal", ["analyze", signed, "-Y", "pldm.get_sensor_reading.present_reading_8 == -5", *reading], 0, "-5\n")
    expect("fields: the uint8 reading", ["analyze", unsigned, *reading], 0, "251\n")

# ---- what a packet does not carry is not shown as data --------------------------------------
expect("a first packet shows the versions it carries, the rest as Raw",
       ["decode", "01 08 09 85 00 07 04 00 05 f1 f3 f1 00 f1 f2 f0 00 f1 f1 ff"], 0,
       "MCTP 0:5 (08 <-- 09) (S) CTRL / CONTROL RSP (instance_id: 7, cmd_code=4, completion_code=0) / "
       "GetMctpVersionSupport (0xF1F3F100, 0xF1F2F000, ...) / Raw\n")
expect("a first packet shows the types it carries",
       ["decode", "01 08 09 86 00 09 05 00 0c 00 01 02"], 0,
       "MCTP 0:6 (08 <-- 09) (S) CTRL / CONTROL RSP (instance_id: 9, cmd_code=5, completion_code=0) / "
       "GetMessageTypeSupportPacket (count: 12, types: [control, pldm, ncsi, ...])\n")
out = expect("an error response has no body in the tree", ["decode", "-V", "01 7f 00 c9 00 03 03 02"], 0)
check("  no UUID layer", "UUID" not in out and out.endswith("Completion code: error_invalid_data (0x02) [mctpc.cc]\n\n"), out)
rc, out, _ = run("decode", "-T", "json", "01 7f 00 c9 00 03 03 02")
check("an error response has no body in JSON", [l["layer"] for l in json.loads(out)["layers"]] == ["mctp", "control"], out)
expect("PlatformEventMessage without its event data is truncated", ["decode", "-D", "01 43 1d c6 01 9b 02 0a 01 d0 00"], 0,
       "MCTP 0:6 (43 <-- 1D) (S:E) PLDM / PLDM REQ (inst_id=0x1B, type=0x02, cmd=0x0A) / PlatformEventMsg (ver=1, tid=208, eventClass=0x00) [truncated]\n"
       "    error truncated at byte 11 in pldm.platform_event_message_req: the message ends before its event data\n")
expect("GetPLDMVersion success without version data is truncated",
       ["decode", "-D", "01 08 09 c4 01 04 00 03 00 00 00 00 00 05"], 0,
       "MCTP 0:4 (08 <-- 09) (S:E) PLDM / PLDM RSP (inst_id=0x04, type=0x00, cmd=0x03, cc=0) / GetPLDMVER (nextHdl=0, transferFlag=5) [truncated]\n"
       "    error truncated at byte 14 in pldm.get_pldm_version_rsp: the message ends before its version data\n")
expect("a vendor-defined message may end after its vendor ID", ["decode", "-D", "01 09 08 c8 7e 99 99"], 0,
       "MCTP 0:0 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 9999)\n")
expect("a cut FRU field keeps its bytes and the truncation is at the real end",
       ["decode", "-D", "01 08 09 c5 01 04 04 02 00 00 00 00 00 05 01 00 01 01 01 02 0a 41 42 43 44 45 46 47 48"], 0,
       stdout_has="    error truncated at byte 29 in pldm.fru.record_table: data ends in field 'FRU records'\n")

# ---- crafting builds valid messages, or says why not ----------------------------------------
expect("craft adds the body a command selects (NMD0/NMD1 of Read NVMe-MI Data Structure)",
       ["craft", "mctp(dst=9,src=8)/nvme_mi(ror=request,nmimt=mi_command)/mi_command(opcode=read_data_structure)"], 0,
       "01 09 08 C8 84 08 00 00 00 00 00 00 00 00 00 00 00 00 00 00 E2 00 06 07\n", stderr="")
expect("craft: TO follows the request bit, IC the NVMe-MI message type, unless set",
       ["craft", "mctp(dst=9,src=8,to=0,ic=0)/nvme_mi(ror=request,nmimt=mi_command)/mi_command(opcode=read_data_structure)"],
       0, stdout_has="01 09 08 C0 04 08 00 00")
expect("craft: a response goes without TO", ["craft", "mctp(dst=9,src=8)/control(rq=0,cmd=get_endpoint_id)/get_endpoint_id(eid=9)"],
       0, "01 09 08 C0 00 00 02 00 09 00 00\n")
expect("craft warns about a frame that does not decode cleanly",
       ["craft", "smbus(dst=0x10,src=0x08,pec=0x00)/mctp(dst=9,src=8,to=1)/control(rq=1,cmd=get_endpoint_id)"], 0,
       "20 0F 08 11 01 09 08 C8 00 80 02 00\n",
       stderr="mctpkit: warning: the crafted frame decodes with warning bad-checksum at byte 11 in smbus: "
              "PEC 0x00 does not match the computed 0x58\n")
expect("craft --strict refuses a truncated frame", ["craft", "--strict", "mctp()/control(rq=0,cc=0,cmd=get_endpoint_id)/get_endpoint_id(eid=none)"], 1,
       stdout="", stderr_has="mctpkit: error: the crafted frame decodes with error truncated")
expect("craft refuses a field of another variant",
       ["craft", "mctp()/pldm(rq=1,type=platform,cmd=platform_event_message)/platform_event_message(tid=1)/"
                 "sensor_event(sensor_event_class=1,event_state=2)"], 2,
       stderr_has="pldm.sensor_event.event_state does not apply with the values given (it belongs to another variant of the message)\n")

# ---- reassembly: frames without PEC, dropped packets explained, JSON lines only --------------
NO_PEC = ["smbus: 20 0F 0D 11 01 09 08 89 7E 12 34 80 05 00 11 22", "smbus: 20 0F 0C 11 01 09 08 59 33 44 55 66 77 88 99"]
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "nopec.txt")
    with open(path, "w") as f:
        f.write("\n".join(NO_PEC) + "\n")
    expect("SMBus frames without PEC reassemble", ["decode", "-r", path, "--reassemble"], 0,
           stdout_has="message from packets 1, 2 (15 bytes): MCTP 0:1 (09 <-- 08) (S:E:TO) VDPCI / VDM-PCI REQ (VID: 1234, cmd_code: 0x05, rq: 1) / Raw\n")
    with open(path, "w") as f:
        f.write(NO_PEC[0] + "\n" + NO_PEC[1] + " 00\n")
    expect("a bad PEC drops the packet and the message says why", ["decode", "-r", path, "--reassemble"], 0,
           stdout_has="reassembly incomplete: end of input with a message of 8 bytes in 1 packet in progress: dropped "
                      "(packet 2 was dropped: warning bad-checksum at byte 15 in smbus: PEC 0x00 does not match the computed 0xF8)\n")
    rc, out, _ = run("decode", "-r", path, "--reassemble", "-T", "json")
    lines = [json.loads(l) for l in out.splitlines()]
    check("decode --reassemble -T json prints JSON lines only", rc == 0 and len(lines) == 4 and
          lines[2] == {"reassembly": "bad-packet", "packets": [2],
                       "text": "packet dropped: warning bad-checksum at byte 15 in smbus: PEC 0x00 does not match the computed 0xF8"} and
          lines[3]["reassembly"] == "incomplete", out)
    pcap = os.path.join(d, "frag.pcap")
    run("craft", "--mtu", "8", "-w", pcap, "mctp(dst=9,src=8,to=1,tag=1)/vdm_pci(vendor_id=0x1234,command=5)/vdm_data(data=00112233445566778899)")
    rc, out, _ = run("analyze", pcap, "-T", "json")
    objects = [json.loads(l) for l in out.splitlines()]
    check("analyze -T json: every line is JSON, the message included",
          rc == 0 and len(objects) == 3 and objects[2]["message_frames"] == [1, 2] and objects[2]["frame"] == 2, out)

# ---- request/response links per message -------------------------------------------------------
SLL = os.path.join(SHARED, "captures", "mctp-sll.pcap")
LINK_FIELDS = ["-T", "fields", "-e", "frame.number", "-e", "mctp.response_in", "-e", "mctp.response_to",
               "-e", "mctp.response_time", "-e", "mctp.request_command"]
out = expect("fields: requests name their response, responses their request", ["analyze", SLL, *LINK_FIELDS], 0)
rows = out.splitlines()
check("  first pair", rows[:2] == ["1\t2\t\t\t", "2\t\t1\t1001.000\tcontrol set_endpoint_id"], out[:300])
check("  NVMe-MI pair", "32\t33\t\t\t\n33\t\t32\t1001.000\tnvme_mi mi_command\n" in out, out)
check("  the reassembled FRU response (frames 25, 28, 29) answers frame 24",
      "29\t\t24\t5005.000\tpldm fru get_fru_record_table\n" in out, out)
with open(SLL, "rb") as f:
    data = f.read()
p = subprocess.run([TOOL, "analyze", "-", "-c", "4", *LINK_FIELDS], input=data, capture_output=True, timeout=60)
check("from a pipe only responses are linked (no second pass)",
      p.returncode == 0 and p.stdout == b"1\t\t\t\t\n2\t\t1\t1001.000\tcontrol set_endpoint_id\n3\t\t\t\t\n"
                                   b"4\t\t3\t1001.000\tcontrol get_endpoint_id\n", repr(p))
rc, out, _ = run("analyze", SLL, "-T", "json", "-c", "2")
objects = [json.loads(l) for l in out.splitlines()]
check("JSON carries the links", rc == 0 and objects[0]["response_in"] == 2 and objects[1]["response_to"] == 1 and
      objects[1]["response_time_ms"] == 1001.0 and objects[1]["request_command"] == "control set_endpoint_id", out[:400])
out = expect("-V: an NVMe-MI response shows its request's opcode and decodes its data by it",
             ["analyze", SLL, "-V", "-Y", "nvme_mi.rsp"], 0)
check("  request opcode", "    Opcode of the request: read_data_structure (0) [nvme_mi.rsp.request_opcode]\n" in out, out)
check("  response data", "NVM Subsystem Information (bytes 12-44)\n" in out and "[nvme_mi.subsys_info.mnr]" in out, out)
check("  link lines", out.endswith("Request/response\n    Response to the request in frame 32 [mctp.response_to]\n"
                                   "    Time since the request: 1001.000 ms [mctp.response_time]\n"
                                   "    Request: nvme_mi mi_command [mctp.request_command]\n\n"), out[-400:])

finish()
