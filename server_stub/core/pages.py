"""The small HTML pages opened from the links in mails: `page` renders one of them, and the
shared pages (refusal, e-mail confirmed, new password, sign-in code) have a function each.

The pages are Jinja2 templates (`server_stub/templates/core/pages/`, a procedure's own in
`templates/<procedure>/`), each extending `core/pages/page.html`: French, self-contained
(inline CSS, no external asset). Every value is escaped by the template; the answer is never
cached, never indexed, and the token-bearing URL is not sent as a referrer.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import HTMLResponse

from server_stub.core import templates
from server_stub.core.errors import ApiError

_HEADERS = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer",
            "X-Robots-Tag": "noindex"}


def page(template: str, status: int = 200, /, **context: Any) -> HTMLResponse:
    """The page `template` (a path under `server_stub/templates/`) filled with `context`."""
    return HTMLResponse(templates.render(template, **context), status_code=status,
                        headers=_HEADERS)


def error_page(exc: ApiError, title: str = "Lien non valide") -> HTMLResponse:
    """The refusal's message as a page, with its status."""
    return page("core/pages/error.html", exc.status, title=title, message=exc.message)


def reset_page(token: str, problem: str | None = None) -> HTMLResponse:
    """The new-password page; 422 with `problem` when the last try was refused."""
    return page("core/pages/reset_password.html", 200 if problem is None else 422,
                token=token, problem=problem)


def email_confirmed(email: str) -> HTMLResponse:
    return page("core/pages/email_confirmed.html", email=email)


def password_saved(email: str) -> HTMLResponse:
    return page("core/pages/password_saved.html", email=email)


def signin_code(token: str, minutes: int) -> HTMLResponse:
    """The single-use sign-in code to paste into Amphi, with a button to copy it."""
    return page("core/pages/signin_code.html", token=token, minutes=minutes)
