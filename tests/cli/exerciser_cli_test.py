#!/usr/bin/env python3
"""`mctpkit exercisers`, `send` and `listen` end to end over UDP on 127.0.0.1 (qemu-i2c) and a
pseudo-terminal (serial), against scripted peers written here byte for byte.

Usage: exerciser_cli_test.py MCTPKIT
Prints "N passed, M failed" last and exits 1 when anything failed.
"""
import errno
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

from cli_support import check, crc8, finish, free_udp_port  # counting, report, checksums, ports

TOOL = sys.argv[1]


def run(*args, timeout=20):
    p = subprocess.run([TOOL, *args], capture_output=True, text=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr


def h(text):
    return bytes.fromhex(text)


class UdpResponder(threading.Thread):
    """Answers each SMBus request datagram with `answer(request)` (None: stay silent)."""

    def __init__(self, answer, count=1):
        super().__init__(daemon=True)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.port = self.sock.getsockname()[1]
        self.answer, self.count, self.requests = answer, count, []

    def run(self):
        try:
            for _ in range(self.count):
                data, sender = self.sock.recvfrom(512)
                self.requests.append(data)
                reply = self.answer(data)
                if reply is not None:
                    self.sock.sendto(reply, sender)
        except OSError:
            pass

    def close(self):
        self.join(15)
        self.sock.close()


def smbus(dst7, src7, packet):
    body = bytes([dst7 << 1, 0x0F, len(packet) + 1, (src7 << 1) | 1]) + packet
    return body + bytes([crc8(body)])


def control_response(request_frame, body):
    """The control response to an SMBus control request: EIDs and addresses swapped, TO clear,
    same tag, rq clear, same instance ID and command, then `body` (completion code first)."""
    packet = request_frame[4:-1]
    dst, src, flags = packet[1], packet[2], packet[3]
    iid, cmd = packet[5] & 0x1F, packet[6]
    rsp = bytes([0x01, src, dst, 0xC0 | (flags & 0x07), 0x00, iid, cmd]) + body
    return smbus(request_frame[3] >> 1, request_frame[0] >> 1, rsp)


# exercisers
rc, out, err = run("exercisers")
check("exercisers lists serial", rc == 0 and "serial             DSP0253 frames on a tty" in out, out + err)
check("exercisers lists qemu-i2c syntax", "qemu-i2c:in=PORT,out=PORT[,host=127.0.0.1]" in out, out)
rc, out, err = run("exercisers", "-T", "json")
names = [k["name"] for k in json.loads(out)] if rc == 0 else []
check("exercisers json", "serial" in names and "qemu-i2c" in names, out + err)

# send: one request, its response, latency, both directions in a pcap
GET_EID_REQ = h("3A 0F 08 21 01 09 08 C8 00 80 02 30")  # 0x10 -> 0x1D, EID 8 -> 9, tag 0, iid 0
GET_EID_RSP = h("20 0F 0C 3B 01 08 09 C0 00 00 02 00 09 00 00 80")
with tempfile.TemporaryDirectory() as tmp:
    responder = UdpResponder(lambda req: GET_EID_RSP)
    responder.start()
    pcap = os.path.join(tmp, "send.pcap")
    via = f"qemu-i2c:in=0,out={responder.port},addr=0x10,peer=0x1D"
    rc, out, err = run("send", "--via", via, "mctp(dst=9,src=8)/control()/get_endpoint_id()", "--timeout", "3000",
                       "-w", pcap)
    responder.close()
    lines = out.splitlines()
    check("send exit 0", rc == 0, out + err)
    check("send request bytes", responder.requests == [GET_EID_REQ], repr(responder.requests))
    # Summaries show the address bytes as on the wire (PyMCTP's SMBUS text): 0x1D -> 0x3A, 0x10 -> 0x20.
    check("send prints request, response, latency", len(lines) == 3 and lines[0].startswith("-> SMBUS (dst=0x3A, src=0x21,")
          and lines[1].startswith("<- SMBUS (dst=0x20, src=0x3B,")
          and lines[1].endswith("/ GetEndpointID (eid: 09, type: simple, eid_type: dynamic)")
          and lines[2].startswith("response in ") and lines[2].endswith(" us"), out)
    with open(pcap, "rb") as f:
        data = f.read()
    # 24-byte header, two records of 16 + 16 (SLL) + packet (7 and 11 bytes).
    check("send pcap holds both directions", len(data) == 24 + 32 + 7 + 32 + 11, len(data))

# send: no response -> exit 4 after the retries
responder = UdpResponder(lambda req: None, count=2)
responder.start()
rc, out, err = run("send", "--via", f"qemu-i2c:in=0,out={responder.port},addr=0x10,peer=0x1D",
                   "mctp(dst=9,src=8)/control()/get_endpoint_id()", "--timeout", "50", "--retries", "1")
responder.close()
check("send timeout exit 4", rc == 4 and out.splitlines()[-1] == "no response after 2 tries of 50 ms", out + err)
check("send retries the same bytes", responder.requests == [GET_EID_REQ, GET_EID_REQ], repr(responder.requests))

# send: JSON output
responder = UdpResponder(lambda req: GET_EID_RSP)
responder.start()
rc, out, err = run("send", "--via", f"qemu-i2c:in=0,out={responder.port},addr=0x10,peer=0x1D",
                   "mctp(dst=9,src=8)/control()/get_endpoint_id()", "--timeout", "3000", "-T", "json")
responder.close()
objs = [json.loads(line) for line in out.splitlines()] if rc == 0 else []
check("send json", len(objs) == 3 and objs[0]["direction"] == "sent" and objs[1]["direction"] == "received"
      and objs[2]["outcome"] == "response" and objs[2]["tries"] == 1, out + err)

# send: every control request to a scripted responder (requests written out by hand; tag and
# instance ID 0 each time, since every run is a new requester).
CONTROL = [
    ("set_endpoint_id(op=set,eid=0x1D)", "01 09 08 C8 00 80 01 00 1D", "00 00 1D 00"),
    ("get_endpoint_id()", "01 09 08 C8 00 80 02", "00 09 00 00"),
    ("get_endpoint_uuid()", "01 09 08 C8 00 80 03", "00" + " 11" * 16),
    ("get_mctp_version_support(msg_type_number=0xff)", "01 09 08 C8 00 80 04 FF", "00 01 F1 F3 F1 00"),
    ("get_message_type_support()", "01 09 08 C8 00 80 05", "00 02 00 01"),
    ("get_vendor_defined_message_support(selector=0)", "01 09 08 C8 00 80 06 00", "00 FF 00 80 86 00 01"),
    ("resolve_endpoint_id(target_eid=0x0A)", "01 09 08 C8 00 80 07 0A", "00 09 10"),
    ("allocate_endpoint_ids(op=allocate,pool_size=4,start_eid=0x20)", "01 09 08 C8 00 80 08 00 04 20", "00 00 04 20"),
    ("get_routing_table_entries(handle=0)", "01 09 08 C8 00 80 0A 00", "00 FF 00"),
    ("prepare_for_endpoint_discovery()", "01 09 08 C8 00 80 0B", "00"),
    ("endpoint_discovery()", "01 09 08 C8 00 80 0C", "00"),
    ("discovery_notify()", "01 09 08 C8 00 80 0D", "00"),
    ("get_network_id()", "01 09 08 C8 00 80 0E", "00" + " 22" * 16),
]
for request, want, body in CONTROL:
    responder = UdpResponder(lambda req, body=body: control_response(req, h(body)))
    responder.start()
    rc, out, err = run("send", "--via", f"qemu-i2c:in=0,out={responder.port},addr=0x10,peer=0x1D",
                       f"mctp(dst=9,src=8)/control()/{request}", "--timeout", "3000")
    responder.close()
    packets = [r[4:-1] for r in responder.requests]
    check(f"send control {request}", rc == 0 and packets == [h(want)] and out.splitlines()[-1].startswith("response in "),
          f"exit {rc}\n{out}{err}{[p.hex(' ') for p in packets]}")

# send: an error completion code is a response (exit 0), shown as such
responder = UdpResponder(lambda req: control_response(req, h("05")))
responder.start()
rc, out, err = run("send", "--via", f"qemu-i2c:in=0,out={responder.port},addr=0x10,peer=0x1D",
                   "mctp(dst=9,src=8)/control()/get_endpoint_id()", "--timeout", "3000")
responder.close()
check("send error completion", rc == 0 and out.splitlines()[-1].startswith("error completion code 0x05 in "), out + err)

# send: bad specification and bad expression
rc, out, err = run("send", "--via", "nope:x=1", "mctp(dst=9,src=8)/control()/get_endpoint_id()")
check("send unknown exerciser", rc == 2 and err.startswith("mctpkit: error: unknown exerciser 'nope'"), err)
rc, out, err = run("send", "--via", "qemu-i2c:in=0", "control()/get_endpoint_id()", "--timeout", "10")
check("send without mctp layer", rc == 2 and err.startswith("mctpkit: error: the message has no mctp(...) layer"), err)
rc, out, err = run("send", "--via", "serial:/nonexistent/tty", "mctp(dst=9,src=8)/control()/get_endpoint_id()")
check("send port missing exit 5", rc == 5 and
      err == "mctpkit: error: serial: cannot open /nonexistent/tty: No such file or directory\n", err)


# send and listen over a pseudo-terminal
def open_pty():
    master, slave = os.openpty()
    path = os.ttyname(slave)
    os.close(slave)
    return master, path


def read_exact(fd, n, timeout=5.0):
    out = b""
    end = time.time() + timeout
    while len(out) < n and time.time() < end:
        import select
        r, _, _ = select.select([fd], [], [], 0.1)
        if r:
            try:
                out += os.read(fd, n - len(out))
            except OSError as e:  # EIO until the tool has opened the other side
                if e.errno != errno.EIO:
                    raise
                time.sleep(0.02)
    return out


SERIAL_REQ = h("7E 01 07 01 09 08 C8 00 80 02 0E B2 7E")  # FCS 0x0EB2
SERIAL_RSP = h("7E 01 0B 01 08 09 C0 00 00 02 00 09 00 00 92 B1 7E")  # FCS 0x92B1
master, path = open_pty()
proc = subprocess.Popen([TOOL, "send", "--via", f"serial:{path}", "mctp(dst=9,src=8)/control()/get_endpoint_id()",
                         "--timeout", "3000"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    got = read_exact(master, len(SERIAL_REQ))
    os.write(master, h("00 11 7E 01"))        # noise, then an aborted frame
    os.write(master, SERIAL_RSP[:5])           # the response in two pieces
    time.sleep(0.05)
    os.write(master, SERIAL_RSP[5:])
    out, err = proc.communicate(timeout=15)
finally:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    os.close(master)
check("send over a pty: request bytes", got == SERIAL_REQ, got.hex(" "))
check("send over a pty: response", proc.returncode == 0 and out.splitlines()[1].startswith("<- SERIAL (revision: 1")
      and out.splitlines()[2].startswith("response in "), out + err)

# listen on a pty: -c bound
master, path = open_pty()
proc = subprocess.Popen([TOOL, "listen", "--via", f"serial:{path}", "-c", "2", "--duration", "10"],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    time.sleep(0.3)
    os.write(master, SERIAL_RSP + h("55") + SERIAL_REQ)
    out, err = proc.communicate(timeout=15)
finally:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    os.close(master)
lines = out.splitlines()
check("listen on a pty", proc.returncode == 0 and len(lines) == 2 and lines[0].startswith("SERIAL (revision: 1, byte_count: 11")
      and lines[1].startswith("SERIAL (revision: 1, byte_count: 7"), out + err)
check("listen summary line", err.startswith("mctpkit listen: 2 frames received, 2 shown in ") and
      err.endswith(" s (count reached)\n"), err)

# listen on a pty: the port vanishing is exit 5, not a hang
master, path = open_pty()
proc = subprocess.Popen([TOOL, "listen", "--via", f"serial:{path}", "--duration", "10"],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    # Close the port only once the tool holds it open (a slow start, under a sanitizer say, must
    # not turn this into a port that was never there).
    deadline = time.time() + 10
    while time.time() < deadline and not any(
            os.path.realpath(os.path.join(f"/proc/{proc.pid}/fd", fd)) == path
            for fd in (os.listdir(f"/proc/{proc.pid}/fd") if os.path.isdir(f"/proc/{proc.pid}/fd") else [])):
        time.sleep(0.02)
    os.write(master, SERIAL_RSP[:6])
    time.sleep(0.1)
    os.close(master)
    out, err = proc.communicate(timeout=15)
finally:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
check("listen port gone", proc.returncode == 5 and "mctpkit: error: serial: " in err and "(transport failed)" in err, out + err)


# listen over qemu-i2c: filter, JSON, SIGINT
def feed_until_done(proc, port, frames):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    end = time.time() + 10
    while proc.poll() is None and time.time() < end:
        for f in frames:
            s.sendto(f, ("127.0.0.1", port))
        time.sleep(0.05)
    s.close()


port = free_udp_port()
with tempfile.TemporaryDirectory() as tmp:
    pcap = os.path.join(tmp, "listen.pcap")
    proc = subprocess.Popen([TOOL, "listen", "--via", f"qemu-i2c:in={port},addr=0x10", "-Y", "mctpc.command == 2",
                             "-c", "1", "-T", "json", "--duration", "10", "-w", pcap],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    feeder = threading.Thread(target=feed_until_done, args=(proc, port, [GET_EID_REQ, GET_EID_RSP]))
    feeder.start()
    try:
        out, err = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        feeder.join()
    obj = json.loads(out.splitlines()[0]) if out else {}
    check("listen qemu-i2c filter and json", proc.returncode == 0 and len(out.splitlines()) == 1 and
          obj.get("link") == "smbus", out + err)
    check("listen pcap", os.path.getsize(pcap) in (24 + 32 + 7, 24 + 32 + 11), os.path.getsize(pcap))

port = free_udp_port()
proc = subprocess.Popen([TOOL, "listen", "--via", f"qemu-i2c:in={port},addr=0x10", "-T", "fields", "-e", "mctp.src",
                         "-e", "mctpc.command"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    seen = ""
    end = time.time() + 10
    os.set_blocking(proc.stdout.fileno(), False)
    while "\n" not in seen and time.time() < end:
        s.sendto(GET_EID_RSP, ("127.0.0.1", port))
        time.sleep(0.05)
        try:
            seen += proc.stdout.read() or ""
        except (BlockingIOError, TypeError):
            pass
    s.close()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
finally:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
out = seen + (out or "")
check("listen fields", out.splitlines()[0] == "0x09\t0x02", repr(out))
check("listen stops on SIGINT", proc.returncode == 0 and err.startswith("mctpkit listen: ") and err.endswith("(stopped)\n"),
      err)

finish()
