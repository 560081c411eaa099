"""Input checks shared by the three computations.

Every check raises ``ValueError`` with one line naming the culprit, so the
command line can print it as is and the server can show it to staff.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final, NoReturn

# Decoded JSON is arbitrary until checked: the checks below read ``Mapping[str, Any]``
# and return checked values (a list's items are still unchecked JSON, ``list[Any]``).


class _Missing(enum.Enum):
    """Type of :data:`MISSING`, so that the checker can tell it from a value."""

    MISSING = enum.auto()


MISSING: Final = _Missing.MISSING
"""An absent key (``None`` is a value: JSON's null)."""


def fail(message: str) -> NoReturn:
    """Raise the engine's only error type; the message is one line."""
    raise ValueError(message.replace("\n", " "))


def show(value: object) -> str:
    """Quote a value for a message: ids as 'S1', anything else by its type and value."""
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict | list):
        return f"a {type(value).__name__}"
    return repr(value)


def type_name(value: object) -> str:
    """JSON-ish name of a value's type, for 'wrong type' messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return f"number {value!r}"
    if isinstance(value, str):
        return f"string {value!r}"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def as_object(value: object, what: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        fail(f"{what} must be an object, got {type_name(value)}")
    return value


def as_list(
    obj: Mapping[str, Any], key: str, what: str, default: list[Any] | _Missing = MISSING
) -> list[Any]:
    """Read ``obj[key]`` as a list; absent keys take ``default`` when one is given."""
    value: object = obj.get(key, MISSING)
    if value is MISSING:
        if default is MISSING:
            fail(f"{what}: missing {key!r}")
        return default
    if not isinstance(value, list):
        fail(f"{what}: {key!r} must be a list, got {type_name(value)}")
    return value


def as_id(obj: Mapping[str, Any], kind: str, position: int) -> str:
    """The ``id`` of the ``position``-th (0-based) item of a list of ``kind``."""
    value: object = obj.get("id", MISSING)
    if value is MISSING:
        fail(f"{kind} #{position + 1}: missing 'id'")
    if not isinstance(value, str):
        fail(f"{kind} #{position + 1}: 'id' must be a string, got {type_name(value)}")
    return value


def as_int(obj: Mapping[str, Any], key: str, what: str, minimum: int | None = None) -> int:
    """Read an integer (booleans and floats are refused: 3.0 is a type error)."""
    value: object = obj.get(key, MISSING)
    if value is MISSING:
        fail(f"{what}: missing {key!r}")
    if type(value) is not int:
        fail(f"{what}: {key!r} must be an integer, got {type_name(value)}")
    if minimum is not None and value < minimum:
        if minimum == 0:
            fail(f"{what}: negative {key} {value}")
        fail(f"{what}: {key!r} must be at least {minimum}, got {value}")
    return value


def as_bool(obj: Mapping[str, Any], key: str, what: str, default: bool) -> bool:
    value: object = obj.get(key, MISSING)
    if value is MISSING or value is None:
        return default
    if not isinstance(value, bool):
        fail(f"{what}: {key!r} must be true or false, got {type_name(value)}")
    return value


def as_opt_str(obj: Mapping[str, Any], key: str, what: str) -> str | None:
    value: object = obj.get(key)
    if value is not None and not isinstance(value, str):
        fail(f"{what}: {key!r} must be a string or null, got {type_name(value)}")
    return value


def id_list(
    values: object, index: Mapping[str, int], kind: str, where: Callable[[], str]
) -> list[int]:
    """Map a list of ids to indexes, refusing non-strings, unknown ids and repeats.

    The fast path is one comprehension; ``where()`` (the place named in messages)
    and the slow path only run to name a culprit.
    """
    if not isinstance(values, list):
        fail(f"{where()} must be a list, got {type_name(values)}")
    try:
        out = [index[v] for v in values]
    except (KeyError, TypeError):
        for v in values:
            if not isinstance(v, str):
                fail(f"{where()} must hold {kind} ids (strings), got {type_name(v)}")
            if v not in index:
                fail(f"unknown {kind} {show(v)} in {where()}")
        raise  # pragma: no cover - unreachable: one of the checks above fails
    if len(set(out)) != len(out):
        seen: set[str] = set()
        for v in values:
            if v in seen:
                fail(f"duplicate {kind} {show(v)} in {where()}")
            seen.add(v)
    return out


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic results.

    Bulk builds allocate hundreds of thousands of dicts and lists and no cycles;
    the collector would rescan them again and again (about half the time of a
    national-scale simulate). Reference counting still frees everything; the
    previous state is restored on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
