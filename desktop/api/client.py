"""Typed async client of the reference server's JSON API, over one long-lived httpx client.

Every call is a method named after the server's operation id (see docs/api.md and
`/openapi.json`) and returns frozen answer types generated from that document
(`desktop/api/schema.py`, `make api-types`), decoded with pydantic. Every failure is an `ApiError`
carrying a French message ready to show: the server's own message when it sent one,
ours for network trouble (timeout, refused connection, DNS, TLS, garbled answer).

Adding an endpoint is `make api-types` (when its answer is a new schema) and a method like::

    async def get_profile(self) -> Profile:
        return decode(Profile, await self._request("GET", "/api/me", auth=True))

Signals: `session_lost(ApiError)` when an authenticated call gets a 401 (expired or
revoked token); `online_changed(bool, str)` when the server becomes unreachable or
reachable again (the message says why).
"""

from __future__ import annotations

import email.utils
import logging
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any, Final, TypeVar

import httpx

# Loaded before PySide6, on purpose: PySide6's import hook inspects every module imported
# after it, and when pydantic's validators are first imported under that hook, pydantic
# fails with a circular ImportError (tests/desktop/test_api_types.py: a fresh process).
import pydantic.types  # noqa: F401
from pydantic import TypeAdapter, ValidationError
from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop import __version__
from desktop.api import schema

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
# Gateways and a busy database: the server (or the way to it) is there but cannot answer.
UNAVAILABLE_STATUSES = frozenset({502, 503, 504})
T = TypeVar("T")


def _tr(text: str) -> str:
    return QCoreApplication.translate("ApiClient", text)


# --------------------------------------------------------------------------- errors


class ApiError(Exception):
    """A refused or failed call: machine `code`, French `message`, and what is known.

    `field` names the request field at fault (to show the message next to it),
    `status` the HTTP status (None when no answer came), `retry_after` the seconds to
    wait before trying again, `offline` that the server could not be reached at all.
    """

    def __init__(self, code: str, message: str, *, status: int | None = None,
                 field: str | None = None, retry_after: int | None = None,
                 offline: bool = False, body: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.field = field
        self.retry_after = retry_after
        self.offline = offline
        self.body = body  # the decoded JSON answer, e.g. a 409's `current` list

    def __repr__(self) -> str:
        return (f"ApiError({self.code!r}, status={self.status}, field={self.field!r}, "
                f"offline={self.offline})")

    @property
    def unauthorized(self) -> bool:
        """The token is missing, unknown, revoked or expired."""
        return self.status == 401


def _causes(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def network_error(exc: Exception) -> ApiError:
    """The French `ApiError` for an exception raised while talking to the server."""
    causes = _causes(exc)
    text = " ".join(str(c) for c in causes).lower()
    if isinstance(exc, httpx.TimeoutException):
        return ApiError("timeout", _tr("Le serveur ne répond pas (délai dépassé). Vérifiez votre "
                                       "connexion."), offline=True)
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return ApiError("bad_address", _tr("Adresse du serveur invalide : elle doit commencer "
                                           "par http:// ou https://."), field="server")
    if any(isinstance(c, ssl.SSLError) for c in causes) or "certificate" in text:
        return ApiError("tls", _tr("La connexion sécurisée avec le serveur a échoué : son "
                                   "certificat n'est pas reconnu. Vérifiez l'adresse du "
                                   "serveur."), field="server")
    if any(isinstance(c, socket.gaierror) for c in causes) or any(
            s in text for s in ("name or service not known", "nodename nor servname",
                                "getaddrinfo failed", "name resolution",
                                "no address associated")):
        return ApiError("dns", _tr("Adresse du serveur introuvable : vérifiez l'adresse saisie "
                                   "et votre connexion à Internet."), field="server",
                        offline=True)
    if isinstance(exc, httpx.ConnectError):
        return ApiError("unreachable", _tr("Le serveur est injoignable. Vérifiez votre "
                                           "connexion."), offline=True)
    if isinstance(exc, httpx.HTTPError | OSError):
        return ApiError("connection_lost", _tr("La connexion au serveur a été interrompue. "
                                               "Vérifiez votre connexion."), offline=True)
    return ApiError("network_error", _tr("Erreur de communication avec le serveur."),
                    offline=True)


def _retry_after(response: httpx.Response, detail: Mapping[str, Any] | None) -> int | None:
    value = detail.get("retry_after") if detail else None
    if isinstance(value, int) and value >= 0:
        return value
    header = response.headers.get("Retry-After")
    if not header:
        return None
    if header.strip().isdigit():
        return int(header.strip())
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    return max(0, int((when - datetime.now(UTC)).total_seconds()))


_GENERIC: dict[int, tuple[str, str]] = {
    400: ("bad_request", "La demande a été refusée par le serveur."),
    401: ("not_authenticated", "Veuillez vous reconnecter."),
    403: ("forbidden", "Vous n'avez pas le droit d'effectuer cette action."),
    404: ("not_found", "Élément introuvable sur le serveur."),
    409: ("conflict", "Cette action est entrée en conflit avec une autre : réessayez."),
    413: ("too_large", "La demande est trop volumineuse."),
    429: ("too_many_attempts", "Trop de tentatives : patientez avant de réessayer."),
}


def error_from_response(response: httpx.Response) -> ApiError:
    """The `ApiError` of a 4xx/5xx answer: the documented body when present, else ours."""
    status = response.status_code
    detail: Mapping[str, Any] | None = None
    body: Any = None
    try:
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            candidate = body["error"]
            if isinstance(candidate.get("code"), str) and isinstance(candidate.get("message"),
                                                                      str):
                detail = candidate
    except ValueError:
        pass
    retry_after = _retry_after(response, detail)
    offline = status in UNAVAILABLE_STATUSES
    if detail is not None:
        field = detail.get("field")
        return ApiError(detail["code"], detail["message"], status=status,
                        field=field if isinstance(field, str) else None,
                        retry_after=retry_after, offline=offline, body=body)
    if offline:
        return ApiError("unavailable", _tr("Le serveur est momentanément indisponible."),
                        status=status, retry_after=retry_after, offline=True)
    if status in _GENERIC:
        code, message = _GENERIC[status]
        return ApiError(code, _tr(message), status=status, retry_after=retry_after)
    return ApiError("server_error",
                    _tr("Le serveur a rencontré une erreur inattendue (code %1). Réessayez dans "
                        "un instant.").replace("%1", str(status)),
                    status=status, retry_after=retry_after)


def bad_response(what: str = "") -> ApiError:
    message = _tr("Réponse du serveur incompréhensible : ce serveur n'est peut-être pas un "
                  "serveur Amphi, ou il n'est pas à jour.")
    if what:
        log.warning("unexpected answer: %s", what)
    return ApiError("bad_response", message)


# --------------------------------------------------------------------------- addresses


def normalize_server_url(text: str) -> str:
    """`"localhost:8000/"` → `"http://localhost:8000"`. Raises ApiError(field="server")."""
    value = text.strip()
    if not value:
        raise ApiError("bad_address", _tr("Saisissez l'adresse du serveur."), field="server")
    if "://" not in value:
        value = "http://" + value
    try:
        url = httpx.URL(value)
    except (httpx.InvalidURL, ValueError) as exc:
        raise ApiError("bad_address", _tr("Adresse du serveur invalide."),
                       field="server") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise ApiError("bad_address", _tr("Adresse du serveur invalide : elle doit commencer "
                                          "par http:// ou https://."), field="server")
    path = url.path.rstrip("/")
    if path.endswith("/api"):
        path = path[: -len("/api")]
    return str(url.copy_with(path=path or "", query=None, fragment=None)).rstrip("/")


# --------------------------------------------------------------------------- answers

# The answers are the server's component schemas, generated into `desktop/api/schema.py`
# (`make api-types`); the names below are the ones the rest of the client reads.
Health = schema.Health
Campaign = schema.CampaignPublic  # a procedure run; `my_role`: the signed-in person's role
Profile = schema.ProfilePublic  # + display_name, roles, kinds_as (desktop/api/mixins.py)
SignedIn = schema.SessionPublic  # a new session: token, expiry, and whose it is
Registration = schema.RegistrationPublic
Terms = schema.TermsPublic  # the terms of use accepted at registration
AuditEntry = schema.AuditPublic
DemoAccount = schema.DemoAccount


@dataclass(frozen=True, slots=True)
class Identity:
    """What the agency knows of a person, as typed at registration (a request body)."""

    last_name: str
    first_name: str
    birth_date: date
    birth_town: str | None = None
    ine: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"last_name": self.last_name, "first_name": self.first_name,
                "birth_date": self.birth_date.isoformat(), "birth_town": self.birth_town,
                "ine": self.ine}


# --------------------------------------------------------------------------- decoding


@cache
def adapter(kind: Any) -> TypeAdapter[Any]:
    """The one `TypeAdapter` of a type (building one costs far more than using it)."""
    return TypeAdapter(kind)


def _validate(kind: Any, data: Any, what: str) -> Any:
    try:
        return adapter(kind).validate_python(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise bad_response(f"{what}: {exc.error_count()} error(s), first at {where}: "
                           f"{first['msg']}") from None


def decode(cls: type[T], data: Any) -> T:
    """Build `cls` (an answer type) from decoded JSON (extra keys ignored). Raises ApiError
    (`bad_response`) when the data does not fit the type."""
    if not isinstance(data, dict):
        raise bad_response(f"{cls.__name__}: object expected")
    return _validate(cls, data, cls.__name__)  # type: ignore[no-any-return]


def decode_list(cls: type[T], data: Any) -> list[T]:
    """A JSON list of `cls`. Raises ApiError (`bad_response`)."""
    if not isinstance(data, list):
        raise bad_response(f"list of {cls.__name__} expected")
    return _validate(list[cls], data, f"list of {cls.__name__}")  # type: ignore[valid-type,no-any-return]


def encode(value: Any) -> Any:
    """The JSON form of an answer (or a list of them), for the local cache; `decode` reads
    it back."""
    if isinstance(value, list | tuple):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    kind: Any = type(value)
    return adapter(kind).dump_python(value, mode="json")


def decode_text(data: Any, key: str) -> str:
    """The text at `key` of a JSON object answer. Raises ApiError (`bad_response`)."""
    value = data.get(key) if isinstance(data, dict) else None
    if not isinstance(value, str):
        raise bad_response(f"{key}: text expected")
    return value


class _Unset:
    """Marks an argument that was not given (None means "clear this field")."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Final = _Unset()


# --------------------------------------------------------------------------- client


class ApiClient(QObject):
    """The server's API as async methods; owns the one `httpx.AsyncClient` (close on quit)."""

    session_lost = Signal(object)  # ApiError (401 on an authenticated call)
    online_changed = Signal(bool, str)  # reachable?, French reason when not

    def __init__(self, server: str, *, timeout: httpx.Timeout = DEFAULT_TIMEOUT,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token: str | None = None
        self.online: bool | None = None  # unknown until the first answer
        self.http = httpx.AsyncClient(
            base_url=normalize_server_url(server), timeout=timeout,
            headers={"User-Agent": f"Amphi/{__version__}", "Accept": "application/json"},
            follow_redirects=False,
        )

    # ---------------------------------------------------------------- plumbing

    @property
    def server(self) -> str:
        return str(self.http.base_url).rstrip("/")

    def set_server(self, server: str) -> None:
        """Point at another server (the token is dropped: it belongs to the old one)."""
        url = normalize_server_url(server)
        if url != self.server:
            self.http.base_url = httpx.URL(url)
            self.token = None
            self.online = None

    async def aclose(self) -> None:
        await self.http.aclose()

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def note_online(self) -> None:
        """An answer came: the server is reachable (emits on change only)."""
        if self.online is not True:
            self.online = True
            self.online_changed.emit(True, "")

    def note_offline(self, error: ApiError) -> None:
        """The server could not be reached (emits on change only)."""
        if self.online is not False:
            self.online = False
            self.online_changed.emit(False, error.message)

    def report_unauthorized(self, error: ApiError) -> None:
        """A 401 on an authenticated request (here or on the live stream)."""
        self.token = None
        self.session_lost.emit(error)

    async def send(self, method: str, path: str, *, auth: bool | None = False,
                   **kwargs: Any) -> httpx.Response:
        """Send one request; the raw answer (files, multipart, JSON). Raises ApiError.

        `auth=True` requires the token, `None` sends it when there is one; other
        keyword arguments go to httpx (`json`, `params`, `files`, `data`). Refusals keep
        the decoded body in `ApiError.body`; the online state and a lost session are
        noted here, once for every area's calls.
        """
        if auth and not self.token:
            raise ApiError("not_authenticated", _tr("Veuillez vous connecter."), status=401)
        headers = self.auth_headers() if auth is not False else {}
        try:
            response = await self.http.request(method, path, headers=headers, **kwargs)
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
            error = network_error(exc)
            log.info("%s %s failed: %r", method, path, exc)
            if error.offline:
                self.note_offline(error)
            raise error from exc
        if response.status_code >= 400:
            error = error_from_response(response)
            if error.offline:
                self.note_offline(error)
            else:
                self.note_online()
            if error.status == 401 and auth is not False and headers:
                self.report_unauthorized(error)
            raise error
        self.note_online()
        return response

    async def _request(self, method: str, path: str, *, json: Any = None,
                       params: Mapping[str, Any] | None = None,
                       auth: bool | None = False) -> Any:
        """Send one request; the decoded JSON answer (None when empty). Raises ApiError."""
        response = await self.send(method, path, json=json, params=params, auth=auth)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise bad_response(f"{method} {path}: not JSON") from exc

    # ---------------------------------------------------------------- public

    async def health(self) -> Health:
        return decode(Health, await self._request("GET", "/api/health"))

    async def list_campaigns(self) -> list[Campaign]:
        return decode_list(Campaign, await self._request("GET", "/api/campaigns", auth=None))

    async def demo_accounts(self) -> list[DemoAccount]:
        """The documented demo accounts (404 `not_found` unless the server runs a demo)."""
        return decode_list(DemoAccount, await self._request("GET", "/api/demo/accounts"))

    # ---------------------------------------------------------------- accounts

    async def check_identity(self, identity: Identity) -> None:
        """Return when the identity may register; 404 `identity_not_found`, 409..."""
        await self._request("POST", "/api/auth/identity", json=identity.as_json())

    async def terms(self) -> Terms:
        """The terms of use to accept when creating an account."""
        return decode(Terms, await self._request("GET", "/api/auth/terms"))

    async def register(self, identity: Identity, *, email: str, password: str,
                       secret_question: str, secret_answer: str,
                       phone: str | None = None, terms_accepted: str | None = None
                       ) -> Registration:
        body = {**identity.as_json(), "email": email, "password": password,
                "secret_question": secret_question, "secret_answer": secret_answer,
                "phone": phone, "terms_accepted": terms_accepted}
        return decode(Registration, await self._request("POST", "/api/auth/register", json=body))

    async def confirm_email(self, token: str) -> str:
        """Confirm an address with a mailed token; returns the confirmed address."""
        data = await self._request("POST", "/api/auth/confirm-email", json={"token": token})
        return decode_text(data, "email")

    async def resend_confirmation(self, email: str) -> None:
        await self._request("POST", "/api/auth/confirm-email/resend", json={"email": email})

    async def login(self, email: str, password: str) -> SignedIn:
        body = {"email": email, "password": password}
        return decode(SignedIn, await self._request("POST", "/api/auth/login", json=body))

    async def request_signin_link(self, email: str) -> None:
        await self._request("POST", "/api/auth/signin-link", json={"email": email})

    async def redeem_signin_link(self, token: str) -> SignedIn:
        return decode(SignedIn, await self._request("POST", "/api/auth/signin-link/redeem",
                                                    json={"token": token}))

    async def request_password_reset(self, email: str) -> None:
        await self._request("POST", "/api/auth/password-reset", json={"email": email})

    async def confirm_password_reset(self, token: str, password: str) -> str:
        """Set a new password with a mailed token; returns the account's address."""
        data = await self._request("POST", "/api/auth/password-reset/confirm",
                                   json={"token": token, "password": password})
        return decode_text(data, "email")

    async def logout(self) -> None:
        await self._request("POST", "/api/auth/logout", auth=True)

    # ---------------------------------------------------------------- my account

    async def get_profile(self) -> Profile:
        return decode(Profile, await self._request("GET", "/api/me", auth=True))

    async def update_contact(self, *, email: str | _Unset = UNSET,
                             phone: str | None | _Unset = UNSET,
                             address: str | None | _Unset = UNSET,
                             faculty: str | None | _Unset = UNSET) -> Profile:
        """Change only the fields given; a new email stays `pending_email` until confirmed."""
        given = {"email": email, "phone": phone, "address": address, "faculty": faculty}
        body = {k: v for k, v in given.items() if not isinstance(v, _Unset)}
        return decode(Profile, await self._request("PATCH", "/api/me", json=body, auth=True))

    async def update_secret(self, password: str, secret_question: str,
                            secret_answer: str) -> Profile:
        body = {"password": password, "secret_question": secret_question,
                "secret_answer": secret_answer}
        return decode(Profile, await self._request("PUT", "/api/me/secret", json=body,
                                                   auth=True))

    async def change_password(self, current_password: str, new_password: str) -> None:
        await self._request("POST", "/api/me/password", auth=True,
                            json={"current_password": current_password,
                                  "new_password": new_password})

    async def my_activity(self, limit: int = 100, before_id: int | None = None
                          ) -> list[AuditEntry]:
        """« Mon activité passée », newest first; page with `before_id`."""
        params: dict[str, Any] = {"limit": limit}
        if before_id is not None:
            params["before_id"] = before_id
        return decode_list(AuditEntry, await self._request("GET", "/api/me/activity",
                                                           params=params, auth=True))
