"""Password, secret-answer and token primitives.

Passwords and secret answers are hashed with Argon2 (argon2-cffi); bearer tokens and
mail-link tokens are random and only their SHA-256 is stored, so a database leak never
yields a usable credential. The Argon2 cost is process-wide: `configure_hashing` lets the
test suite use cheap parameters, the defaults are argon2-cffi's secure ones.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()

PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 256  # Argon2 is happy with more; this bounds the hashing work per request
SECRET_ANSWER_MIN_ALNUM = 3


def configure_hashing(*, time_cost: int | None = None, memory_cost: int | None = None,
                      parallelism: int | None = None) -> None:
    """Change the Argon2 cost for new hashes (existing hashes keep verifying)."""
    global _hasher
    defaults = PasswordHasher()
    _hasher = PasswordHasher(
        time_cost=time_cost or defaults.time_cost,
        memory_cost=memory_cost or defaults.memory_cost,
        parallelism=parallelism or defaults.parallelism,
    )


def hash_password(password: str) -> str:
    """Argon2id hash of a password (salted, self-describing)."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; False for any mismatch or unusable hash."""
    if not password_hash:
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problem(password: str) -> str | None:
    """French reason why `password` breaks the policy, or None when it is acceptable.

    Policy (both seed systems): at least 8 characters, one upper-case letter,
    one lower-case letter and one digit.
    """
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"Le mot de passe doit contenir au moins {PASSWORD_MIN_LENGTH} caractères."
    if len(password) > PASSWORD_MAX_LENGTH:
        return f"Le mot de passe ne doit pas dépasser {PASSWORD_MAX_LENGTH} caractères."
    if not any(c.isupper() for c in password):
        return "Le mot de passe doit contenir au moins une lettre majuscule."
    if not any(c.islower() for c in password):
        return "Le mot de passe doit contenir au moins une lettre minuscule."
    if not any(c.isdigit() for c in password):
        return "Le mot de passe doit contenir au moins un chiffre."
    return None


def normalize_secret_answer(answer: str) -> str:
    """Canonical form of a secret answer: case-insensitive, trimmed, single spaces."""
    text = unicodedata.normalize("NFC", answer).strip().casefold()
    return re.sub(r"\s+", " ", text)


def secret_answer_problem(answer: str) -> str | None:
    """French reason why a secret answer is unacceptable (needs ≥ 3 alphanumerics)."""
    if sum(1 for c in answer if c.isalnum()) < SECRET_ANSWER_MIN_ALNUM:
        return (f"La réponse secrète doit contenir au moins {SECRET_ANSWER_MIN_ALNUM} "
                "lettres ou chiffres.")
    if len(answer) > 200:
        return "La réponse secrète ne doit pas dépasser 200 caractères."
    return None


def hash_secret_answer(answer: str) -> str:
    """Argon2 hash of the normalised secret answer."""
    return _hasher.hash(normalize_secret_answer(answer))


def verify_secret_answer(answer_hash: str | None, answer: str) -> bool:
    """True when `answer` matches the stored hash, ignoring case and extra spaces."""
    return verify_password(answer_hash, normalize_secret_answer(answer))


def new_token(nbytes: int = 32) -> tuple[str, str]:
    """A fresh random token: (plain value to hand out, SHA-256 hex to store)."""
    plain = secrets.token_urlsafe(nbytes)
    return plain, token_digest(plain)


def token_digest(plain: str) -> str:
    """SHA-256 hex of a token, the only form ever stored."""
    return hashlib.sha256(plain.encode("utf-8")).hexdigest()
