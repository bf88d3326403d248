#!/usr/bin/env python3
"""`mctpkit endpoint`: options, configuration errors and exit codes; then mctpkit on both sides
of a wire: `discover` and `send` against `mctpkit endpoint` processes over qemu-i2c (UDP),
serial (a socat pty pair), qemu-i2c-stream (through a relay written here), qemu-i3c-stream and
qemu-i3c (two targets joined by an I3C controller written here) and the Aardvark (the fake vendor
library, joined across processes).

Usage: endpoint_cli_test.py MCTPKIT SHARED_DIR [FAKE_AARDVARK_LIBRARY]
Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from cli_support import check, crc8, expect, fcs16, finish, free_udp_port, setup
from qemu_controllers import (ALERT, I3C_HOT_JOIN, READ_RSP, I2cStreamRelay, I3cChardevController, I3cNetdevController,
                              I3cStreamController)

TOOL, SHARED = setup(sys.argv)
FAKE_AARDVARK = sys.argv[3] if len(sys.argv) > 3 else None
SMALLEST = ('{"physical_address": "0x10", "static_eid": 9, "uuid": "11223344-5566-7788-99aa-bbccddeeff00", '
            '"message_types": ["control", "pldm"]}')


def h(text):
    return bytes.fromhex(text)


def smbus_summary(dst7, src7, packet):
    """The summary of the SMBus binding layer of a frame from src7 to dst7 carrying `packet`."""
    head = bytes([dst7 << 1, 0x0F, len(packet) + 1, (src7 << 1) | 1])
    return (f"SMBUS (dst=0x{dst7 << 1:02X}, src=0x{(src7 << 1) | 1:02X}, byte_count={len(packet) + 1}, "
            f"pec=0x{crc8(head + packet):02X})")


def serial_summary(packet):
    return (f"SERIAL (revision: 1, byte_count: {len(packet)}, "
            f"fcs: 0x{fcs16(bytes([0x01, len(packet)]) + packet):04X})")


# ---- options, configuration errors, exit codes -----------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    def config(name, text):
        path = os.path.join(tmp, name)
        with open(path, "w") as f:
            f.write(text)
        return path

    good = config("ep.json", SMALLEST)
    expect("help", ["endpoint", "--help"], 0, stdout_has="--replay")
    expect("config required", ["endpoint", "--via", "loopback"], 2)
    expect("missing config file", ["endpoint", "--via", "x", "--config", os.path.join(tmp, "none.json")], 2)
    expect("bad JSON", ["endpoint", "--via", "x", "--config", config("bad.json", "{")], 1)
    expect("bad key", ["endpoint", "--via", "x", "--config", config("key.json", SMALLEST[:-1] + ', "mtu": 0}')], 1,
           stderr="mctpkit: error: mtu: must be between 1 and 65535\n")
    expect("bad value names the endpoint",
           ["endpoint", "--via", "x", "--config",
            config("multi.json", '{"endpoints": [' + SMALLEST + ', {"uuid": "x"}]}')], 1,
           stderr="mctpkit: error: endpoints[1].uuid: 'x' is not a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)\n")
    expect("unknown transport", ["endpoint", "--via", "nosuch:a=1", "--config", good], 2)
    expect("transport that cannot open", ["endpoint", "--via", "serial:/nonexistent/tty", "--config", good], 5,
           stderr="mctpkit: error: serial: cannot open /nonexistent/tty: No such file or directory\n")

# ---- discover: options ------------------------------------------------------------------------
expect("discover help", ["discover", "--help"], 0, stdout_has="--probe")
expect("discover bad pool", ["discover", "--via", "qemu-i2c:in=0,out=9", "--pool", "0x20-0x10"], 2,
       stderr="mctpkit: error: --pool 0x20-0x10: not a range FIRST-LAST of EIDs (0x10-0xFE)\n")
expect("discover pool outside the EIDs", ["discover", "--via", "qemu-i2c:in=0,out=9", "--pool", "0x02-0x10",
                                          "--address", "0x10"], 2,
       stderr="mctpkit: error: discovery: the EID pool 0x02-0x10 is not a range within 0x08-0xFE\n")
expect("discover bad address", ["discover", "--via", "qemu-i2c:in=0,out=9", "--address", "0x10,0x80"], 2,
       stderr="mctpkit: error: --address 0x80: not a 7-bit address (0 to 0x7F)\n")
expect("discover address and probe", ["discover", "--via", "qemu-i2c:in=0,out=9", "--address", "0x10",
                                      "--probe", "0x08-0x10"], 2, stderr_has="excludes")
expect("discover needs an address", ["discover", "--via", "qemu-i2c:in=0,out=9"], 2,
       stderr="mctpkit: error: discovery: no physical address to ask (give addresses, or a peer address)\n")
expect("discover transport failure", ["discover", "--via", "serial:/nonexistent/tty"], 5,
       stderr="mctpkit: error: serial: cannot open /nonexistent/tty: No such file or directory\n")


# ---- processes on both sides ------------------------------------------------------------------
class Endpoint:
    """A `mctpkit endpoint` process, stopped (and reaped) on leaving the block."""

    def __init__(self, via, config_path, log_path, count):
        self.log = open(log_path, "w")
        limit = ["-c", str(count)] if count is not None else []
        self.proc = subprocess.Popen([TOOL, "endpoint", "--via", via, "--config", config_path, *limit,
                                      "--duration", "60"], stdout=self.log, stderr=subprocess.STDOUT)

    def __enter__(self):
        return self

    def wait(self, timeout=20):
        """The exit code once the endpoint answered its count, or None when it did not stop."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self):
        """SIGTERM, then the exit code (None when it did not stop)."""
        self.proc.terminate()
        return self.wait()

    def __exit__(self, *exc):
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.log.close()


def wait_until(condition, timeout=10.0):
    end = time.time() + timeout
    while time.time() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def udp_port_bound(port):
    """Whether some socket is bound to UDP port `port` on this host (from /proc/net/udp)."""
    with open("/proc/net/udp") as f:
        return any(line.split()[1].endswith(f":{port:04X}") for line in f.readlines()[1:])


def holds_open(proc, path):
    """Whether process `proc` has `path` open."""
    target = os.path.realpath(path)
    fd_dir = f"/proc/{proc.pid}/fd"
    try:
        return any(os.path.realpath(os.path.join(fd_dir, fd)) == target for fd in os.listdir(fd_dir))
    except OSError:
        return False


def send(via, expression, *extra, timeout_ms=3000):
    p = subprocess.run([TOOL, "send", "--via", via, expression, "--timeout", str(timeout_ms), *extra],
                       capture_output=True, text=True, timeout=30)
    return p.returncode, p.stdout, p.stderr


# Requests from EID 8 to the endpoint at EID 9 (tag 0, instance ID 0: every send is a new
# requester) and the packets of the responses, written from DSP0236/DSP0240.
UUID = "11223344-5566-7788-99aa-bbccddeeff00"
REQUESTS = [
    ("mctp(dst=9,src=8)/control()/get_endpoint_id()",
     "01 09 08 C8 00 80 02",
     "01 08 09 C0 00 00 02 00 09 02 00",
     "MCTP 0:0 (08 <-- 09) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=2, completion_code=0) / "
     "GetEndpointID (eid: 09, type: simple, eid_type: static_eid_match)"),
    ("mctp(dst=9,src=8)/control()/get_endpoint_uuid()",
     "01 09 08 C8 00 80 03",
     "01 08 09 C0 00 00 03 00 " + UUID.replace("-", ""),
     "MCTP 0:0 (08 <-- 09) (S:E) CTRL / CONTROL RSP (instance_id: 0, cmd_code=3, completion_code=0) / "
     f"GetEndpointUUIDPacket (uuid: {UUID})"),
    ("mctp(dst=9,src=8)/pldm(type=base,cmd=get_tid)/get_tid()",
     "01 09 08 C8 01 80 00 02",
     "01 08 09 C0 01 00 00 02 00 07",
     "MCTP 0:0 (08 <-- 09) (S:E) PLDM / PLDM RSP (inst_id=0x00, type=0x00, cmd=0x02, cc=0) / GETTID (tid: 7)"),
]
TERMINUS = ('{"physical_address": "0x10", "static_eid": 9, "uuid": "' + UUID + '", '
            '"message_types": ["control", "pldm"], "pldm": {"tid": 7}}')


def write_terminus(folder):
    """The TERMINUS configuration as a file in `folder`; its path."""
    path = os.path.join(folder, "terminus.json")
    with open(path, "w") as f:
        f.write(TERMINUS)
    return path


def check_sends(transport, via, binding_summary):
    """Each request of REQUESTS through `via`: exit 0, the exact response line, a latency line."""
    for expression, request, response, rest in REQUESTS:
        rc, out, err = send(via, expression)
        lines = out.splitlines()
        want = "<- " + binding_summary(h(response)) + " / " + rest
        check(f"send over {transport}: {expression}",
              rc == 0 and len(lines) == 3 and lines[0].startswith("-> " + binding_summary(h(request)) + " / ")
              and lines[1] == want and lines[2].startswith("response in "),
              f"exit {rc}\n{out}{err}want {want}")


THREE = json.dumps({"endpoints": [
    {"name": "nic", "physical_address": "0x10", "uuid": "00000000-0000-0000-0000-00000000aa10",
     "message_types": ["control", "pldm"]},
    {"name": "psu", "physical_address": "0x12", "static_eid": 16, "uuid": "00000000-0000-0000-0000-00000000aa12",
     "message_types": ["control", "pldm", "spdm"]},
    {"name": "fan", "physical_address": "0x14", "uuid": "00000000-0000-0000-0000-00000000aa14"}]})
BRIDGED = json.dumps({"endpoints": [
    {"name": "bridge", "physical_address": "0x10", "static_eid": 32, "role": "bridge",
     "uuid": "00000000-0000-0000-0000-000000000020",
     "routing_table": [{"start_eid": 16, "physical_address": "0x12"}, {"start_eid": 17, "physical_address": "0x14"}]},
    {"name": "nic", "physical_address": "0x12", "static_eid": 16, "uuid": "00000000-0000-0000-0000-000000000010",
     "message_types": ["control", "pldm"], "pldm": {"tid": 5}}]})
TABLE = ("ADDRESS  EID   EID TYPE  UUID                                  MESSAGE TYPES\n"
         "0x10     0x11  dynamic   00000000-0000-0000-0000-00000000aa10  pldm\n"
         "0x12     0x10  static    00000000-0000-0000-0000-00000000aa12  pldm, spdm\n"
         "0x14     0x12  dynamic   00000000-0000-0000-0000-00000000aa14\n")

with tempfile.TemporaryDirectory() as tmp:
    three = os.path.join(tmp, "three.json")
    terminus = os.path.join(tmp, "terminus.json")
    with open(three, "w") as f:
        f.write(THREE)
    with open(terminus, "w") as f:
        f.write(TERMINUS)

    # -- discover over qemu-i2c: three endpoints behind one UDP port, and a silent address.
    # The endpoint binds a port chosen here and answers whoever sent last; discover binds any.
    # 3 x Get EID, 2 x Set EID, 3 x (types, UUID) = 11 requests, twice (table, then JSON).
    port = free_udp_port()
    with Endpoint(f"qemu-i2c:in={port},addr=0x10", three, os.path.join(tmp, "three.log"), 22) as ep:
        check("endpoint bound its UDP port", wait_until(lambda: udp_port_bound(port)), str(port))
        via = f"qemu-i2c:in=0,out={port},addr=0x08"
        pcap = os.path.join(tmp, "discover.pcap")
        p = subprocess.run([TOOL, "discover", "--via", via, "--address", "0x10,0x12,0x14,0x16", "--timeout", "2000",
                            "--retries", "0", "-w", pcap], capture_output=True, text=True, timeout=60)
        check("discover over qemu-i2c: table", p.returncode == 0 and p.stdout == TABLE, p.stdout + p.stderr)
        check("discover over qemu-i2c: the silent address", p.stderr ==
              "mctpkit discover: 0x16: Get Endpoint ID: no response after 1 try of 2000 ms\n", p.stderr)
        # 12 requests (one to 0x16) and 11 responses: SLL records of 16 + 16 bytes plus the packet.
        # Responses: Get EID and Set EID 11 bytes, types 9 + one per type, UUID 24.
        packets = [7] * 4 + [9, 7, 7, 7, 7, 9, 7, 7] + [11, 11, 11, 11, 10, 24, 11, 24, 11, 9, 24]
        check("discover -w writes both directions", os.path.getsize(pcap) == 24 + sum(32 + n for n in packets),
              os.path.getsize(pcap))
        p = subprocess.run([TOOL, "discover", "--via", via, "--address", "0x10,0x12,0x14", "--timeout", "2000",
                            "-T", "json"], capture_output=True, text=True, timeout=60)
        doc = json.loads(p.stdout) if p.returncode == 0 else {}
        check("discover over qemu-i2c: JSON", p.stderr == "" and doc == {
            "endpoints": [
                {"address": 16, "eid": 17, "eid_type": "dynamic", "endpoint_type": "simple",
                 "uuid": "00000000-0000-0000-0000-00000000aa10", "message_types": ["pldm"]},
                {"address": 18, "eid": 16, "eid_type": "static", "endpoint_type": "simple",
                 "uuid": "00000000-0000-0000-0000-00000000aa12", "message_types": ["pldm", "spdm"]},
                {"address": 20, "eid": 18, "eid_type": "dynamic", "endpoint_type": "simple",
                 "uuid": "00000000-0000-0000-0000-00000000aa14", "message_types": []}],
            "problems": [], "stopped": False}, p.stdout + p.stderr)
        check("endpoint answered every discovery request", ep.wait() == 0, open(os.path.join(tmp, "three.log")).read())

    # -- discover with nobody there: exit 4
    p = subprocess.run([TOOL, "discover", "--via", f"qemu-i2c:in=0,out={free_udp_port()},addr=0x08", "--probe",
                        "0x10-0x11", "--timeout", "30", "--retries", "0"], capture_output=True, text=True, timeout=30)
    check("discover with nobody answering exits 4", p.returncode == 4 and
          p.stdout == "ADDRESS  EID  EID TYPE  UUID  MESSAGE TYPES\n" and
          p.stderr == "mctpkit discover: 0x10: Get Endpoint ID: no response after 1 try of 30 ms\n"
                      "mctpkit discover: 0x11: Get Endpoint ID: no response after 1 try of 30 ms\n",
          p.stdout + p.stderr)

    # -- discover stops on SIGINT between queries and prints what it has. The signal is sent once
    # the first request is on its way (--trace shows it), so the handler is surely in place.
    proc = subprocess.Popen([TOOL, "discover", "--via", f"qemu-i2c:in=0,out={free_udp_port()},addr=0x08", "--probe",
                             "0x08-0x77", "--timeout", "100", "--retries", "0", "--trace"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([proc.stderr], [], [], 10)
        first = proc.stderr.readline() if ready else "<nothing within 10 s>"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    lines = err.splitlines()
    silent = [line for line in lines if line.endswith(": Get Endpoint ID: no response after 1 try of 100 ms")]
    check("discover stops on SIGINT", proc.returncode == 4 and out == "ADDRESS  EID  EID TYPE  UUID  MESSAGE TYPES\n"
          and first.startswith("-> SMBUS (dst=0x10, src=0x11, byte_count=8, ") and 1 <= len(silent) < 10
          and silent[0] == "mctpkit discover: 0x08: Get Endpoint ID: no response after 1 try of 100 ms"
          and lines[-1] == "mctpkit discover: stopped before the end; the table shows what was found",
          first + out + err)

    # -- send over qemu-i2c
    port = free_udp_port()
    with Endpoint(f"qemu-i2c:in={port},addr=0x10", terminus, os.path.join(tmp, "i2c.log"), 3) as ep:
        check("endpoint bound its UDP port (send)", wait_until(lambda: udp_port_bound(port)), str(port))
        check_sends("qemu-i2c", f"qemu-i2c:in=0,out={port},addr=0x08,peer=0x10",
                    lambda packet: smbus_summary(0x10 if packet[3] & 0x08 else 0x08,
                                                 0x08 if packet[3] & 0x08 else 0x10, packet))
        check("qemu-i2c endpoint answered 3", ep.wait() == 0)

    # -- a bridge forwards: a request at the bridge's address (0x10) for the EID of the nic behind
    # it is answered by the nic, from the bridge's address; EID 0x11 is routed, but nobody has it.
    bridged = os.path.join(tmp, "bridged.json")
    with open(bridged, "w") as f:
        f.write(BRIDGED)
    port = free_udp_port()
    log = os.path.join(tmp, "bridge.log")
    with Endpoint(f"qemu-i2c:in={port},addr=0x10", bridged, log, None) as ep:
        check("endpoint bound its UDP port (bridge)", wait_until(lambda: udp_port_bound(port)), str(port))
        via = f"qemu-i2c:in=0,out={port},addr=0x08,peer=0x10"
        rc, out, err = send(via, "mctp(dst=16,src=8)/pldm(type=base,cmd=get_tid)/get_tid()")
        lines = out.splitlines()
        want = ("<- " + smbus_summary(0x08, 0x10, h("01 08 10 C0 01 00 00 02 00 05")) + " / MCTP 0:0 (08 <-- 10) "
                "(S:E) PLDM / PLDM RSP (inst_id=0x00, type=0x00, cmd=0x02, cc=0) / GETTID (tid: 5)")
        check("send through a bridge: the endpoint behind it answers", rc == 0 and len(lines) == 3 and lines[1] == want,
              f"exit {rc}\n{out}{err}want {want}")
        rc, out, err = send(via, "mctp(dst=17,src=8)/control()/get_endpoint_id()", "--retries", "0", timeout_ms=200)
        check("send through a bridge to a routed EID nobody has: no response", rc == 4, f"exit {rc}\n{out}{err}")
        stopped = ep.stop()
        with open(log) as f:
            notes = [line for line in f.read().splitlines() if line.startswith("mctpkit endpoint: ")]
        check("the bridge says why it dropped the packet", stopped == 0 and notes == [
            "mctpkit endpoint: bridge: a packet for EID 0x11 dropped: the routing table covers it, but no emulated "
            "endpoint has it"], "\n".join(notes))

    # -- send over serial: a pty pair joined by socat
    if shutil.which("socat") is None:
        check("socat is installed (serial test)", False)
    else:
        a, b = os.path.join(tmp, "tty-endpoint"), os.path.join(tmp, "tty-send")
        socat = subprocess.Popen(["socat", f"pty,raw,echo=0,link={a}", f"pty,raw,echo=0,link={b}"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            check("socat made the pty pair", wait_until(lambda: os.path.exists(a) and os.path.exists(b)))
            with Endpoint(f"serial:{a}", terminus, os.path.join(tmp, "serial.log"), 3) as ep:
                check("endpoint holds its pty", wait_until(lambda: holds_open(ep.proc, a)))
                check_sends("serial", f"serial:{b}", serial_summary)
                check("serial endpoint answered 3", ep.wait() == 0)
        finally:
            socat.kill()
            socat.wait()


# ---- qemu-i2c-stream: both mctpkit processes connect as QEMU's clients; a relay stands in for
# QEMU between a target (the endpoint, connected first) and masters (each send).
with tempfile.TemporaryDirectory() as tmp:
    terminus = write_terminus(tmp)
    relay = I2cStreamRelay()
    relay.start()
    try:
        # A target's reply is only on the wire once the controller reads it: -c 3 stops after
        # the relay has read the third reply, not when it is queued.
        with Endpoint(f"qemu-i2c-stream:tcp=127.0.0.1:{relay.port},addr=0x10", terminus,
                      os.path.join(tmp, "stream.log"), 3) as ep:
            check("qemu-i2c-stream target connected", wait_until(lambda: ("target", 0x07) in relay.seen))
            check_sends("qemu-i2c-stream (master to target)",
                        f"qemu-i2c-stream:tcp=127.0.0.1:{relay.port},addr=0x08,peer=0x10,mode=master",
                        lambda packet: smbus_summary(0x10 if packet[3] & 0x08 else 0x08,
                                                     0x08 if packet[3] & 0x08 else 0x10, packet))
            check("qemu-i2c-stream: the target announced each reply and was read",
                  relay.seen.count(("target", ALERT)) == 3 and relay.seen.count(("target", READ_RSP)) == 3,
                  str(relay.seen))
            check("qemu-i2c-stream endpoint -c 3 stops by itself once the last reply was read", ep.wait() == 0,
                  open(os.path.join(tmp, "stream.log")).read())
    finally:
        relay.close()


# ---- qemu-i3c-stream and qemu-i3c: QEMU's I3C transports make mctpkit a target only, so `send`
# is a target too; a controller in qemu_controllers.py stands in for QEMU's I3C bus between the
# two, gives the endpoint address 0x10 and each send 0x11, and checks every PEC it reads.
def i3c_summary(address, rnw, packet):
    pec = crc8(bytes([address << 1 | rnw]) + packet)
    return f"I3C (addr: 0x{address:02X}, rnw: {'read' if rnw else 'write'}, pec: 0x{pec:02X})"


def check_typed_i3c_pair(transport, controller, endpoint_spec, send_spec):
    """send and endpoint as two targets of `controller` (a typed-message one, started here)."""
    with tempfile.TemporaryDirectory() as tmp:
        terminus = write_terminus(tmp)
        controller.start()
        try:
            log = os.path.join(tmp, "endpoint.log")
            with Endpoint(endpoint_spec, terminus, log, 3) as ep:
                check(f"{transport}: the endpoint joined",
                      wait_until(lambda: (0x10, I3C_HOT_JOIN) in controller.seen), str(controller.seen))
                check_sends(f"{transport} (two targets through a controller)", send_spec,
                            lambda packet: i3c_summary(0x11, 1 if packet[3] & 0x08 else 0, packet))
                check(f"{transport}: each PEC covers the address as the controller reads it", controller.problems == [],
                      "\n".join(controller.problems))
                check(f"{transport} endpoint answered 3", ep.wait() == 0, open(log).read())
            with open(log) as f:
                lines = f.read().splitlines()
            # Each request the controller wrote to 0x10, and the reply it read from there.
            check(f"{transport} endpoint log", len(lines) == 6 and
                  lines[0].startswith(i3c_summary(0x10, 0, h(REQUESTS[0][1])) + " / MCTP") and
                  lines[1].startswith(i3c_summary(0x10, 1, h(REQUESTS[0][2])) + " / MCTP"), "\n".join(lines))
        finally:
            controller.close()


stream_controller = I3cStreamController()
check_typed_i3c_pair("qemu-i3c-stream", stream_controller, f"qemu-i3c-stream:tcp=127.0.0.1:{stream_controller.port}",
                     f"qemu-i3c-stream:tcp=127.0.0.1:{stream_controller.port}")
netdev_controller = I3cNetdevController()
check_typed_i3c_pair("qemu-i3c-netdev2", netdev_controller, f"qemu-i3c-netdev2:out={netdev_controller.endpoint_port}",
                     f"qemu-i3c-netdev2:out={netdev_controller.sender_port}")


with tempfile.TemporaryDirectory() as tmp:
    terminus = write_terminus(tmp)
    controller = I3cChardevController()
    controller.start()
    try:
        log = os.path.join(tmp, "i3c-chardev.log")
        with Endpoint(f"qemu-i3c:tcp=127.0.0.1:{controller.port}", terminus, log, 3) as ep:
            check("qemu-i3c: the endpoint got its address", wait_until(lambda: 0x10 in controller.joined))
            check_sends("qemu-i3c (two targets through a controller)", f"qemu-i3c:tcp=127.0.0.1:{controller.port}",
                        lambda packet: i3c_summary(0x11, 1 if packet[3] & 0x08 else 0, packet))
            check("qemu-i3c: every reply was announced by an IBI and read", controller.ibis == {0x10: 3, 0x11: 3} and
                  controller.problems == [], f"{controller.ibis}\n" + "\n".join(controller.problems))
            check("qemu-i3c endpoint -c 3 stops once its last reply was read", ep.wait() == 0, open(log).read())
    finally:
        controller.close()


# ---- aardvark: the fake vendor library joins processes when FAKE_AARDVARK_BUS names a folder
if FAKE_AARDVARK is None:
    check("the fake Aardvark library is given", False)
else:
    with tempfile.TemporaryDirectory() as tmp:
        terminus = write_terminus(tmp)
        bus = os.path.join(tmp, "bus")
        os.mkdir(bus)
        os.environ["FAKE_AARDVARK_BUS"] = bus
        try:
            with Endpoint(f"aardvark:addr=0x10,lib={FAKE_AARDVARK}", terminus, os.path.join(tmp, "aa.log"), 3) as ep:
                check("endpoint enabled its Aardvark slave", wait_until(lambda: os.path.exists(os.path.join(bus, "10"))))
                check_sends("aardvark", f"aardvark:addr=0x08,peer=0x10,lib={FAKE_AARDVARK}",
                            lambda packet: smbus_summary(0x10 if packet[3] & 0x08 else 0x08,
                                                         0x08 if packet[3] & 0x08 else 0x10, packet))
                check("aardvark endpoint answered 3", ep.wait() == 0)
        finally:
            del os.environ["FAKE_AARDVARK_BUS"]

finish()
