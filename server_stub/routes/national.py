"""National choice (CELINE): wishes, simulation, public tables, amphitheatre turns."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["choix national"])
