"""Value types the extension hands out: named field values, the ABSENT marker, the error for
unknown names."""


class EnumValue(int):
    """A field value that has a name: it equals its number and its name.

    >>> layer.op == "set", layer.op == 0, layer.op.name
    (True, True, 'set')
    """

    def __new__(cls, value, name):
        self = int.__new__(cls, value)
        self.name = name
        return self

    def __eq__(self, other):
        if isinstance(other, str):
            return other == self.name
        return int.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = int.__hash__

    def __repr__(self):
        return f"<{self.name}: {int(self)}>"

    def __str__(self):
        return self.name

    def __reduce__(self):
        return (EnumValue, (int(self), self.name))


class UnknownNameError(KeyError, AttributeError):
    """An unknown layer, field or link name. Both a KeyError and an AttributeError, so that
    ``hasattr(layer, "x")`` and ``frame.get("x")`` behave as Python expects."""

    def __str__(self):
        return str(self.args[0]) if self.args else ""


class _Absent:
    """Set a field to ABSENT to leave an optional field out of the built bytes."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self):
        return "ABSENT"


ABSENT = _Absent()
