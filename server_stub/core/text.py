"""Which characters a text received from outside may hold.

PostgreSQL refuses NUL in text columns, and other control characters only corrupt what
people read back (names on an attestation, a CSV export). So every text input is checked
by the one rule below: no C0 control character and no DEL; tab, line feed and carriage
return only in multi-line texts (messages, descriptions, a postal address).
"""

from __future__ import annotations

import re

from server_stub.core.errors import ApiError

_SINGLE_LINE = re.compile(r"[\x00-\x1f\x7f]")
_MULTI_LINE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LAYOUT_RUN = re.compile(r"[\t\n\r]+")  # in a spreadsheet cell: layout, not content

_NAMES = {"\n": "de retour à la ligne", "\r": "de retour chariot", "\t": "de tabulation"}


def forbidden_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character of `text` that the rule refuses, or None when `text` is fine."""
    found = (_MULTI_LINE if multiline else _SINGLE_LINE).search(text)
    return found.group() if found else None


def describe(character: str) -> str:
    """French words for a refused character, as the object of « ne doit pas contenir … »."""
    return _NAMES.get(character, f"de caractère de contrôle (U+{ord(character):04X})")


def import_cell(text: str, line: int, column: str) -> str:
    """A cell of an imported CSV/XLSX file, ready to store.

    Tab and line breaks inside a spreadsheet cell are layout (Alt+Entrée in Excel): they
    become one space. Any other control character refuses the whole file, before anything
    is written: 422 naming the line and the column.
    """
    flat = _LAYOUT_RUN.sub(" ", text).strip()
    found = forbidden_character(flat)
    if found is not None:
        raise ApiError(422, "forbidden_character",
                       f"Ligne {line}, colonne « {column} » : le fichier ne doit pas contenir "
                       f"{describe(found)}.", field="file")
    return flat
