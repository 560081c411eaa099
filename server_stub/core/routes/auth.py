"""Registration, email confirmation, sign-in (password or mailed link), password reset."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from server_stub.core import accounts, sessions
from server_stub.core.deps import ContextDep, CurrentSession, SessionDep
from server_stub.core.routes.common import errors
from server_stub.core.schemas import (
    EmailOnly,
    EmailPublic,
    IdentityCheck,
    IdentityMatched,
    LoginRequest,
    PasswordResetConfirm,
    RegistrationCreate,
    RegistrationPublic,
    SessionPublic,
    TermsPublic,
    TokenOnly,
)

router = APIRouter(prefix="/api/auth", tags=["compte"])


@router.post("/identity", operation_id="check_identity", response_model=IdentityMatched,
             responses=errors(404, 409, 429))
def check_identity(data: IdentityCheck, session: SessionDep, ctx: ContextDep) -> IdentityMatched:
    """Does this identity match a person the agency imported, still without an account?"""
    accounts.check_identity(session, ctx, data)
    return IdentityMatched()


@router.get("/terms", operation_id="terms_of_use", response_model=TermsPublic)
def terms_of_use() -> TermsPublic:
    """The terms of use accepted at registration (send their `version` back)."""
    return accounts.terms()


@router.post("/register", operation_id="register", status_code=status.HTTP_201_CREATED,
             response_model=RegistrationPublic, responses=errors(404, 409, 429))
def register(data: RegistrationCreate, session: SessionDep, ctx: ContextDep) -> RegistrationPublic:
    """Create the account of a matched identity; a confirmation link is mailed."""
    return accounts.register(session, ctx, data)


@router.post("/confirm-email", operation_id="confirm_email", response_model=EmailPublic,
             responses=errors(400, 409))
def confirm_email(data: TokenOnly, session: SessionDep, ctx: ContextDep) -> EmailPublic:
    """Confirm an email with the token of the latest mailed link."""
    return EmailPublic(email=accounts.confirm_email(session, ctx, data.token))


@router.post("/confirm-email/resend", operation_id="resend_confirmation",
             status_code=status.HTTP_202_ACCEPTED, response_class=Response, responses=errors())
def resend_confirmation(data: EmailOnly, session: SessionDep, ctx: ContextDep) -> Response:
    """Mail a new confirmation link (the older ones stop working). Always 202."""
    accounts.resend_confirmation(session, ctx, data.email)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post("/login", operation_id="login", response_model=SessionPublic,
             responses=errors(401, 403, 429))
def login(data: LoginRequest, session: SessionDep, ctx: ContextDep) -> SessionPublic:
    """Sign in with email and password; returns a bearer token."""
    return sessions.login(session, ctx, data.email, data.password)


@router.post("/signin-link", operation_id="request_signin_link",
             status_code=status.HTTP_202_ACCEPTED, response_class=Response, responses=errors())
def request_signin_link(data: EmailOnly, session: SessionDep, ctx: ContextDep) -> Response:
    """Mail a single-use sign-in link valid 30 minutes, if the address is known. Always 202."""
    sessions.request_signin_link(session, ctx, data.email)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post("/signin-link/redeem", operation_id="redeem_signin_link",
             response_model=SessionPublic, responses=errors(400))
def redeem_signin_link(data: TokenOnly, session: SessionDep, ctx: ContextDep) -> SessionPublic:
    """Exchange the code of a sign-in link for a session (once)."""
    return sessions.redeem_signin_link(session, ctx, data.token)


@router.post("/password-reset", operation_id="request_password_reset",
             status_code=status.HTTP_202_ACCEPTED, response_class=Response, responses=errors())
def request_password_reset(data: EmailOnly, session: SessionDep, ctx: ContextDep) -> Response:
    """Mail a password-reset link, if the address is known. Always 202."""
    sessions.request_password_reset(session, ctx, data.email)
    return Response(status_code=status.HTTP_202_ACCEPTED)


@router.post("/password-reset/confirm", operation_id="confirm_password_reset",
             response_model=EmailPublic, responses=errors(400))
def confirm_password_reset(data: PasswordResetConfirm, session: SessionDep,
                           ctx: ContextDep) -> EmailPublic:
    """Set a new password with a reset token; every open session is closed."""
    return EmailPublic(email=sessions.confirm_password_reset(session, ctx, data.token,
                                                             data.password))


@router.post("/logout", operation_id="logout", status_code=status.HTTP_204_NO_CONTENT,
             response_class=Response, responses=errors(401))
def logout(auth: CurrentSession, session: SessionDep, ctx: ContextDep) -> Response:
    """Revoke the current token."""
    sessions.logout(session, ctx, auth)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
