"""Signatures the server hands out (receipts, attestation codes): HMAC-SHA256 under
`Settings.secret_key`, which is stable across restarts, so a signature stays verifiable.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime

from server_stub.core.clock import as_utc


def canonical_time(at: datetime) -> str:
    """UTC to the second: the form that is signed."""
    return as_utc(at).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sign(secret: str, *parts: object) -> str:
    """The HMAC-SHA256 (hex) of `parts` joined by « | »."""
    message = "|".join(str(p) for p in parts).encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def code_of(signature: str) -> str:
    """Short human form of a signature: "3F2A-9C1B-77D0"."""
    s = signature[:12].upper()
    return f"{s[:4]}-{s[4:8]}-{s[8:12]}"


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two hex strings (as bytes: compare_digest refuses str
    with non-ASCII characters)."""
    return hmac.compare_digest(a.lower().encode(), b.lower().encode())
