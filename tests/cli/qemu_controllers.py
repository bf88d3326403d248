"""Stand-ins for QEMU in the CLI tests: relays and controllers on 127.0.0.1 that join two mctpkit
processes which both connect as QEMU's clients. Each runs in a thread for at most 60 s and
closes its sockets when it ends."""
import select
import socket
import struct
import threading
import time

from cli_support import crc8


# ---- QEMU's typed stream messages: [u32 big-endian length = 1 + payload][type][payload] --------
def frame_message(kind, payload=b""):
    return struct.pack(">I", 1 + len(payload)) + bytes([kind]) + payload


HELLO = frame_message(0x07, bytes.fromhex("00010000"))
WRITE, READ_REQ, READ_RSP, ALERT = 0x00, 0x01, 0x02, 0x03


class MessageReader:
    def __init__(self, sock):
        self.sock, self.buffer = sock, b""

    def feed(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError("closed")
        self.buffer += data
        messages = []
        while len(self.buffer) >= 4:
            n = struct.unpack(">I", self.buffer[:4])[0]
            if len(self.buffer) < 4 + n:
                break
            messages.append((self.buffer[4], self.buffer[5:4 + n]))
            self.buffer = self.buffer[4 + n:]
        return messages


def smbus_frames(data):
    """Whole SMBus frames (address, 0x0F, count, count bytes, PEC) out of a read buffer."""
    frames = []
    while len(data) >= 3 and len(data) >= 4 + data[2]:
        frames.append(data[:4 + data[2]])
        data = data[4 + data[2]:]
    return frames


class ScriptedPeer(threading.Thread):
    """A stand-in's thread: its loop ends when `stopping` is set or after 60 s; close() stops it
    and waits for it."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stopping = False

    def close(self):
        self.stopping = True
        self.join(10)


class ListeningPeer(ScriptedPeer):
    """A stand-in that listens on a TCP port of 127.0.0.1 (`port`) for the transports to connect
    to, as QEMU's socket chardevs do."""

    def __init__(self):
        super().__init__()
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(4)
        self.port = self.server.getsockname()[1]


class I2cStreamRelay(ListeningPeer):
    """Accepts the target, then masters one after another. A master's WRITE goes to the target
    as a WRITE; the target's ALERT is answered with READ_REQ 0.2 s later (a controller that takes
    its time), and the frames of its READ_RSP go to the master of the moment as WRITEs. `seen`
    lists (side, message type) as they came."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def run(self):
        target = master = None
        read_due = None
        readers = {}
        end = time.time() + 60
        try:
            while not self.stopping and time.time() < end:
                ready, _, _ = select.select([self.server, *readers], [], [], 0.02)
                if read_due is not None and time.time() >= read_due and target is not None:
                    target.sendall(frame_message(READ_REQ, struct.pack(">H", 4096)))
                    read_due = None
                for s in ready:
                    if s is self.server:
                        conn, _ = self.server.accept()
                        conn.sendall(HELLO)
                        if target is None:
                            target = conn
                        else:
                            if master is not None:
                                readers.pop(master)
                                master.close()
                            master = conn
                        readers[conn] = MessageReader(conn)
                        continue
                    try:
                        messages = readers[s].feed()
                    except (ConnectionError, OSError):
                        readers.pop(s)
                        s.close()
                        master = None if s is master else master
                        continue
                    for kind, payload in messages:
                        self.seen.append(("target" if s is target else "master", kind))
                        if s is master and kind == WRITE:
                            target.sendall(frame_message(WRITE, payload))
                        elif s is target and kind == ALERT:
                            read_due = time.time() + 0.2
                        elif s is target and kind == READ_RSP and master is not None:
                            for f in smbus_frames(payload):
                                master.sendall(frame_message(WRITE, f))
        finally:
            for s in readers:
                s.close()
            self.server.close()



# ---- I3C: two mctpkit targets joined by a controller. It assigns dynamic addresses (0x10 to the
# first target, the endpoint; 0x11 to each later one, a send), takes what a target sends as the
# controller reads it and writes it to the other target as a private write. The PEC covers the
# address byte (DSP0233), which differs between the read and the write, so the controller checks
# the one it reads and computes the one it writes.
I3C_DATA, I3C_HOT_JOIN, I3C_IBI_REQ, I3C_CCC_NOTIFY, I3C_EVENT = 0x00, 0x02, 0x04, 0x05, 0x06
ENTDAA, HOT_JOIN_ACK = 0x07, 0x02


def reread_as_written(reader, payload, writer, problems):
    """A target's data (packet + PEC) as the controller read it from `reader`, checked, and as it
    writes it to `writer`."""
    packet, pec = payload[:-1], payload[-1]
    if crc8(bytes([reader << 1 | 1]) + packet) != pec:
        problems.append(f"0x{reader:02X} sent {payload.hex()}: not the PEC of a read from it")
    return packet + bytes([crc8(bytes([writer << 1]) + packet)])


def typed_answers(own, kind, payload, others, problems):
    """What the controller sends for a typed message from the target at `own`: HOT_JOIN is
    acknowledged and answered by ENTDAA with `own`; DATA goes to each of `others` ((target,
    address) pairs) as written to it. (target, kind, payload) triples; target None: the sender."""
    if kind == I3C_HOT_JOIN:
        return [(None, I3C_EVENT, bytes([HOT_JOIN_ACK])), (None, I3C_CCC_NOTIFY, bytes([ENTDAA, own]))]
    if kind == I3C_DATA:
        return [(target, I3C_DATA, reread_as_written(own, payload, address, problems)) for target, address in others]
    return []


class I3cStreamController(ListeningPeer):
    """`seen` lists (target address, message type) as they came; `problems` what was wrong."""

    def __init__(self):
        super().__init__()
        self.seen, self.problems = [], []

    def run(self):
        address = {}  # connection -> dynamic address
        readers = {}
        end = time.time() + 60
        try:
            while not self.stopping and time.time() < end:
                ready, _, _ = select.select([self.server, *readers], [], [], 0.05)
                for s in ready:
                    if s is self.server:
                        conn, _ = self.server.accept()
                        conn.sendall(HELLO)
                        for old in [c for c, a in address.items() if a == 0x11]:
                            readers.pop(old).sock.close()
                            del address[old]
                        address[conn] = 0x10 if 0x10 not in address.values() else 0x11
                        readers[conn] = MessageReader(conn)
                        continue
                    if s not in readers:
                        continue  # closed above for a newer send
                    try:
                        for kind, payload in readers[s].feed():
                            self.handle(s, address, kind, payload)
                    except (ConnectionError, OSError):
                        readers.pop(s)
                        address.pop(s)
                        s.close()
        finally:
            for s in readers:
                s.close()
            self.server.close()

    def handle(self, s, address, kind, payload):
        own = address[s]
        self.seen.append((own, kind))
        others = [(other, a) for other, a in address.items() if other is not s]
        for target, reply_kind, reply in typed_answers(own, kind, payload, others, self.problems):
            (s if target is None else target).sendall(frame_message(reply_kind, reply))


class I3cNetdevController(ScriptedPeer):
    """The same controller on qemu-i3c-netdev2's datagrams, one message each ([type][payload]):
    the endpoint sends to `endpoint_port` and is given 0x10, each send to `sender_port` and is
    given 0x11; a target is answered at the address it last sent from."""

    def __init__(self):
        super().__init__()
        self.addresses = {}  # socket -> the dynamic address of the target that sends to it
        for address in (0x10, 0x11):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("127.0.0.1", 0))
            self.addresses[s] = address
        self.endpoint_port, self.sender_port = [s.getsockname()[1] for s in self.addresses]
        self.seen, self.problems = [], []

    def run(self):
        peers = {}  # socket -> where its target sends from
        end = time.time() + 60
        try:
            while not self.stopping and time.time() < end:
                ready, _, _ = select.select(list(self.addresses), [], [], 0.05)
                for s in ready:
                    datagram, peers[s] = s.recvfrom(65536)
                    if not datagram:
                        continue
                    own = self.addresses[s]
                    self.seen.append((own, datagram[0]))
                    others = [(other, a) for other, a in self.addresses.items() if other is not s and other in peers]
                    for target, kind, reply in typed_answers(own, datagram[0], datagram[1:], others, self.problems):
                        answered = s if target is None else target
                        answered.sendto(bytes([kind]) + reply, peers[answered])
        finally:
            for s in self.addresses:
                s.close()


# The remote-I3C chardev protocol (qemu-i3c), where the controller drives every transfer: ENTDAA
# gives each target its address; a target with something to send raises an IBI, which the
# controller acknowledges and follows with a private read. Opcodes: START_READ 01, START_WRITE 02,
# STOP 03, PRIV_READ 05, PRIV_WRITE 06, CCC_WRITE 07, CCC_READ 08, IBI 09, IBI ACK C0; lengths
# u32 little-endian.
def le32(n):
    return struct.pack("<I", n)


class I3cChardevController(ListeningPeer):
    """`joined` lists the addresses given; `ibis` counts the IBIs taken; `problems` what was wrong."""

    def __init__(self):
        super().__init__()
        self.joined, self.ibis, self.problems = [], {0x10: 0, 0x11: 0}, []

    def run(self):
        targets = {}  # connection -> [address, bytes received, answer awaited: "entdaa", "read" or None]
        end = time.time() + 60
        try:
            while not self.stopping and time.time() < end:
                ready, _, _ = select.select([self.server, *targets], [], [], 0.05)
                for s in ready:
                    if s is self.server:
                        conn, _ = self.server.accept()
                        for old in [c for c, t in targets.items() if t[0] == 0x11]:
                            old.close()
                            del targets[old]
                        own = 0x10 if all(t[0] != 0x10 for t in targets.values()) else 0x11
                        targets[conn] = [own, b"", "entdaa"]
                        # ENTDAA: the target answers PID, BCR, DCR; the controller writes the address.
                        conn.sendall(bytes([0x02, 0x07]) + le32(1) + bytes([ENTDAA, 0x01, 0x08]) + le32(8))
                        continue
                    if s not in targets:
                        continue  # closed above for a newer send
                    try:
                        data = s.recv(65536)
                    except OSError:
                        data = b""
                    if not data:
                        del targets[s]
                        s.close()
                        continue
                    targets[s][1] += data
                    try:
                        self.parse(s, targets)
                    except OSError as e:  # a send went away while its reply was written
                        self.problems.append(f"0x{targets[s][0]:02X}: {e}")
        finally:
            for s in targets:
                s.close()
            self.server.close()

    def parse(self, s, targets):
        t = targets[s]
        while t[1]:
            if t[2] is None:  # only an IBI comes unasked
                if len(t[1]) < 7:
                    return
                if t[1][0] != 0x09 or t[1][1] != t[0]:
                    self.problems.append(f"0x{t[0]:02X}: {t[1].hex()} is not its IBI")
                    t[1] = b""
                    return
                t[1] = t[1][7:]
                self.ibis[t[0]] += 1
                s.sendall(bytes([0xC0, 0x01, 0x05]) + le32(256))  # ACK, then a private read
                t[2] = "read"
                continue
            if len(t[1]) < 4 or len(t[1]) < 4 + struct.unpack("<I", t[1][:4])[0]:
                return
            n = struct.unpack("<I", t[1][:4])[0]
            answer, t[1] = t[1][4:4 + n], t[1][4 + n:]
            if t[2] == "entdaa":
                s.sendall(bytes([0x02, 0x07]) + le32(1) + bytes([t[0], 0x03]))
                self.joined.append(t[0])
            else:
                s.sendall(b"\x03")
                for other, (other_address, _, _) in targets.items():
                    if other is not s and answer:
                        written = reread_as_written(t[0], answer, other_address, self.problems)
                        other.sendall(bytes([0x02, 0x06]) + le32(len(written)) + written + b"\x03")
            t[2] = None
