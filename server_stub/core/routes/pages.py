"""Small HTML pages opened from the links in mails; they work in any browser.

French, self-contained (inline CSS, no external asset), never cached, never indexed, and
the token-bearing URL is not sent as a referrer. To add a page (e.g. "valider une
procuration"): a template extending `core/pages/page.html` (in `server_stub/templates/`),
and a route under `/pages/...` that calls one service and returns
`pages.page(template, **values)`; catch `ApiError` and show it with `pages.error_page(exc)`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse

from server_stub.core import accounts, pages, sessions
from server_stub.core.deps import ContextDep, SessionDep, SettingsDep
from server_stub.core.errors import ApiError

router = APIRouter(prefix="/pages", include_in_schema=False)

@router.get("/confirm-email", response_class=HTMLResponse)
def confirm_email_page(session: SessionDep, ctx: ContextDep, token: str = "") -> HTMLResponse:
    """Confirm the address and say so."""
    try:
        email = accounts.confirm_email(session, ctx, token)
    except ApiError as exc:
        return pages.error_page(exc)
    return pages.email_confirmed(email)


@router.get("/reset-password", response_class=HTMLResponse)
def reset_password_form(session: SessionDep, token: str = "") -> HTMLResponse:
    """The form to choose a new password (the link is checked, not used)."""
    try:
        sessions.check_reset_token(session, token)
    except ApiError as exc:
        return pages.error_page(exc)
    return pages.reset_page(token)


@router.post("/reset-password", response_class=HTMLResponse)
def reset_password_submit(session: SessionDep, ctx: ContextDep,
                          token: Annotated[str, Form(max_length=200)] = "",
                          password: Annotated[str, Form(max_length=200)] = "",
                          confirm: Annotated[str, Form(max_length=200)] = "") -> HTMLResponse:
    """Apply the new password, or show the form again with the reason."""
    if password != confirm:
        return pages.reset_page(token, "Les deux mots de passe sont différents.")
    try:
        email = sessions.confirm_password_reset(session, ctx, token, password)
    except ApiError as exc:
        if exc.code == "weak_password":
            return pages.reset_page(token, exc.message)
        return pages.error_page(exc)
    return pages.password_saved(email)


@router.get("/signin", response_class=HTMLResponse)
def signin_page(session: SessionDep, settings: SettingsDep, token: str = "") -> HTMLResponse:
    """Show the single-use sign-in code to paste into Amphi (it is used from the client)."""
    try:
        sessions.check_signin_link(session, token)
    except ApiError as exc:
        return pages.error_page(exc)
    return pages.signin_code(token, settings.signin_link_minutes)
