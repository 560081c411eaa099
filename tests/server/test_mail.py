"""Outgoing mail: the outbox when no SMTP server is set, real SMTP otherwise."""

from __future__ import annotations

import socketserver
import threading
import time
from collections.abc import Iterator
from email import policy
from email.parser import BytesParser
from pathlib import Path

import httpx
import pytest

from server_stub.core.mail import Mailer
from server_stub.settings import Settings
from tests.server.conftest import ServerFactory, add_person, read_mail


class _SmtpHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP (RFC 5321) to accept messages: a real sink on a loopback port."""

    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        sink: SmtpSink = self.server  # type: ignore[assignment]
        self.reply("220 sink ESMTP")
        rcpt: list[str] = []
        while line := self.rfile.readline():
            command = line.decode("ascii", "replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "MAIL":
                rcpt = []
                self.reply("250 OK")
            elif verb == "RCPT":
                rcpt.append(command.split(":", 1)[1].strip(" <>"))
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = b""
                while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                sink.messages.append((rcpt, data))
                self.reply("250 OK queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("250 OK")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SmtpHandler)
        self.messages: list[tuple[list[str], bytes]] = []

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def wait_for(self, count: int, timeout: float = 5) -> None:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count:
            assert time.monotonic() < deadline, "no mail reached the SMTP sink"
            time.sleep(0.02)


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        sink.shutdown()
        sink.server_close()


def test_outbox_messages_are_complete_utf8_eml(tmp_path: Path) -> None:
    mailer = Mailer(Settings(data_dir=tmp_path))
    first = mailer.send("élève@example.org", "Votre accès à l'amphi", "Bonjour Zoé,\nÀ bientôt.",
                        "<p>Bonjour Zoé</p>")
    second = mailer.send("b@example.org", "Deux", "Texte")
    assert first and second and first.parent == tmp_path / "outbox"
    assert first.suffix == ".eml" and sorted([second.name, first.name])[0] == first.name
    msg = read_mail(first)
    assert msg["Subject"] == "Votre accès à l'amphi" and msg["To"] == "élève@example.org"
    assert msg.get_body(preferencelist=("plain",)).get_content() == "Bonjour Zoé,\nÀ bientôt.\n"
    assert "Zoé" in msg.get_body(preferencelist=("html",)).get_content()
    assert list((tmp_path / "outbox").glob("*.tmp")) == []


def test_smtp_delivery_when_configured(server_factory: ServerFactory,
                                       smtp_sink: SmtpSink) -> None:
    live = server_factory(smtp_host="127.0.0.1", smtp_port=smtp_sink.port,
                          mail_from="Amphi <amphi@example.org>")
    add_person(live, email="m@example.org", password="Motdepasse1")
    r = httpx.post(f"{live.url}/api/auth/signin-link", json={"email": "m@example.org"})
    assert r.status_code == 202
    smtp_sink.wait_for(1)
    rcpt, data = smtp_sink.messages[0]
    assert rcpt == ["m@example.org"]
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert msg["Subject"] == "Votre lien de connexion"
    assert msg["From"] == "Amphi <amphi@example.org>"
    assert f"{live.url}/pages/signin?token=" in msg.get_body(("plain",)).get_content()
    assert live.mails() == []  # nothing in the outbox when SMTP is configured


def test_unreachable_smtp_does_not_break_the_request(server_factory: ServerFactory,
                                                     smtp_sink: SmtpSink) -> None:
    port = smtp_sink.port
    smtp_sink.shutdown()
    smtp_sink.server_close()
    live = server_factory(smtp_host="127.0.0.1", smtp_port=port, smtp_timeout_seconds=1)
    add_person(live, email="n@example.org", password="Motdepasse1")
    r = httpx.post(f"{live.url}/api/auth/password-reset", json={"email": "n@example.org"})
    assert r.status_code == 202
