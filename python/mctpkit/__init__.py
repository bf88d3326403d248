"""mctpkit: craft, decode and analyze DMTF MCTP traffic (control, PLDM, SPDM, NVMe-MI,
vendor-defined, IPMI over SMBus, serial, I3C, PCIe VDM, USB, KCS) from Python, on the mctpkit
C++ library.

Decoding (never raises for bad bytes; problems are in ``frame.diagnostics``)::

    >>> import mctpkit
    >>> f = mctpkit.decode("20 0F 0C 65 01 0A 43 D0 00 1A 01 00 00 43 00 F4", link="smbus")
    >>> f.summary()
    'SMBUS (dst=0x20, src=0x65, byte_count=12, pec=0xF4) / MCTP 1:0 (0A <-- 43) ...'
    >>> f["mctp"].src, "pldm" in f
    (67, False)

Crafting, as with PyMCTP/Scapy::

    >>> from mctpkit.layers import smbus, mctp, control, set_endpoint_id
    >>> pkt = smbus(dst=0x32, src=0x10) / mctp(dst=0, src=10, to=1, tag=7) / \\
    ...       control(rq=1, iid=0x11) / set_endpoint_id(op="set", eid=29)
    >>> bytes(pkt).hex(" ").upper()
    '64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC'

Also: craft("expression"), ls("layer"), read_capture(path), analyze(path), Filter("expr"),
exercisers(), open(spec), loopback_pair(), refresh_layers().
"""

from . import _mctpkit
from ._values import ABSENT, EnumValue, UnknownNameError

_mctpkit._init_types(EnumValue, UnknownNameError, ABSENT)

from ._mctpkit import (  # noqa: E402
    CaptureReader,
    CapturedFrame,
    Diagnostic,
    Exerciser,
    Filter,
    ExerciserInfo,
    Fields,
    Frame,
    Latency,
    Layer,
    Record,
    Statistics,
    TransportError,
    Unanswered,
    analyze,
    craft,
    decode,
    exercisers,
    links,
    loopback_pair,
    open,
    read_capture,
)
from . import layers  # noqa: E402
from .layers import refresh_layers  # noqa: E402

__version__ = "0.1.0"


def ls(layer=None, dump=False):
    """Lists a layer's fields (widths, meanings, value names, filter abbreviations) like Scapy's
    ``ls``: the text ``mctpkit layers NAME`` prints. Without a layer, lists every layer and link.
    ``layer`` is a name or a generated class; with ``dump=True`` the text is returned instead of
    printed. An unknown name raises UnknownNameError (a KeyError) with a suggestion."""
    if isinstance(layer, type) and hasattr(layer, "_layer_name"):
        layer = layer._layer_name
    text = _mctpkit.describe(layer or "")
    if dump:
        return text
    print(text, end="")
    return None


def hexdump(data, dump=False):
    """Prints offset, hex and ASCII lines of a frame, a layer or bytes (returns them with
    ``dump=True``), as Scapy's hexdump does."""
    text = _mctpkit.hexdump(bytes(data))
    if dump:
        return text
    print(text, end="")
    return None


__all__ = [
    "ABSENT", "CaptureReader", "CapturedFrame", "Diagnostic", "EnumValue", "Exerciser",
    "ExerciserInfo", "Fields", "Filter", "Frame", "Latency", "Layer", "Record", "Statistics",
    "TransportError", "Unanswered", "UnknownNameError", "analyze", "craft", "decode", "exercisers",
    "hexdump", "layers", "links", "loopback_pair", "ls", "open", "read_capture", "refresh_layers",
]
