"""UTC time helpers: the server is the only clock that counts."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """`value` as an aware UTC datetime.

    SQLite hands back naive datetimes for `DateTime(timezone=True)` columns; everything
    we store is UTC, so a naive value is read as UTC (PostgreSQL returns aware ones).
    """
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)
