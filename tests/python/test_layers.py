"""The generated layer classes and their stub."""

import mctpkit
from mctpkit import _stubgen, layers
from conftest import SOURCE


def test_every_registry_layer_has_a_class():
    table = mctpkit._mctpkit._layer_table()
    for entry in table:
        assert hasattr(layers, entry["craft_name"]), entry["craft_name"]
        assert hasattr(layers, entry["id"]), entry["id"]
    assert issubclass(layers.set_endpoint_id_req, layers.set_endpoint_id)
    assert issubclass(layers.set_endpoint_id, mctpkit.Layer)
    assert "Set Endpoint ID" in layers.set_endpoint_id.__doc__


def test_refresh_keeps_the_cached_classes():
    before = layers.set_endpoint_id
    names = mctpkit.refresh_layers()
    assert "set_endpoint_id" in names
    assert layers.set_endpoint_id is before
    frame = mctpkit.decode("64 0F 0A 21 01 00 0A CF 00 91 01 00 1D FC", link="smbus")
    assert isinstance(frame[-1], before)


def test_committed_stub_is_what_the_generator_writes():
    committed = (SOURCE / "python" / "mctpkit" / "layers.pyi").read_text()
    assert _stubgen.generate() == committed


def test_help_texts():
    assert "decode" in mctpkit.__doc__
    assert "Never raises" in mctpkit.decode.__doc__
    assert mctpkit.Frame.summary.__doc__
