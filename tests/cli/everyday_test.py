#!/usr/bin/env python3
"""Everyday use of the tool: the hex people paste, input from pipes, link names as people write them.

Usage: everyday_test.py MCTPKIT SHARED_DIR
"""
import os
import select
import subprocess
import sys

from cli_support import check, expect, finish, run, setup

TOOL, SHARED = setup(sys.argv)

EXAMPLE = ("MCTP 0:5 (0B <-- 0A) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=10, completion_code=0) / "
           "GetRoutingTableEntries (next_hdl=0xFF, cnt=1)  [0x0A:1]\n")
PASTED = {
    "mctpkit/Scapy hexdump": "0000  01 0B 0A C5 00 00 0A 00  FF 01 01 0A 02 00 04 01  ................\n"
                             "0010  00                                                .\n",
    "xxd": "00000000: 010b 0ac5 0000 0a00 ff01 010a 0200 0401  ................\n00000010: 00                                       .\n",
    "hexdump -C": "00000000  01 0b 0a c5 00 00 0a 00  ff 01 01 0a 02 00 04 01  |................|\n"
                  "00000010  00                                                |.|\n00000011\n",
    "od -A x -t x1": "000000 01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01\n000010 00\n000011\n",
    "C array": "static const uint8_t pkt[] = {\n  0x01, 0x0b, 0x0a, 0xc5, 0x00, 0x00, 0x0a, 0x00, 0xff,\n"
               "  0x01, 0x01, 0x0a, 0x02, 0x00, 0x04, 0x01, 0x00,\n};\n",
    "Python bytes": "b'\\x01\\x0b\\n\\xc5\\x00\\x00\\n\\x00\\xff\\x01\\x01\\n\\x02\\x00\\x04\\x01\\x00'\n",
    "dash separators": "01-0b-0a-c5-00-00-0a-00-ff-01-01-0a-02-00-04-01-00\n",
    "kernel log": "[  812.116200] mctp: 01 0b 0a c5 00 00 0a 00 ff\n[  812.116201] mctp: 01 01 0a 02 00 04 01 00\n",
}
for name, text in PASTED.items():
    expect(f"decode reads a pasted {name} from standard input", ["decode"], 0, EXAMPLE, stdin=text)
expect("decode takes a C array as arguments", ["decode", "{0x01,", "0x0b,", "0x0a,", "0xc5,", "0x00,", "0x00,", "0x0a,",
       "0x00,", "0xff,", "0x01,", "0x01,", "0x0a,", "0x02,", "0x00,", "0x04,", "0x01,", "0x00}"], 0, EXAMPLE)
expect("an odd number of hex digits is an error, never a guess", ["decode", "01 0b 0a c"], 2, "",
       stderr="mctpkit: error: column 10: odd number of hex digits in 'c' (give whole bytes, two digits each)\n")
expect("a lone digit in a file line is an error too", ["decode", "-r", "-"], 1,
       "line 1: error: column 7: odd number of hex digits in 'f' (give whole bytes, two digits each)\n", stdin="01 02 f\n")
expect("link names are matched without regard to case", ["decode", "--link", "SMBus", "20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4"],
       0, stdout_has="SMBUS (dst=0x20, src=0x65, byte_count=12, pec=0xF4)")
expect("a link prefix in any case", ["decode", "-r", "-"], 0, stdout_has="GETTID (tid: 5)", stdin="PLDM: 00 00 02 00 05\n")
expect("--link pldm: a PLDM message as pldmtool logs it", ["decode", "--link", "pldm", "00 00 02 00 05"], 0,
       "PLDM RSP (inst_id=0x00, type=0x00, cmd=0x02, cc=0) / GETTID (tid: 5)\n")
expect("--link control", ["decode", "--link", "control", "80 02"], 0, "CONTROL REQ (instance_id: 0, cmd_code=2) / GetEndpointID ()\n")
expect("--link spdm", ["decode", "--link", "spdm", "10 84 00 00"], 0, "SPDM 1.0 GET_VERSION\n")

expect("craft: an unknown layer gets a did-you-mean", ["craft", "mctp()/pdlm()"], 2, "",
       stderr="mctpkit: error: unknown layer 'pdlm' (did you mean pldm?) ('mctpkit layers' lists them)\n  mctp()/pdlm()\n         ^\n")
expect("craft: a layer stacked where nothing leads to it is a warning", ["craft", "mctp(dst=9,src=8)/pldm(rq=1)/set_endpoint_id()"],
       0, "01 09 08 C8 01 80 00 00 00 00\n",
       stderr="mctpkit: warning: pldm does not lead to set_endpoint_id (it belongs in mctpc.command); "
                  "it is built as given but decodes as something else\n")
expect("craft: raw(data=...) anywhere", ["craft", "mctp(dst=9,src=8,msg_type=0x7e)/raw(data=0102)"], 0, "01 09 08 C0 7E 01 02\n")

SLL = os.path.join(SHARED, "captures", "mctp-sll.pcap")
expect("-T fields refuses an unknown field", ["analyze", SLL, "-T", "fields", "-e", "mctp.srcc"], 2, "",
       stderr="mctpkit: error: -T fields: unknown field 'mctp.srcc' (did you mean mctp.src?)\n")
out = expect("-E header=y names the columns; reassembled-message rows name their packets",
             ["analyze", SLL, "-T", "fields", "-E", "header=y", "-e", "frame.number", "-e", "frame.message_frames", "-e", "mctp.src"], 0)
rows = out.splitlines()
check("  header row", rows[0] == "frame.number\tframe.message_frames\tmctp.src", out[:200])
check("  message row", "29\t25,28,29\t0x09" in rows and rows.count("29\t\t0x09") == 1, out)
expect("-E takes header=y|n only", ["analyze", SLL, "-T", "fields", "-E", "quote=d", "-e", "mctp.src"], 2, "",
       stderr="mctpkit: error: unknown -E option 'quote=d' (known: header=y, header=n)\n")
SMBUS = os.path.join(SHARED, "captures", "mctp-smbus-i2c.pcap")
for args in ([SLL], [SMBUS, "-T", "json"], [SLL, SMBUS, "--stats", "-c", "50"]):
    name = f"analyze {' '.join(os.path.basename(a) for a in args)}"
    rc, one, one_err = run("analyze", *args, "--threads", "1")
    check(f"{name} --threads 1 prints the capture", rc == 0 and one.count("\n") > 20, one[:300])
    expect(f"{name} --threads 2 gives what one thread gives", ["analyze", *args, "--threads", "2"], 0, one,
           stderr=one_err)
expect("--threads is 1 or 2", ["analyze", SLL, "--threads", "3"], 2, "",
       stderr="mctpkit: error: --threads: Value 3 not in range 1 to 2; see --help\n")


# ---- completion scripts and the manual page ----------------------------------------------------
rc, script, _ = run("completion", "bash")
check("completion bash is a valid script", rc == 0 and subprocess.run(["bash", "-n"], input=script, text=True).returncode == 0)
probe = script + """
COMP_WORDS=(mctpkit craft 'mctp()/pld'); COMP_CWORD=2; _mctpkit; echo "${COMPREPLY[*]}"
COMP_WORDS=(mctpkit decode --link sm); COMP_CWORD=3; _mctpkit; echo "${COMPREPLY[*]}"
COMP_WORDS=(mctpkit analyze x -e mctpc.set_eid.eid_p); COMP_CWORD=4; _mctpkit; echo "${COMPREPLY[*]}"
"""
answers = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, timeout=30).stdout
check("bash completes layers in craft, links and fields",
      answers == "mctp()/pldm mctp()/pldm_version_data\nsmbus smbus-nodst\nmctpc.set_eid.eid_pool_size\n", answers)
rc, fish, _ = run("completion", "fish")
check("completion fish lists the links", rc == 0 and "-s l -l link -x -a 'control i3c i3c-noaddr" in fish, fish[:300])
expect("completion refuses an unknown shell", ["completion", "tcsh"], 2, stderr_has="tcsh not in {bash,zsh,fish}")
man = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "man", "mctpkit.1")
groff = subprocess.run(["groff", "-man", "-ww", "-z", man], capture_output=True, text=True)
check("the manual page formats without warnings", groff.returncode == 0 and groff.stderr == "", groff.stderr)


def first_line_while_open(args, data):
    """Starts the tool, writes `data` to it and reads one output line while its input stays open."""
    p = subprocess.Popen([TOOL, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        p.stdin.write(data)
        p.stdin.flush()
        ready, _, _ = select.select([p.stdout], [], [], 10)
        return p.stdout.readline() if ready else b"<nothing within 10 s>"
    finally:
        p.kill()
        p.wait(timeout=10)


check("decode -r - answers each line as it comes",
      first_line_while_open(["decode", "-r", "-"], b"01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00\n") == EXAMPLE.encode())
with open(SLL, "rb") as f:
    pcap = f.read()
record_length = int.from_bytes(pcap[24 + 8:24 + 12], "little")
line = first_line_while_open(["analyze", "-", "-T", "fields", "-e", "frame.number", "-e", "mctp.src"], pcap[:24 + 16 + record_length])
check("analyze - shows a packet from a pipe before the pipe ends", line == b"1\t0x08\n", repr(line))

finish()
