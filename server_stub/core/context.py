"""What a use case needs to know about the request beyond its body."""

from __future__ import annotations

from dataclasses import dataclass

from server_stub.core.mail import Mailer
from server_stub.settings import Settings


@dataclass(frozen=True)
class RequestContext:
    """Settings, the mailer, the base URL of links in mails, and the client's address."""

    settings: Settings
    mailer: Mailer
    base_url: str
    address: str

    def link(self, path: str, token: str) -> str:
        """An absolute link to a server page carrying a token (`/pages/...?token=`)."""
        return f"{self.base_url.rstrip('/')}{path}?token={token}"
