"""Outgoing mail: SMTP when configured, otherwise one `.eml` file per message in the outbox.

The outbox lets the demo (and the tests) run offline: every message the server would
send is written, complete and UTF-8, to `DATA_DIR/outbox/<timestamp>-<seq>.eml`, where a
person (or a test) opens it and follows the link. SMTP delivery runs on a small worker
pool so that a slow mail relay never holds a request, let alone the event loop.

The messages' text and HTML parts are Jinja2 templates (`server_stub/templates/*/mail/`,
see `content`); the HTML part escapes every value it is given.
"""

from __future__ import annotations

import itertools
import logging
import smtplib
import ssl
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from server_stub.core import templates
from server_stub.settings import Settings

log = logging.getLogger(__name__)


class Mailer:
    """Sends messages through SMTP (when `SMTP_HOST` is set) or into the outbox folder."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._seq = itertools.count(1)
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None

    @property
    def uses_smtp(self) -> bool:
        return bool(self.settings.smtp_host)

    def compose(self, to: str, subject: str, text: str, html: str | None = None) -> EmailMessage:
        """The complete message (headers, text part, optional HTML alternative)."""
        msg = EmailMessage()
        msg["From"] = self.settings.mail_from
        msg["To"] = to
        msg["Subject"] = subject
        msg["Date"] = formatdate(localtime=False, usegmt=True)
        msg["Message-ID"] = make_msgid(domain="amphi.localhost")
        msg.set_content(text, charset="utf-8")
        if html is not None:
            msg.add_alternative(html, subtype="html", charset="utf-8")
        return msg

    def send(self, to: str, subject: str, text: str, html: str | None = None) -> Path | None:
        """Send one message. Returns the outbox file when no SMTP server is configured.

        SMTP delivery is queued on a worker thread; failures are logged, not raised
        (the person can ask for the mail again).
        """
        msg = self.compose(to, subject, text, html)
        if self.uses_smtp:
            self._submit(msg)
            return None
        return self._write_outbox(msg)

    def _write_outbox(self, msg: EmailMessage) -> Path:
        outbox = self.settings.outbox_dir
        outbox.mkdir(parents=True, exist_ok=True)
        with self._lock:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
            path = outbox / f"{stamp}-{next(self._seq):06d}.eml"
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(msg.as_bytes())
        tmp.replace(path)  # a reader never sees a half-written message
        return path

    def _submit(self, msg: EmailMessage) -> Future[None]:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="amphi-mail")
        return self._pool.submit(self._deliver, msg)

    def _deliver(self, msg: EmailMessage) -> None:
        s = self.settings
        assert s.smtp_host
        try:
            if s.smtp_ssl:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_seconds,
                    context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.smtp_timeout_seconds)
            with smtp:
                if s.smtp_starttls and not s.smtp_ssl:
                    smtp.starttls(context=ssl.create_default_context())
                if s.smtp_user:
                    smtp.login(s.smtp_user, s.smtp_password or "")
                smtp.send_message(msg)
        except (OSError, smtplib.SMTPException):
            log.exception("could not send mail %r to %s", msg["Subject"], msg["To"])

    def close(self) -> None:
        """Wait for queued SMTP deliveries, then stop the workers."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True)


# --------------------------------------------------------------------------- French messages


@dataclass(frozen=True)
class MailContent:
    subject: str
    text: str
    html: str | None = None


def content(subject: str, template: str, /, *, html: bool = True,
            **context: Any) -> MailContent:
    """A message from its templates: `<template>.txt` (the text part) and, unless `html` is
    False, `<template>.html` (its HTML alternative), both filled with `context`."""
    return MailContent(subject, templates.render(f"{template}.txt", **context),
                       templates.render(f"{template}.html", **context) if html else None)


def confirm_email_mail(name: str, link: str, hours: int) -> MailContent:
    return content("Confirmez votre adresse électronique", "core/mail/confirm_email",
                   name=name, link=link, hours=hours)


def signin_link_mail(name: str, link: str, minutes: int) -> MailContent:
    return content("Votre lien de connexion", "core/mail/signin_link",
                   name=name, link=link, minutes=minutes)


def reset_password_mail(name: str, link: str, minutes: int) -> MailContent:
    return content("Réinitialisation de votre mot de passe", "core/mail/reset_password",
                   name=name, link=link, minutes=minutes)
