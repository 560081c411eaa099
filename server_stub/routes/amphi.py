"""Amphitheatre choice (DCI): posts, favourites, call lists, live turns, proxies."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["amphithéâtre"])
