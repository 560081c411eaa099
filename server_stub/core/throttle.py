"""Counting recent failures per key ("account:<email>", "address:<ip>", ...) to slow guessing.

Failures are rows of `login_attempt`; a key is throttled while it has `limit` or more
failures within the window. Rows older than the window are purged as keys are touched.
"""

from __future__ import annotations

import math
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from server_stub.core.clock import as_utc, now
from server_stub.core.errors import too_many_attempts
from server_stub.core.models import LoginAttempt


def account_key(email: str) -> str:
    return f"account:{email.strip().lower()}"[:300]


def address_key(address: str) -> str:
    return f"address:{address}"[:300]


def retry_after(session: Session, key: str, limit: int, window_seconds: int) -> int | None:
    """Seconds until `key` may try again, or None when it is not throttled."""
    current = now()
    since = current - timedelta(seconds=window_seconds)
    times = [as_utc(t) for t in session.scalars(
        select(LoginAttempt.at).where(LoginAttempt.key == key, LoginAttempt.at > since)
        .order_by(LoginAttempt.at))]
    if len(times) < limit:
        return None
    # Allowed again once enough of the oldest failures have left the window.
    freed_at = times[len(times) - limit] + timedelta(seconds=window_seconds)
    return max(1, math.ceil((freed_at - current).total_seconds()))


def check(session: Session, limits: list[tuple[str, int]], window_seconds: int) -> None:
    """Raise 429 `too_many_attempts` when any (key, limit) is over its limit."""
    waits = [w for key, limit in limits
             if (w := retry_after(session, key, limit, window_seconds)) is not None]
    if waits:
        raise too_many_attempts(max(waits))


def fail(session: Session, *keys: str, window_seconds: int) -> None:
    """Record one failure for each key (in the caller's transaction)."""
    current = now()
    purge_before = current - timedelta(seconds=window_seconds)
    for key in keys:
        session.execute(delete(LoginAttempt).where(LoginAttempt.key == key,
                                                   LoginAttempt.at < purge_before))
        session.add(LoginAttempt(key=key, at=current))


def clear(session: Session, key: str) -> None:
    """Forget the failures of a key (after a successful sign-in on that account)."""
    session.execute(delete(LoginAttempt).where(LoginAttempt.key == key))
