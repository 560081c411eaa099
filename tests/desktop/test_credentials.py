"""The secret store: tokens in the keyring per (server, account), or in memory when the
keyring cannot be used, with a French reason; never a password, never a file."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends import fail

from desktop.credentials import SERVICE, SecretStore

SERVER = "http://127.0.0.1:8000"


def test_tokens_live_in_the_keyring_per_server_and_account() -> None:
    store = SecretStore()
    assert store.persistent and store.reason == ""
    assert store.set_token(SERVER, "Camille@Example.org", "jeton-1", remember=True)
    store.set_token("https://autre.example.fr", "camille@example.org", "jeton-2",
                    remember=True)
    assert keyring.get_password(SERVICE, f"camille@example.org @ {SERVER}") == "jeton-1"
    again = SecretStore()  # a new run of the client finds it
    assert again.get_token(SERVER, "camille@example.org") == "jeton-1"
    assert again.get_token("https://autre.example.fr", "camille@example.org") == "jeton-2"
    again.delete_token(SERVER, "camille@example.org")
    assert SecretStore().get_token(SERVER, "camille@example.org") is None
    assert SecretStore().get_token("https://autre.example.fr", "camille@example.org")


def test_not_remembering_keeps_the_token_for_this_run_only() -> None:
    store = SecretStore()
    store.set_token(SERVER, "a@example.org", "ancien", remember=True)
    assert not store.set_token(SERVER, "a@example.org", "jeton", remember=False)
    assert store.get_token(SERVER, "a@example.org") == "jeton"
    assert SecretStore().get_token(SERVER, "a@example.org") is None  # and the old one is gone


def test_without_a_backend_tokens_stay_in_memory_with_a_reason(tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    store = SecretStore()
    assert not store.persistent
    assert "trousseau" in store.reason and "mémorisée" in store.reason
    assert not store.set_token(SERVER, "a@example.org", "jeton", remember=True)
    assert store.get_token(SERVER, "a@example.org") == "jeton"
    assert SecretStore().get_token(SERVER, "a@example.org") is None
    assert list(tmp_path.iterdir()) == []


class LockedKeyring(KeyringBackend):
    """A backend that exists but refuses every access (a locked secret service)."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("verrouillé")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("verrouillé")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("verrouillé")


def test_a_keyring_that_refuses_falls_back_to_memory() -> None:
    keyring.set_keyring(LockedKeyring())
    store = SecretStore()
    assert store.persistent  # it looked usable...
    assert not store.set_token(SERVER, "a@example.org", "jeton", remember=True)
    assert not store.persistent and "refusé" in store.reason  # ...until it refused
    assert store.get_token(SERVER, "a@example.org") == "jeton"
    store.delete_token(SERVER, "a@example.org")
    assert store.get_token(SERVER, "a@example.org") is None
