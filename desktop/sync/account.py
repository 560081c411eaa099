"""The person using the client: signing in and out, keeping the token, the profile.

Screens get an `Account` and await its methods; it talks to the server through the API
client, keeps the token in the keyring through the secret store, and the last server,
last email and a copy of the profile in the local store. Refusals come out as
`ApiError` with a French message and, when it concerns one, the field to show it next to.

Signals: `signed_in(Profile)`, `profile_changed(Profile)`, `signed_out()` (asked by the
user), `session_lost(str)` (the server no longer accepts the token: expired or revoked;
the French reason is to be shown on the sign-in dialog, `email` still holds the address).
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.client import (
    ApiClient,
    ApiError,
    AuditEntry,
    Campaign,
    Identity,
    Profile,
    Registration,
    SignedIn,
    Terms,
    decode,
    encode,
)
from desktop.credentials import SecretStore
from desktop.store import LocalStore

log = logging.getLogger(__name__)

PASSWORD_MIN_LENGTH = 8
SECRET_ANSWER_MIN_ALNUM = 3
PROFILE_CACHE_KEY = "profile"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Account", text)


# --------------------------------------------------------------------------- local checks


def password_checklist(password: str) -> list[tuple[str, bool]]:
    """The password policy as (French rule, satisfied) pairs, for a live checklist.

    Same policy as the server: ≥ 8 characters, an upper-case letter, a lower-case
    letter, a digit. The server stays the judge; this only spares a round trip.
    """
    return [
        (_tr("au moins 8 caractères"), len(password) >= PASSWORD_MIN_LENGTH),
        (_tr("une lettre majuscule"), any(c.isupper() for c in password)),
        (_tr("une lettre minuscule"), any(c.islower() for c in password)),
        (_tr("un chiffre"), any(c.isdigit() for c in password)),
    ]


def password_problem(password: str) -> str | None:
    """French reason why `password` breaks the policy, or None."""
    missing = [rule for rule, ok in password_checklist(password) if not ok]
    if not missing:
        return None
    return _tr("Mot de passe trop faible : il faut %1.").replace("%1", ", ".join(missing))


def secret_answer_problem(answer: str) -> str | None:
    if sum(1 for c in answer if c.isalnum()) < SECRET_ANSWER_MIN_ALNUM:
        return _tr("La réponse secrète doit contenir au moins 3 lettres ou chiffres.")
    return None


def extract_token(text: str) -> str:
    """The token of a pasted mail link (`…?token=XYZ`) or a pasted code; "" when empty."""
    value = text.strip()
    if "token=" in value:
        query = urlsplit(value).query or value.split("?", 1)[-1]
        tokens = parse_qs(query).get("token")
        if tokens:
            return tokens[0].strip()
    return value.strip(" .;,'\"«»<>")


def _required(value: str, field: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise ApiError("required", message, field=field)
    return value


# --------------------------------------------------------------------------- account


class Account(QObject):
    """The signed-in person (or the one about to sign in) on one server."""

    signed_in = Signal(object)  # Profile
    profile_changed = Signal(object)  # Profile
    signed_out = Signal()
    session_lost = Signal(str)  # French reason

    def __init__(self, api: ApiClient, secrets: SecretStore, store: LocalStore,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.secrets = secrets
        self.store = store
        self.profile: Profile | None = None
        self.email: str = store.last_email(api.server) or ""
        self.remembered = False
        # True while the profile shown comes from the local copy (server unreachable).
        self.from_cache = False
        api.session_lost.connect(self._on_session_lost)

    # ---------------------------------------------------------------- state

    @property
    def server(self) -> str:
        return self.api.server

    @property
    def is_signed_in(self) -> bool:
        return self.profile is not None

    @property
    def can_remember(self) -> bool:
        return self.secrets.persistent

    @property
    def cannot_remember_reason(self) -> str:
        return self.secrets.reason

    def use_server(self, server: str) -> None:
        """Switch to `server` (normalised). Raises ApiError(field="server")."""
        self.api.set_server(server)

    def _set_profile(self, profile: Profile) -> None:
        self.profile = profile
        if profile.email:
            self.email = profile.email
        try:
            self.store.cache_put(self.server, self.email, PROFILE_CACHE_KEY, encode(profile))
        except Exception:  # the local copy is a convenience; never fail a sign-in over it
            log.exception("could not cache the profile")
        self.profile_changed.emit(profile)

    def open_session(self, result: SignedIn, email: str, remember: bool) -> Profile:
        """Take the session of a sign-in answer (password, link, proxy): token, profile."""
        self.api.token = result.token
        self.email = result.profile.email or email
        self.remembered = self.secrets.set_token(self.server, self.email, result.token,
                                                 remember=remember)
        self.store.remember_sign_in(self.server, self.email)
        self.from_cache = False
        self._set_profile(result.profile)
        self.signed_in.emit(result.profile)
        return result.profile

    def _forget(self) -> None:
        if self.email:
            self.secrets.delete_token(self.server, self.email)
        self.api.token = None
        self.profile = None
        self.remembered = False
        self.from_cache = False

    def _on_session_lost(self, error: ApiError) -> None:
        if self.profile is None:
            return  # not signed in (e.g. a remembered token refused at start-up)
        self._forget()
        self.session_lost.emit(error.message)

    # ---------------------------------------------------------------- signing in and out

    async def sign_in(self, server: str, email: str, password: str, *,
                      remember: bool = False) -> Profile:
        """Password sign-in. Raises ApiError (field "server", "email", "password"...)."""
        self.use_server(server)
        email = _required(email, "email", _tr("Saisissez votre adresse électronique."))
        if not password:
            raise ApiError("required", _tr("Saisissez votre mot de passe."), field="password")
        self.email = email
        result = await self.api.login(email, password)
        return self.open_session(result, email, remember)

    async def sign_in_with_code(self, server: str, code: str, *,
                                remember: bool = False) -> Profile:
        """Sign in with the code (or whole link) of a mailed sign-in link."""
        self.use_server(server)
        token = extract_token(code)
        if not token:
            raise ApiError("required", _tr("Collez le code reçu par courriel."), field="token")
        result = await self.api.redeem_signin_link(token)
        return self.open_session(result, self.email, remember)

    async def restore(self) -> Profile | None:
        """Sign in again with the token remembered for the last account, if any.

        Offline, the profile comes from the local copy (`from_cache` is True) and the
        token is kept for when the server is back. None when nothing usable is known.
        """
        if not self.email:
            return None
        token = self.secrets.get_token(self.server, self.email)
        if not token:
            return None
        self.api.token = token
        try:
            profile = await self.api.get_profile()
        except ApiError as exc:
            if not exc.offline:
                self._forget()
                return None
            cached = self.store.cache_get(self.server, self.email, PROFILE_CACHE_KEY)
            if cached is None:
                return None
            try:
                profile = decode(Profile, cached.value)
            except ApiError:
                return None
            self.remembered = True
            self.from_cache = True
            self.profile = profile
            self.signed_in.emit(profile)
            return profile
        self.remembered = True
        self.from_cache = False
        self._set_profile(profile)
        self.signed_in.emit(profile)
        return profile

    async def sign_out(self) -> None:
        """Revoke the token on the server (when reachable) and forget it here."""
        try:
            if self.api.token:
                await self.api.logout()
        except ApiError as exc:
            log.info("logout not confirmed by the server: %s", exc.message)
        finally:
            self._forget()
            self.signed_out.emit()

    # ---------------------------------------------------------------- my account

    async def refresh_profile(self) -> Profile:
        profile = await self.api.get_profile()
        self.from_cache = False
        self._set_profile(profile)
        return profile

    async def campaigns(self) -> list[Campaign]:
        return await self.api.list_campaigns()

    async def update_contact(self, *, email: str, phone: str, address: str,
                             faculty: str) -> Profile:
        """Send the contact fields that changed; a new email waits for its mailed link."""
        current = self.profile
        if current is None:
            raise ApiError("not_authenticated", _tr("Veuillez vous connecter."), status=401)
        email = _required(email, "email", _tr("L'adresse électronique est obligatoire."))
        changes: dict[str, str | None] = {}
        if email.lower() != (current.email or "").lower() and \
                email.lower() != (current.pending_email or "").lower():
            changes["email"] = email
        for name, value in (("phone", phone), ("address", address), ("faculty", faculty)):
            new = value.strip() or None
            if new != getattr(current, name):
                changes[name] = new
        if not changes:
            return current
        profile = await self.api.update_contact(**changes)  # type: ignore[arg-type]
        self._set_profile(profile)
        return profile

    async def update_secret(self, password: str, question: str, answer: str) -> Profile:
        question = _required(question, "secret_question",
                             _tr("Saisissez votre question secrète."))
        problem = secret_answer_problem(answer)
        if problem:
            raise ApiError("weak_secret_answer", problem, field="secret_answer")
        if not password:
            raise ApiError("required", _tr("Saisissez votre mot de passe actuel."),
                           field="password")
        profile = await self.api.update_secret(password, question, answer.strip())
        self._set_profile(profile)
        return profile

    async def change_password(self, current: str, new: str, confirmation: str) -> None:
        if not current:
            raise ApiError("required", _tr("Saisissez votre mot de passe actuel."),
                           field="current_password")
        problem = password_problem(new)
        if problem:
            raise ApiError("weak_password", problem, field="new_password")
        if new != confirmation:
            raise ApiError("mismatch", _tr("Les deux mots de passe sont différents."),
                           field="confirmation")
        await self.api.change_password(current, new)

    async def activity(self, before_id: int | None = None,
                       limit: int = 100) -> list[AuditEntry]:
        return await self.api.my_activity(limit=limit, before_id=before_id)

    # ---------------------------------------------------------------- registration, links

    async def check_identity(self, server: str, identity: Identity) -> None:
        self.use_server(server)
        _required(identity.last_name, "last_name", _tr("Saisissez votre nom de naissance."))
        _required(identity.first_name, "first_name", _tr("Saisissez votre prénom."))
        if not (identity.birth_town or "").strip() and not (identity.ine or "").strip():
            raise ApiError("required", _tr("Saisissez votre commune de naissance ou votre "
                                           "numéro INE."), field="birth_town")
        await self.api.check_identity(identity)

    async def terms(self, server: str) -> Terms:
        """The server's terms of use (their version goes back with the registration)."""
        self.use_server(server)
        return await self.api.terms()

    async def register(self, server: str, identity: Identity, *, email: str, password: str,
                       confirmation: str, secret_question: str, secret_answer: str,
                       phone: str = "", email_again: str | None = None,
                       terms_accepted: str | None = None) -> Registration:
        """Create the account; raises ApiError with the field at fault.

        `email_again`: the address typed a second time (« Recopiez l'adresse »), when the
        form asks for it; `terms_accepted`: the version of the terms the person accepted."""
        self.use_server(server)
        email = _required(email, "email", _tr("Saisissez votre adresse électronique."))
        if email_again is not None and email_again.strip().casefold() != email.casefold():
            raise ApiError("email_mismatch", _tr(
                "Les deux adresses sont différentes : recopiez la même adresse."),
                field="email_again")
        problem = password_problem(password)
        if problem:
            raise ApiError("weak_password", problem, field="password")
        if password != confirmation:
            raise ApiError("mismatch", _tr("Les deux mots de passe sont différents."),
                           field="confirmation")
        secret_question = _required(secret_question, "secret_question",
                                    _tr("Choisissez une question secrète."))
        problem = secret_answer_problem(secret_answer)
        if problem:
            raise ApiError("weak_secret_answer", problem, field="secret_answer")
        if not terms_accepted:
            raise ApiError("terms_not_accepted", _tr(
                "Lisez et acceptez les conditions d'utilisation pour créer votre compte."),
                field="terms_accepted")
        result = await self.api.register(identity, email=email, password=password,
                                         secret_question=secret_question,
                                         secret_answer=secret_answer.strip(),
                                         phone=phone.strip() or None,
                                         terms_accepted=terms_accepted)
        self.email = result.email
        return result

    async def resend_confirmation(self, server: str, email: str) -> None:
        self.use_server(server)
        await self.api.resend_confirmation(
            _required(email, "email", _tr("Saisissez votre adresse électronique.")))

    async def confirm_email(self, server: str, link_or_code: str) -> str:
        self.use_server(server)
        token = extract_token(link_or_code)
        if not token:
            raise ApiError("required", _tr("Collez le lien reçu par courriel."), field="token")
        return await self.api.confirm_email(token)

    async def request_signin_link(self, server: str, email: str) -> None:
        self.use_server(server)
        email = _required(email, "email", _tr("Saisissez d'abord votre adresse électronique."))
        self.email = email
        await self.api.request_signin_link(email)

    async def request_password_reset(self, server: str, email: str) -> None:
        self.use_server(server)
        await self.api.request_password_reset(
            _required(email, "email", _tr("Saisissez votre adresse électronique.")))

    async def confirm_password_reset(self, server: str, link_or_code: str, password: str,
                                     confirmation: str) -> str:
        self.use_server(server)
        token = extract_token(link_or_code)
        if not token:
            raise ApiError("required", _tr("Collez le lien ou le code reçu par courriel."),
                           field="token")
        problem = password_problem(password)
        if problem:
            raise ApiError("weak_password", problem, field="password")
        if password != confirmation:
            raise ApiError("mismatch", _tr("Les deux mots de passe sont différents."),
                           field="confirmation")
        return await self.api.confirm_password_reset(token, password)
