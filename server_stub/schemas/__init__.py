"""Request and response models: the API contract shared with the client via OpenAPI.

Every error response has the shape `ErrorBody`: a machine-readable `code`, a French
`message` to show as is, and optionally the `field` it concerns.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Str100 = Field(min_length=1, max_length=100)


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None
    retry_after: int | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    time: datetime
    database: str


# --------------------------------------------------------------------------- auth


class IdentityCheck(BaseModel):
    """What the agency knows of a person: names, birth date, and birth town or INE."""

    model_config = ConfigDict(extra="forbid")

    last_name: str = Str100
    first_name: str = Str100
    birth_date: date
    birth_town: str | None = Field(default=None, max_length=100)
    ine: str | None = Field(default=None, max_length=20)


class RegistrationCreate(IdentityCheck):
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)
    secret_question: str = Field(min_length=1, max_length=200)
    secret_answer: str = Field(min_length=1, max_length=200)
    phone: str | None = Field(default=None, max_length=30)


class RegistrationPublic(BaseModel):
    status: Literal["pending_confirmation"] = "pending_confirmation"
    email: str


class IdentityMatched(BaseModel):
    """Answer of `check_identity`: this identity may register."""

    matched: Literal[True] = True


class EmailPublic(BaseModel):
    """An address an action applied to (confirmed email, account whose password was reset)."""

    email: str


class EmailOnly(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254)


class TokenOnly(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=10, max_length=200)


class PasswordResetConfirm(TokenOnly):
    password: str = Field(min_length=1, max_length=200)


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254)
    password: str = Field(min_length=1, max_length=200)


class CampaignPublic(BaseModel):
    id: int
    kind: Literal["national", "amphi", "matching"]
    name: str
    region: str | None
    state: str
    my_role: str | None = None  # role of the signed-in person in it, if any


class ProfilePublic(BaseModel):
    id: int
    role: Literal["student", "proxy_holder", "supervisor", "coordinator", "staff"]
    last_name: str
    first_name: str
    birth_date: date | None
    birth_town: str | None
    ine: str | None
    email: str | None
    pending_email: str | None = None  # a new address waiting for its confirmation link
    phone: str | None
    address: str | None
    faculty: str | None
    secret_question: str | None
    campaigns: list[CampaignPublic]


class SessionPublic(BaseModel):
    token: str
    expires_at: datetime
    profile: ProfilePublic


class ContactUpdate(BaseModel):
    """What a person may change himself; the agency changes the rest."""

    model_config = ConfigDict(extra="forbid")
    # A new email takes effect once the link mailed to it is followed (pending_email until then).
    email: str | None = Field(default=None, min_length=3, max_length=254)
    phone: str | None = Field(default=None, max_length=30)
    address: str | None = Field(default=None, max_length=500)
    faculty: str | None = Field(default=None, max_length=100)


class SecretUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    password: str = Field(min_length=1, max_length=200)  # current password, to authorise
    secret_question: str = Field(min_length=1, max_length=200)
    secret_answer: str = Field(min_length=1, max_length=200)


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=1, max_length=200)


# --------------------------------------------------------------------------- staff


class IdentityImport(IdentityCheck):
    """One identity record imported by the agency before registration opens."""

    role: Literal["student", "supervisor", "coordinator", "staff"] = "student"
    email: str | None = Field(default=None, max_length=254)  # known for staff-created accounts


class ImportResult(BaseModel):
    created: int
    updated: int


class StaffMessage(BaseModel):
    model_config = ConfigDict(extra="forbid")
    campaign_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    text: str = Field(min_length=1, max_length=2000)


class EventPublic(BaseModel):
    id: int
    at: datetime
    kind: str
    campaign_id: int | None
    payload: dict


class AuditPublic(BaseModel):
    id: int
    at: datetime
    actor_id: int | None
    subject_id: int | None
    campaign_id: int | None
    action: str
    detail: dict | None
    address: str | None


# --------------------------------------------------------------------------- demo


class DemoAccount(BaseModel):
    """A documented demo account (only served when the server runs in demo mode)."""

    role: str
    label: str
    email: str
    password: str
