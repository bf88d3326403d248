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

Devices: ``ex = open("qemu-i2c:in=5558,out=5559,addr=0x10")``, then ``ex.sr1(pkt, timeout=1)``
returns the response that answers a request (``ex.request(pkt)`` the whole exchange);
``Responder(config).serve(ex, max_requests=10)`` answers as emulated endpoints.

Plugins are loaded at import from the places the mctpkit tool looks at (MCTPKIT_PLUGIN_PATH, the
user folder, the installed plugin folder) unless MCTPKIT_NO_PLUGINS is set; their layers are in
``mctpkit.layers`` like the built-in ones. ``load_plugins(path)`` loads more.

Also: craft("expression"), ls("layer"), read_capture(path), analyze(path), Filter("expr"),
exercisers(), loopback_pair(), plugins(), refresh_layers().
"""

import os as _os


from . import _mctpkit
from ._values import ABSENT, EnumValue, UnknownNameError

_mctpkit._init_types(EnumValue, UnknownNameError, ABSENT)

from ._mctpkit import (  # noqa: E402
    CaptureReader,
    CapturedFrame,
    ConfigError,
    Diagnostic,
    Exchange,
    Exerciser,
    Filter,
    ExerciserInfo,
    Fields,
    Frame,
    Latency,
    Layer,
    Plugin,
    PluginReport,
    Record,
    RefusedPlugin,
    Responder,
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
    plugins,
    read_capture,
)

if not _os.environ.get("MCTPKIT_NO_PLUGINS"):
    # As the tool does: a plugin that cannot be loaded is refused and reported, never an error.
    _mctpkit._load_plugins([], True)

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


def load_plugins(*paths, defaults=False):
    """Loads the plugin libraries ``paths`` name (files, or folders of them) and, with
    ``defaults=True``, the places searched at import too; generates the classes of the layers
    they add in :mod:`mctpkit.layers`. Returns a :class:`PluginReport`: ``loaded`` plugins and
    ``refused`` ones with the reason (a bad plugin never raises)."""
    report = _mctpkit._load_plugins([_os.fspath(p) for p in paths], defaults)
    refresh_layers()
    return report


def hexdump(data, dump=False):
    """Prints offset, hex and ASCII lines of a frame, a layer or bytes (returns them with
    ``dump=True``), as Scapy's hexdump does."""
    text = _mctpkit.hexdump(bytes(data))
    if dump:
        return text
    print(text, end="")
    return None


__all__ = [
    "ABSENT", "CaptureReader", "CapturedFrame", "ConfigError", "Diagnostic", "EnumValue",
    "Exchange", "Exerciser", "ExerciserInfo", "Fields", "Filter", "Frame", "Latency", "Layer",
    "Plugin", "PluginReport", "Record", "RefusedPlugin", "Responder", "Statistics",
    "TransportError", "Unanswered", "UnknownNameError", "analyze", "craft", "decode", "exercisers",
    "hexdump", "layers", "links", "load_plugins", "loopback_pair", "ls", "open", "plugins",
    "read_capture", "refresh_layers",
]
