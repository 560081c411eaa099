"""Numbers as the interface's language writes them: "1 200" and "12,5" in French,
"1,200" and "12.5" in English.

Formatting goes through the QLocale of the chosen interface language rather than
Python's ``format``, which knows only one convention and left French separators in
the English interface.
"""

from __future__ import annotations

from desktop.i18n import current_language, locale_of


def integer(value: int) -> str:
    """A count with thousands grouped (a narrow no-break space in French)."""
    return locale_of(current_language()).toString(value)


def decimal(value: float, digits: int = 1) -> str:
    """A figure with ``digits`` decimals and the language's decimal mark."""
    return locale_of(current_language()).toString(float(value), "f", digits)
