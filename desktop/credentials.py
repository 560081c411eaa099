"""Session tokens in the OS keyring, one per (server, account); never a password.

With no usable keyring backend (`keyring.backends.fail.Keyring`, a backend that raises,
a locked or absent secret service), tokens are kept in memory for this run only, and
`persistent` is False with a French `reason` the sign-in dialog shows next to its
disabled "Se souvenir de moi". Nothing secret is ever written to disk by this module.
"""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail
from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)

SERVICE = "Amphi"


def _tr(text: str) -> str:
    return QCoreApplication.translate("SecretStore", text)


def _usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring):
        return False
    try:
        priority = float(backend.priority)
    except (TypeError, ValueError, keyring.errors.KeyringError):
        return True
    # The chainer has priority 0 when it holds no real backend.
    return priority > 0


class SecretStore:
    """Tokens per (server URL, email): in the keyring when it works, else in memory."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service
        self._memory: dict[str, str] = {}
        self.persistent = False
        self.reason = ""
        backend: KeyringBackend | None
        try:
            backend = keyring.get_keyring()
        except Exception as exc:  # a broken keyring configuration must not stop the app
            log.warning("keyring unavailable: %s", exc)
            backend = None
        if backend is not None and _usable(backend):
            self.persistent = True
        else:
            self._give_up(_tr("Aucun trousseau sécurisé n'est disponible sur cet ordinateur : "
                              "la session ne sera pas mémorisée après la fermeture d'Amphi."))

    @staticmethod
    def key(server: str, email: str) -> str:
        """The keyring user name of an account on a server."""
        return f"{email.strip().lower()} @ {server.rstrip('/')}"

    def _give_up(self, reason: str) -> None:
        self.persistent = False
        self.reason = reason

    def _failed(self, exc: Exception) -> None:
        log.warning("keyring error, keeping tokens in memory: %s", exc)
        self._give_up(_tr("Le trousseau sécurisé de cet ordinateur a refusé l'accès : la "
                          "session ne sera pas mémorisée après la fermeture d'Amphi."))

    def get_token(self, server: str, email: str) -> str | None:
        """The remembered token, or None."""
        key = self.key(server, email)
        if key in self._memory:
            return self._memory[key]
        if not self.persistent:
            return None
        try:
            return keyring.get_password(self.service, key)
        except Exception as exc:  # keyring errors come in many classes across backends
            self._failed(exc)
            return None

    def set_token(self, server: str, email: str, token: str, *, remember: bool) -> bool:
        """Keep `token`; in the keyring when `remember` and possible. True if persisted."""
        key = self.key(server, email)
        if remember and self.persistent:
            try:
                keyring.set_password(self.service, key, token)
                self._memory.pop(key, None)
                return True
            except Exception as exc:
                self._failed(exc)
        self._memory[key] = token
        if not remember:
            self._delete_persisted(key)
        return False

    def delete_token(self, server: str, email: str) -> None:
        """Forget the token everywhere (sign-out, expired session)."""
        key = self.key(server, email)
        self._memory.pop(key, None)
        self._delete_persisted(key)

    def _delete_persisted(self, key: str) -> None:
        if not self.persistent:
            return
        try:
            if keyring.get_password(self.service, key) is not None:
                keyring.delete_password(self.service, key)
        except keyring.errors.PasswordDeleteError:
            pass
        except Exception as exc:
            self._failed(exc)
