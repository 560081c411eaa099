"""Screens and dialogs: one module per screen, no HTTP or SQL in here.

Views get their data and actions through the objects passed in (`Account`, models) and
the signals they emit; `widgets.py` holds the small shared pieces.
"""

from __future__ import annotations
