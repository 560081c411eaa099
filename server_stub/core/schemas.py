"""Request and response models: the API contract shared with the client via OpenAPI.

Every error response has the shape `ErrorBody`: a machine-readable `code`, a French
`message` to show as is, and optionally the `field` it concerns.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from server_stub.core.text import describe, forbidden_character

Str100 = Field(min_length=1, max_length=100)


# --------------------------------------------------------------------------- request base


class MultiLine:
    """Marks a text where tab and line breaks are content (a message, a description)."""


MultiLineStr = Annotated[str, MultiLine()]


def _marked(annotation: object) -> bool:
    """Whether `annotation` (possibly `MultiLineStr | None`) carries the `MultiLine` mark."""
    if any(isinstance(m, MultiLine) for m in getattr(annotation, "__metadata__", ())):
        return True
    return any(_marked(arg) for arg in get_args(annotation))


# Dates and times a request may carry. Beyond them a value breaks the computations done
# with it (a time zone shift of 0001-01-01T00:00+01:00 or an hour added to
# 9999-12-31T23:30Z overflows datetime) and means nothing for a choice of posts anyway.
FIRST_YEAR, LAST_YEAR = 1900, 2199


def _problem(value: object, multiline: bool) -> PydanticCustomError | None:
    """What is wrong with a value, or with the values of a list or dict (keys too).

    Texts: no control character (`server_stub.core.text`). Dates and times: between
    FIRST_YEAR and LAST_YEAR once in UTC. Nested request models are skipped: they checked
    their own fields.
    """
    if isinstance(value, str):
        found = forbidden_character(value, multiline=multiline)
        return None if found is None else PydanticCustomError(
            "forbidden_character", "the text holds a forbidden character: {character}",
            {"character": describe(found)})
    if isinstance(value, date):  # datetime too
        try:
            year = (value.astimezone(UTC) if isinstance(value, datetime) and value.tzinfo
                    else value).year
        except OverflowError:  # 0001-01-01T00:00+01:00 is before year 1 in UTC
            year = 0
        return None if FIRST_YEAR <= year <= LAST_YEAR else PydanticCustomError(
            "date_out_of_range", "the date is not between {first} and {last}",
            {"first": FIRST_YEAR, "last": LAST_YEAR})
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple | set | frozenset):
        for item in value:
            problem = _problem(item, multiline)
            if problem is not None:
                return problem
    return None


# The text rule as JSON Schema patterns, so that the OpenAPI document states it.
SINGLE_LINE_PATTERN = r"^[^\u0000-\u001f\u007f]*$"
MULTI_LINE_PATTERN = r"^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$"
_NOT_FREE_TEXT = {"format", "enum", "const", "pattern", "$ref"}


def _add_pattern(node: object, pattern: str) -> None:
    """Give every free-text string of a property's JSON Schema the text rule's pattern."""
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and not _NOT_FREE_TEXT & node.keys():
        node["pattern"] = pattern
    for key in ("anyOf", "oneOf", "allOf"):
        for sub in node.get(key, []):
            _add_pattern(sub, pattern)
    if node.get("type") == "object" and isinstance(node.get("additionalProperties"), dict):
        node.setdefault("propertyNames", {"pattern": pattern})  # a dict's keys are texts too
    for key in ("items", "additionalProperties"):
        _add_pattern(node.get(key), pattern)


def _document_rules(schema: dict[str, Any], model: type) -> None:
    """Write the text rule into the request models' JSON Schema (and so the OpenAPI
    document): clients, and the fuzz that generates requests from it, see it. The
    validator below stays what enforces it, with a French message."""
    multiline: frozenset[str] = getattr(model, "_multiline_fields", frozenset())
    for name, prop in schema.get("properties", {}).items():
        _add_pattern(prop, MULTI_LINE_PATTERN if name in multiline else SINGLE_LINE_PATTERN)


class RequestModel(BaseModel):
    """Base of every request schema (bodies and query models).

    Checked here once for every field, so that a new field cannot forget it:
    - no text holds a control character (see `server_stub.core.text`): a NUL would be refused
      by PostgreSQL deep inside a transaction, the others corrupt what people read back;
      a field typed `MultiLineStr` also admits tab and line breaks;
    - dates and times lie between FIRST_YEAR and LAST_YEAR.
    A refusal is 422 naming the field.
    """

    model_config = ConfigDict(json_schema_extra=_document_rules)
    _multiline_fields: ClassVar[frozenset[str]] = frozenset()

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        cls._multiline_fields = frozenset(
            name for name, field in cls.model_fields.items()
            if _marked(field.annotation) or any(isinstance(m, MultiLine)
                                                for m in field.metadata))

    @field_validator("*", mode="after")
    @classmethod
    def _check_values(cls, value: Any, info: ValidationInfo) -> Any:
        problem = _problem(value, info.field_name in cls._multiline_fields)
        if problem is not None:
            raise problem
        return value


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


class IdentityCheck(RequestModel):
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
    # « J'accepte » the terms of use (GET /api/terms), of this version: required.
    terms_accepted: str | None = Field(default=None, max_length=40)


class TermsPublic(BaseModel):
    """The terms of use a person accepts when creating his account."""

    version: str
    text: str


class RegistrationPublic(BaseModel):
    status: Literal["pending_confirmation"] = "pending_confirmation"
    email: str


class IdentityMatched(BaseModel):
    """Answer of `check_identity`: this identity may register."""

    matched: Literal[True] = True


class EmailPublic(BaseModel):
    """An address an action applied to (confirmed email, account whose password was reset)."""

    email: str


class EmailOnly(RequestModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=254)


class TokenOnly(RequestModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=10, max_length=200)


class PasswordResetConfirm(TokenOnly):
    password: str = Field(min_length=1, max_length=200)


class LoginRequest(RequestModel):
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
    # Why email, password and secret cannot change now (a national amphitheatre is on);
    # None when they can. French, shown as is.
    credentials_frozen: str | None = None


class SessionPublic(BaseModel):
    token: str
    expires_at: datetime
    profile: ProfilePublic


class ContactUpdate(RequestModel):
    """What a person may change himself; the agency changes the rest."""

    model_config = ConfigDict(extra="forbid")
    # A new email takes effect once the link mailed to it is followed (pending_email until then).
    email: str | None = Field(default=None, min_length=3, max_length=254)
    phone: str | None = Field(default=None, max_length=30)
    address: MultiLineStr | None = Field(default=None, max_length=500)  # postal: lines
    faculty: str | None = Field(default=None, max_length=100)


class SecretUpdate(RequestModel):
    model_config = ConfigDict(extra="forbid")
    password: str = Field(min_length=1, max_length=200)  # current password, to authorise
    secret_question: str = Field(min_length=1, max_length=200)
    secret_answer: str = Field(min_length=1, max_length=200)


class PasswordChange(RequestModel):
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


class StaffMessage(RequestModel):
    model_config = ConfigDict(extra="forbid")
    campaign_id: int | None = Field(default=None, ge=1, le=2**31 - 1)
    text: MultiLineStr = Field(min_length=1, max_length=2000)


class EventPublic(BaseModel):
    id: int
    at: datetime
    kind: str
    campaign_id: int | None
    payload: dict[str, Any]


class AuditPublic(BaseModel):
    id: int
    at: datetime
    actor_id: int | None
    subject_id: int | None
    campaign_id: int | None
    action: str
    detail: dict[str, Any] | None
    address: str | None


# --------------------------------------------------------------------------- demo


class DemoAccount(BaseModel):
    """A documented demo account (only served when the server runs in demo mode)."""

    role: str
    label: str
    email: str
    password: str
