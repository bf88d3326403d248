"""Writes ``layers.pyi``, the type stub of :mod:`mctpkit.layers`, by walking the layer registry
(so editors complete layer and field names). Run it again after adding layers, with plugins
loaded for their layers:

    python3 -m mctpkit._stubgen [OUTPUT]      (default: layers.pyi beside this file)
"""

import keyword
import os
import sys

from . import _mctpkit

_TYPES = {"uint": "int", "bits": "int", "bytes": "bytes", "list": "list[Record]"}
_ARGUMENT_TYPES = {
    "uint": "_Number",
    "bits": "_Number",
    "bytes": "_Bytes",
    "list": "_List",
}


def _name(text):
    return text + "_" if keyword.iskeyword(text) else text


def _fields(entries):
    seen = {}
    for entry in entries:
        for field in entry["fields"]:
            seen.setdefault(field["name"], field)
    return list(seen.values())


def _class(name, base, title, fields):
    lines = [f"class {name}({base}):", f'    """{title}"""']
    for f in fields:
        lines.append(f"    {_name(f['name'])}: {_TYPES[f['kind']]}")
    arguments = ", ".join(f"{_name(f['name'])}: {_ARGUMENT_TYPES[f['kind']]} = ..." for f in fields)
    lines.append(f"    def __init__(self{', *, ' + arguments if arguments else ''}) -> None: ...")
    return "\n".join(lines) + "\n"


def generate():
    """The text of layers.pyi for the layers the registry holds now."""
    by_craft_name = {}
    for entry in _mctpkit._layer_table():
        by_craft_name.setdefault(entry["craft_name"], []).append(entry)
    out = [
        "# The classes of mctpkit.layers, generated from the layer registry by\n"
        "# `python3 -m mctpkit._stubgen`; do not edit.\n"
        "from typing import Optional, Union\n\n"
        "from mctpkit._mctpkit import Layer, Record\n"
        "from mctpkit._values import EnumValue, _Absent\n\n"
        "_Number = Union[int, str, EnumValue, None, _Absent]\n"
        "_Bytes = Union[bytes, bytearray, memoryview, str, None, _Absent]\n"
        "_List = Union[list, tuple, None, _Absent]\n\n"
        "def refresh_layers() -> list[str]: ...\n"
    ]
    for craft_name, entries in by_craft_name.items():
        out.append("\n" + _class(_name(craft_name), "Layer", entries[0]["title"], _fields(entries)))
        for entry in entries:
            if entry["id"] != craft_name:
                out.append("\n" + _class(_name(entry["id"]), _name(craft_name), entry["title"], _fields([entry])))
    return "".join(out)


def main(argv):
    path = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(__file__), "layers.pyi")
    with open(path, "w", encoding="utf-8") as f:
        f.write(generate())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
