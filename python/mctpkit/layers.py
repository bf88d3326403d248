"""Every layer of the registry as a class, generated from the layer tables at import.

    from mctpkit.layers import smbus, mctp, control, set_endpoint_id
    pkt = smbus(dst=0x32, src=0x10) / mctp(dst=0, src=10, to=1, tag=7) / \\
          control(rq=1, iid=0x11) / set_endpoint_id(op="set", eid=29)

A class is made for each craft name (``set_endpoint_id``, which stands for the request and the
response: stacking picks the one the layer below points at) and for each layer id that differs
from it (``set_endpoint_id_req``), as a subclass. Nothing here is written per layer: the classes
are the generic :class:`mctpkit.Layer` over each declaration's field table. Classes are cached
per declaration, so :func:`refresh_layers` (after plugins add layers) keeps existing ones.
"""

import keyword

from . import _mctpkit

_classes = {}  # (class name, layer ids) -> class, kept across refreshes
_exported = []


def _craft_init(self, **fields):
    _mctpkit.Layer.__init__(self, type(self)._layer_name, **fields)


def _python_name(name):
    return name + "_" if keyword.iskeyword(name) else name


def _make_class(name, layer_name, ids, doc, base):
    key = (name, layer_name, ids)
    cls = _classes.get(key)
    if cls is None:
        cls = type(name, (base,), {
            "__slots__": (),
            "__init__": _craft_init,
            "__doc__": doc,
            "__module__": __name__,
            "_layer_name": layer_name,
            "_layer_ids": ids,
        })
        _classes[key] = cls
    return cls


def refresh_layers():
    """Generates the classes again from the registry (after plugins added layers). Returns the
    names of the classes, which are also this module's attributes."""
    by_craft_name = {}
    for entry in _mctpkit._layer_table():
        by_craft_name.setdefault(entry["craft_name"], []).append(entry)
    current = {}  # attribute name -> class
    by_id = {}
    for craft_name, entries in by_craft_name.items():
        ids = tuple(e["id"] for e in entries)
        doc = "".join(e["description"] for e in entries)
        craft_class = _make_class(_python_name(craft_name), craft_name, ids, doc, _mctpkit.Layer)
        current[craft_class.__name__] = craft_class
        for e in entries:
            cls = craft_class
            if e["id"] != craft_name:
                cls = _make_class(_python_name(e["id"]), e["id"], (e["id"],), e["description"], craft_class)
                current.setdefault(cls.__name__, cls)
            by_id[e["id"]] = cls
    for old in _exported:
        globals().pop(old, None)
    globals().update(current)
    _exported[:] = list(current)
    _mctpkit._set_layer_classes(by_id)
    return list(current)


def __dir__():
    return sorted(list(_exported) + ["refresh_layers"])


refresh_layers()
