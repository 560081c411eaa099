"""Server configuration, read from the environment (prefix-free names, as ops expect)."""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path

from platformdirs import user_data_dir
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """The per-user data directory where the embedded SQLite file and the outbox live."""
    return Path(user_data_dir("amphi-server", "Amphi"))


def _stored_secret_key(path: Path) -> str:
    """The key kept in `path`, created (readable by the owner only) on first use."""
    try:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


class Settings(BaseSettings):
    """Everything the server needs to know about its deployment.

    `DATABASE_URL` unset means an embedded SQLite file in `DATA_DIR`.
    SMTP unset means mail goes to `DATA_DIR/outbox` as `.eml` files.
    """

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    # Upgrade a database behind this server's schema at start (`amphi-server migrate` does
    # it on purpose; the local demo mode turns this on). Off: such a database is refused.
    migrate_on_start: bool = False
    # Database connections of one server process: at most pool + overflow are open at once.
    # Size them against PostgreSQL's max_connections (docs/server.md, "Sizing").
    db_pool_size: int = Field(default=20, ge=1, le=1000)
    db_max_overflow: int = Field(default=30, ge=0, le=1000)
    # Signs receipts and tokens. Unset: a random key kept in DATA_DIR/secret.key, so
    # receipts stay verifiable across restarts.
    secret_key: str = ""
    public_url: str | None = None  # base of links in mails; defaults to the served address

    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_ssl: bool = False  # implicit TLS (port 465); starttls is the usual alternative
    smtp_timeout_seconds: float = 20.0
    mail_from: str = "Amphi <no-reply@amphi.localhost>"

    session_hours: float = 12.0
    signin_link_minutes: int = 30
    email_token_hours: int = 48
    password_reset_minutes: int = 60
    login_max_failures: int = 5  # per account, within login_window_seconds
    # Per address: higher, because a whole faculty may share one public address.
    login_max_failures_per_address: int = 20
    login_window_seconds: int = 300
    # Reverse proxies whose X-Forwarded-For/-Proto are believed: comma-separated addresses
    # or networks ("127.0.0.1", "10.0.0.0/8"; "*" for any). Empty: nobody's, the connection's
    # peer is the client (what the per-address login throttle counts).
    forwarded_allow_ips: str = ""
    max_body_bytes: int = 2_000_000
    # multipart/form-data bodies (uploaded files, CSV/XLSX imports) may be larger.
    max_upload_body_bytes: int = 11_000_000
    keepalive_seconds: float = 15.0
    # Fallback poll of the event log for events written by other processes (in-process
    # commits wake subscribers at once).
    event_poll_seconds: float = 1.0
    # Argon2id cost (argon2-cffi defaults, RFC 9106 low-memory profile). Only tests lower it.
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4
    demo_mode: bool = False  # exposes GET /api/demo/accounts (documented demo passwords)
    # National choice: `simulation_moved` is published at most once per this many seconds.
    national_event_seconds: float = 1.0
    # Demo, national amphitheatre: students without an account validate their satisfied wish
    # at their turn, after demo_seconds_per_student (demo_seconds_near_turn when a real account
    # is among the next demo_near_turn_students, so his turn panel visibly moves).
    # `serve --demo` turns it on.
    demo_national_participants: bool = False
    demo_seconds_per_student: float = 0.03
    demo_seconds_near_turn: float = 2.0
    demo_near_turn_students: int = 15
    demo_start_amphi: bool = False  # demo: open the national amphitheatre at start-up
    # Amphitheatre choice (DCI): seconds per turn, the "C'est bientôt votre tour" threshold
    # (present interns before me), how recent a presence signal must be to count as
    # connected, and the longest the turn clock sleeps before re-reading the database.
    amphi_turn_seconds: float = 90.0
    amphi_soon_threshold: int = 4
    amphi_presence_seconds: float = 30.0
    amphi_clock_poll_seconds: float = 1.0
    # Demo only: simulated interns run the demo intern's amphitheatre live (`serve --demo`).
    demo_simulated_participants: bool = False
    demo_simulation_pace_seconds: float = 6.0

    def model_post_init(self, context: object, /) -> None:
        if not self.secret_key:
            self.secret_key = _stored_secret_key(self.data_dir / "secret.key")

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

    # Matching uploads (candidate files, post attachments). A request body also obeys
    # max_upload_body_bytes, so this stays a little under it (multipart framing).
    matching_upload_max_bytes: int = 10_000_000
    matching_upload_dir: Path | None = None  # unset: DATA_DIR/uploads/matching

    @property
    def matching_uploads(self) -> Path:
        """Where uploaded matching documents are kept."""
        return self.matching_upload_dir or self.data_dir / "uploads" / "matching"
