"""Errors are Python exceptions carrying the library's messages."""

import pytest

import mctpkit
from mctpkit.layers import mctp, set_endpoint_id


def test_bad_expression_is_a_value_error_with_a_caret():
    with pytest.raises(ValueError) as caught:
        mctpkit.craft("mctp(dst=9,src=8)/set_endpoint_id(op=sett)")
    assert str(caught.value) == (
        "set_endpoint_id_req.op: 'sett' is neither a number nor a name; names are: set, force, reset, set_disc\n"
        "  mctp(dst=9,src=8)/set_endpoint_id(op=sett)\n"
        "                                       ^")


def test_unknown_field_is_a_key_error_with_a_suggestion():
    with pytest.raises(KeyError) as caught:
        set_endpoint_id(eidd=29)
    assert str(caught.value) == (
        "set_endpoint_id_req has no field 'eidd' (did you mean eid?); its fields are: reserved, op, eid")
    layer = mctpkit.decode("01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00")["mctp"]
    with pytest.raises(AttributeError, match=r"has no field 'srcc' \(did you mean src\?\)"):
        layer.srcc
    assert not hasattr(layer, "srcc")
    with pytest.raises(KeyError, match=r"has no field 'tga' \(did you mean tag\?\)"):
        layer.tga = 1


def test_unknown_layer_and_link_are_key_errors_with_suggestions():
    frame = mctpkit.decode("01 0b 0a c5 00 00 0a 00 ff 01 01 0a 02 00 04 01 00")
    with pytest.raises(KeyError) as caught:
        frame["mcpt"]
    assert str(caught.value) == "unknown layer 'mcpt' (did you mean mctp?)"
    with pytest.raises(KeyError, match=r"unknown link 'smbuss' \(did you mean smbus\?\); links are: "):
        mctpkit.decode(b"\x01", link="smbuss")
    with pytest.raises(KeyError, match=r"no layer named 'set_endpont_id' \(did you mean set_endpoint_id\?\)"):
        mctpkit.ls("set_endpont_id")


def test_values_that_do_not_fit_are_value_errors():
    with pytest.raises(ValueError, match=r"mctp.tag: value 9 does not fit in 3 bits"):
        mctp(tag=9)
    with pytest.raises(ValueError, match="negative"):
        mctp(tag=-1)
    with pytest.raises(TypeError):
        mctp(tag=1.5)


def test_bad_hex_text_is_a_value_error():
    with pytest.raises(ValueError):
        mctpkit.decode("01 zz")


def test_bad_filter_is_a_value_error_with_a_caret():
    with pytest.raises(ValueError) as caught:
        mctpkit.Filter("mctp.srcc == 8")
    assert str(caught.value) == (
        "unknown field 'mctp.srcc' at column 1 (did you mean mctp.src?)\n"
        "    mctp.srcc == 8\n"
        "    ^~~~~~~~~")
