"""Qt item models, one per table shown (Vorta's `views/partials` shape).

Each model has `COL_…` column constants, a `SortRole` returning comparable values (the
sort proxy sorts on it) and an `ItemRole` returning the backing object.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

SortRole = int(Qt.ItemDataRole.UserRole) + 1
ItemRole = int(Qt.ItemDataRole.UserRole) + 2

__all__ = ["ItemRole", "SortRole"]
