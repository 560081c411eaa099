"""Server configuration, read from the environment (prefix-free names, as ops expect)."""

from __future__ import annotations

import secrets
from functools import cached_property
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """The per-user data directory where the embedded SQLite file and the outbox live."""
    return Path(user_data_dir("amphi-server", "Amphi"))


class Settings(BaseSettings):
    """Everything the server needs to know about its deployment.

    `DATABASE_URL` unset means an embedded SQLite file in `DATA_DIR`.
    SMTP unset means mail goes to `DATA_DIR/outbox` as `.eml` files.
    """

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    secret_key: str = Field(default_factory=lambda: secrets.token_urlsafe(32))
    public_url: str | None = None  # base of links in mails; defaults to the served address

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    mail_from: str = "Amphi <no-reply@amphi.localhost>"

    session_hours: float = 12.0
    signin_link_minutes: int = 30
    email_token_hours: int = 48
    login_max_failures: int = 5  # per account and per address, within login_window_seconds
    login_window_seconds: int = 300
    max_body_bytes: int = 2_000_000
    keepalive_seconds: float = 15.0
    demo_mode: bool = False  # exposes GET /api/demo/accounts (documented demo passwords)

    @cached_property
    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL actually used (embedded SQLite file by default)."""
        if self.database_url:
            return self.database_url
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.data_dir / 'amphi.sqlite3'}"

    @property
    def outbox_dir(self) -> Path:
        return self.data_dir / "outbox"
