"""Matching (SiiMOP): applications, supervisors' rankings, rounds, results."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["appariement"])
