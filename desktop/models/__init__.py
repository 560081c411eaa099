"""Qt item models, one per table shown (Vorta's `views/partials` shape).

Each model has `COL_…` column constants, a `SortRole` returning comparable values (the
sort proxy sorts on it) and an `ItemRole` returning the backing object.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

SortRole = int(Qt.ItemDataRole.UserRole) + 1
ItemRole = int(Qt.ItemDataRole.UserRole) + 2
FilterRole = int(Qt.ItemDataRole.UserRole) + 3  # what the filter proxies match on


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context``; translated when shown (`translate`).

    Qt's own marker does the same at run time, but its stub returns `object`, so every
    label table built with it lost its type. Same name: tools/update_translations.py finds
    the calls by name, as it does Qt's.
    """
    return source


__all__ = ["QT_TRANSLATE_NOOP", "FilterRole", "ItemRole", "SortRole"]
