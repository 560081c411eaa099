"""Favourites editable offline, synced with the server's list version; proxy-mode sign-in.

Every edit applies to the local list at once (the screen never waits). Online, and with
nothing unsent, it is sent as its own call (`add_favourite`, `remove_favourite`,
`move_favourite`) and the server's answer replaces the local list. Offline, the list is
marked *dirty*, kept in the LocalStore cache with the version it was based on, and one
pending change per amphitheatre is queued; on reconnection `push()` sends the whole list
with `replace_favourites(base_version)`. When the list changed elsewhere meanwhile (409
`version_conflict`), the local order is kept and what the other device added is put
after it: nothing typed here is lost, and the notice says what happened. Items the server
refuses (a post withdrawn: 404, a duplicate: 422) are dropped with their reason shown.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.amphi import (
    Amphi,
    AmphiApi,
    AmphiMessage,
    Assignment,
    Attestation,
    CallListEntry,
    Choice,
    Favourite,
    FavouriteEstimate,
    FavouriteList,
    ImportReport,
    InternSelf,
    InternStaff,
    LiveMe,
    LiveState,
    Offer,
    Post,
    Proxy,
    SavedSearch,
    Service,
    new_idempotency_key,
)
from desktop.api.client import ApiError, Profile, decode, encode
from desktop.api.matching import Download
from desktop.store import LocalStore
from desktop.sync.account import Account
from desktop.tasks import spawn

log = logging.getLogger(__name__)
PENDING_KIND = "amphi_favourites"


def _tr(text: str) -> str:
    return QCoreApplication.translate("AmphiSync", text)


def cache_key(amphi_id: int) -> str:
    return f"amphi.favourites.{amphi_id}"


def favourite_for_post(post: Post) -> Favourite:
    """A favourite made offline for one post (the server gives it an id later)."""
    return Favourite(id=0, position=0, kind="post", service_id=post.service_id, post_id=post.id,
                     establishment=post.establishment, service=post.service, head=post.head,
                     post_ids=(post.id,), available=0 if post.taken else 1, favourites=1)


def favourite_for_service(service: Service, posts: Sequence[Post]) -> Favourite:
    ids = tuple(p.id for p in posts)
    return Favourite(id=0, position=0, kind="service", service_id=service.id, post_id=None,
                     establishment=service.establishment, service=service.name,
                     head=service.head, post_ids=ids,
                     available=sum(1 for p in posts if not p.taken), favourites=len(ids))


class FavouritesSync(QObject):
    """The favourites of one amphitheatre for the signed-in intern (or his proxy holder)."""

    changed = Signal()  # the list (or its dirty state) changed: redraw
    notice = Signal(str, str)  # French text, kind ("info", "warning", "error", "success")
    single_post_warning = Signal()  # first single post chosen: explain once

    def __init__(self, api: AmphiApi, store: LocalStore, account: Account, amphi_id: int,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.store = store
        self.account = account
        self.amphi_id = amphi_id
        self.version = 0
        self.items: list[Favourite] = []
        self.dirty = False
        self.single_post_warned = False
        self.from_cache = False
        self.busy = False
        self._lock = asyncio.Lock()  # edits reach the server in the order they were made
        self._pending = 0  # edits applied here whose call has not been answered yet
        self._server_ids: dict[tuple[str, int], int] = {}  # favourite ids the server gave

    # ---------------------------------------------------------------- local copy

    @property
    def _where(self) -> tuple[str, str]:
        return self.account.server, self.account.email

    def _save(self) -> None:
        server, email = self._where
        self.store.cache_put(server, email, cache_key(self.amphi_id), {
            "version": self.version, "dirty": self.dirty,
            "single_post_warned": self.single_post_warned,
            "items": [encode(i) for i in self.items]})

    def _load_cache(self) -> bool:
        server, email = self._where
        cached = self.store.cache_get(server, email, cache_key(self.amphi_id))
        if cached is None:
            return False
        value: dict[str, Any] = cached.value
        self.version = int(value.get("version", 0))
        self.dirty = bool(value.get("dirty"))
        self.single_post_warned = bool(value.get("single_post_warned"))
        self.items = [decode(Favourite, i) for i in value.get("items", [])]
        self._server_ids.update({i.key: i.id for i in self.items if i.id})
        return True

    def _apply_server(self, listing: FavouriteList) -> None:
        if listing.version < self.version and not self.dirty:
            return  # an answer overtaken by a newer one
        self._server_ids.update({i.key: i.id for i in listing.items})
        if self._pending > 0:
            # More edits are on their way: the local list already holds them. Keep it,
            # learn the version and the ids the server gave to new favourites.
            self.version = listing.version
            self.items = [replace(i, id=self._server_ids.get(i.key, i.id)) for i in self.items]
            return
        self.version = listing.version
        self.items = list(listing.items)
        self.single_post_warned = listing.single_post_warned
        self.dirty = False
        self.from_cache = False
        self._save()
        self._settle_queue()
        self.changed.emit()

    def _queue(self) -> None:
        """One pending change per amphitheatre is enough: `push` sends the whole list."""
        server, email = self._where
        mine = [c for c in self.store.pending(server, email, kind=PENDING_KIND)
                if c.payload.get("amphi_id") == self.amphi_id]
        if not mine:
            self.store.enqueue(server, email, PENDING_KIND, {"amphi_id": self.amphi_id})

    def _settle_queue(self, error: str | None = None) -> None:
        server, email = self._where
        for change in self.store.pending(server, email, kind=PENDING_KIND):
            if change.payload.get("amphi_id") == self.amphi_id:
                if error is None:
                    self.store.mark_done(change.id)
                else:
                    self.store.mark_failed(change.id, error)

    def keys(self) -> list[tuple[str, int]]:
        return [i.key for i in self.items]

    def has(self, key: tuple[str, int]) -> bool:
        return key in self.keys()

    # ---------------------------------------------------------------- reading

    async def load(self) -> None:
        """The server's list (sending unsent edits first); offline, the local copy."""
        had_cache = self._load_cache()
        if self.dirty:
            self.changed.emit()
            await self.push()
            return
        try:
            listing = await self.api.get_favourites(self.amphi_id)
        except ApiError as exc:
            if exc.offline and had_cache:
                self.from_cache = True
                self.changed.emit()
                self.notice.emit(_tr("Hors ligne : vos favoris enregistrés sur cet ordinateur "
                                     "sont affichés et restent modifiables."), "warning")
                return
            raise
        self._apply_server(listing)

    # ---------------------------------------------------------------- edits

    async def _send(self, call: Any) -> None:
        """Send one edit, or keep it for later when offline; a refusal reloads."""
        counted = True
        try:
            async with self._lock:
                self._pending -= 1  # being sent: `_pending` now counts the edits after it
                counted = False
                await self._send_now(call)
        finally:
            if counted:  # cancelled while waiting for its turn
                self._pending -= 1

    def _edit(self, changed: bool, call: Any) -> asyncio.Future[None]:
        """The local list was just changed (or not): send the matching call in order."""
        if not changed:
            done: asyncio.Future[None] = asyncio.get_event_loop().create_future()
            done.set_result(None)
            return done
        self._pending += 1
        self.changed.emit()
        return spawn(self, self._send(call))

    async def _send_now(self, call: Any) -> None:
        if self.dirty:
            self._save()
            self._queue()
            self.changed.emit()
            await self.push()
            return
        try:
            listing = await call()
        except ApiError as exc:
            if exc.offline:
                self.dirty = True
                self._save()
                self._queue()
                self.changed.emit()
                self.notice.emit(_tr("Hors ligne : modification enregistrée sur cet "
                                     "ordinateur, elle sera envoyée au retour de la "
                                     "connexion."), "warning")
                return
            self.notice.emit(exc.message, "error")
            try:
                self._apply_server(await self.api.get_favourites(self.amphi_id))
            except ApiError:
                self.changed.emit()
            return
        if getattr(listing, "first_single_post", False):
            self.single_post_warning.emit()
        self._apply_server(listing)

    def add(self, favourite: Favourite) -> asyncio.Future[None]:
        """Add a service or a post at the end (a duplicate is ignored with a notice).

        Like `remove` and `move`: the local list changes at once (synchronously); the
        returned future is the server call, sent after the edits made before it.
        """
        if self.has(favourite.key):
            self.notice.emit(_tr("Déjà dans vos favoris."), "info")
            return self._edit(False, None)
        first_single = favourite.kind == "post" and not self.single_post_warned \
            and not any(i.kind == "post" for i in self.items)
        self.items.append(favourite)
        kind, ident = favourite.key
        if (self.dirty or self.api.api.online is False) and first_single:
            self.single_post_warned = True
            self.single_post_warning.emit()
        return self._edit(True, lambda: self.api.add_favourite(
            self.amphi_id, **{f"{kind}_id": ident}))

    def remove(self, key: tuple[str, int]) -> asyncio.Future[None]:
        if not self.has(key):
            return self._edit(False, None)
        self.items = [i for i in self.items if i.key != key]
        ident = self._id_known_later(key)
        return self._edit(True, lambda: self.api.remove_favourite(self.amphi_id, ident()))

    def move(self, key: tuple[str, int], position: int) -> asyncio.Future[None]:
        """Put `key` at `position` (1 = first); the model may have moved it already."""
        current = [i for i in self.items if i.key == key]
        if not current:
            return self._edit(False, None)
        rest = [i for i in self.items if i.key != key]
        index = max(0, min(position - 1, len(rest)))
        self.items = [*rest[:index], current[0], *rest[index:]]
        ident = self._id_known_later(key)
        return self._edit(True, lambda: self.api.move_favourite(self.amphi_id, ident(),
                                                                 index + 1))

    def _id_known_later(self, key: tuple[str, int]) -> Any:
        """The server id of `key` when the call is sent (a new favourite gets it late)."""
        captured = self._server_ids.get(key, 0)
        return lambda: self._server_ids.get(key, captured)

    # ---------------------------------------------------------------- sync

    async def push(self) -> bool:
        """Send the whole local list (after offline edits). True when the server has it."""
        if not self.dirty or self.busy:
            return not self.dirty
        self.busy = True
        try:
            return await self._push()
        finally:
            self.busy = False

    async def _push(self) -> bool:
        merged_note = False
        for _attempt in range(len(self.items) + 3):
            try:
                listing = await self.api.replace_favourites(self.amphi_id, self.version,
                                                            self.keys())
            except ApiError as exc:
                if exc.offline:
                    self._save()
                    self.changed.emit()
                    return False
                if exc.code == "version_conflict":
                    server = await self.api.get_favourites(self.amphi_id)
                    mine = set(self.keys())
                    extra = [i for i in server.items if i.key not in mine]
                    self.items += extra
                    self.version = server.version
                    merged_note = merged_note or bool(extra)
                    continue
                index = _item_index(exc.field)
                if index is not None and index < len(self.items):
                    dropped = self.items.pop(index)
                    self.notice.emit(_tr("« %1 » retiré de vos favoris : %2").replace(
                        "%1", f"{dropped.establishment} — {dropped.service}").replace(
                        "%2", exc.message), "warning")
                    continue
                # Refused as a whole (the amphitheatre closed...): keep the copy, say why.
                self._save()
                self._settle_queue(exc.message)
                self.changed.emit()
                self.notice.emit(_tr("Vos favoris modifiés hors ligne n'ont pas pu être "
                                     "envoyés : %1 Ils restent enregistrés sur cet "
                                     "ordinateur.").replace("%1", exc.message), "error")
                return False
            self._apply_server(listing)
            if merged_note:
                self.notice.emit(_tr("Vos favoris avaient aussi changé sur un autre appareil : "
                                     "votre ordre a été gardé et les ajouts faits ailleurs "
                                     "placés à la fin."), "info")
            else:
                self.notice.emit(_tr("Favoris modifiés hors ligne envoyés."), "success")
            return True
        return False

    async def on_event(self, kind: str, payload: dict[str, Any]) -> None:
        """`amphi_favourites`: another device or the proxy holder changed the list."""
        if kind != "amphi_favourites" or self.dirty:
            return
        async with self._lock:  # after my own edits in flight: their answers come first
            if int(payload.get("version", 0)) <= self.version or self.dirty:
                return
            try:
                self._apply_server(await self.api.get_favourites(self.amphi_id))
            except ApiError as exc:
                log.info("favourites reload failed: %s", exc.message)


def _item_index(field: str | None) -> int | None:
    """`items[3]` → 3."""
    if field and field.startswith("items[") and "]" in field:
        inner = field[len("items["):field.index("]")]
        return int(inner) if inner.isdigit() else None
    return None


async def proxy_sign_in(account: Account, server: str, email: str, password: str, *,
                        remember: bool = False) -> Profile:
    """« Procuration » sign-in: the holder's email and password through `proxy_login`.

    The session is then an ordinary one for `Account` (same token handling), whose
    profile has the role `proxy_holder`.
    """
    account.use_server(server)
    email = email.strip()
    if not email:
        raise ApiError("required", _tr("Saisissez l'adresse indiquée par l'interne."),
                       field="email")
    if not password:
        raise ApiError("required", _tr("Saisissez votre mot de passe."), field="password")
    account.email = email
    result = await AmphiApi(account.api).proxy_login(email, password)
    return account.open_session(result, email, remember)


# --------------------------------------------------------------------------- live session


class LiveSession(QObject):
    """The live amphitheatre as this client sees it: state, clock, my place, choosing.

    `get_live` on opening and after each turn change; presence signals every
    `PRESENCE_SECONDS` while the screen is open; events applied as they arrive. The
    countdown uses the server's deadline corrected by `offset` (server clock − local
    clock, measured at each answer).
    """

    PRESENCE_SECONDS = 10.0

    changed = Signal()  # state, queue, me: redraw
    turn_changed = Signal(object)  # the new chooser's intern id (or None)
    choice_seen = Signal(dict)  # an `amphi_choice` payload (mark the post taken)
    notice = Signal(str, str)  # French text, kind
    message_received = Signal(dict)  # an `amphi_message` payload (the bell)

    def __init__(self, api: AmphiApi, amphi_id: int, *, intern: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.amphi_id = amphi_id
        self.intern = intern  # False: a spectator (staff)
        self.state: LiveState | None = None
        self.offset = timedelta(0)
        self.deadline: datetime | None = None
        self.current: int | None = None
        self.soon = False
        self._keys: dict[int, str] = {}
        self._refreshing = False
        self._again = False

    # ---------------------------------------------------------------- reading

    def _clock(self, server_time: datetime) -> None:
        self.offset = server_time - datetime.now(UTC)

    def server_now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def remaining(self) -> float | None:
        """Seconds left on the current turn (frozen while paused), None without a turn."""
        if self.deadline is not None:
            return max(0.0, (self.deadline - self.server_now()).total_seconds())
        if self.state is not None and self.state.state == "paused":
            return self.state.remaining_seconds
        return None

    @property
    def me(self) -> LiveMe | None:
        return self.state.me if self.state is not None else None

    async def refresh(self) -> None:
        """Read the whole live state (coalesced: one read at a time, one more if asked)."""
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        try:
            while True:
                self._again = False
                state = await self.api.get_live(self.amphi_id)
                self._apply(state)
                if not self._again:
                    break
        finally:
            self._refreshing = False

    def _apply(self, state: LiveState) -> None:
        previous = self.current
        self.state = state
        self._clock(state.server_time)
        self.deadline = state.deadline
        self.current = state.current_intern_id
        self.soon = bool(state.me and state.me.soon)
        self.changed.emit()
        if previous != self.current:
            self.turn_changed.emit(self.current)

    async def presence(self) -> None:
        """« Je suis là »: keeps my turn (and places me back if I had been passed over)."""
        if not self.intern:
            return
        try:
            answer = await self.api.amphi_presence(self.amphi_id)
        except ApiError as exc:
            if exc.code != "amphi_not_open":
                log.info("presence refused: %s", exc.message)
            return
        self._clock(answer.server_time)
        if answer.requeued:
            self.notice.emit(_tr("Vous êtes de retour : vous passez juste après l'interne "
                                 "qui choisit en ce moment."), "success")
            await self.refresh()
        elif answer.turn_no != (self.state.turn_no if self.state else -1):
            await self.refresh()

    # ---------------------------------------------------------------- events

    async def on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if not kind.startswith("amphi_"):
            return
        if payload.get("amphi_id") not in (None, self.amphi_id):
            return
        if kind == "amphi_turn":
            if payload.get("server_time"):
                self._clock(datetime.fromisoformat(payload["server_time"]))
            deadline = payload.get("deadline")
            self.deadline = datetime.fromisoformat(deadline) if deadline else None
            previous, self.current = self.current, payload.get("intern_id")
            me = self.me
            if me is not None and self.state is not None:
                present = any(q.present for q in self.state.queue
                              if q.intern_id == self.current)
                self.soon = soon_from_upcoming(payload.get("upcoming") or [], me.intern_id,
                                               self.current, present,
                                               self.state.soon_threshold)
            self.changed.emit()
            if previous != self.current:
                self.turn_changed.emit(self.current)
            await self.refresh()
        elif kind == "amphi_choice":
            self.choice_seen.emit(payload)
        elif kind == "amphi_message":
            self.message_received.emit(payload)
        elif kind in ("amphi_requeued", "amphi_state", "amphi_intern", "amphi_sessions"):
            await self.refresh()

    # ---------------------------------------------------------------- choosing

    def may_take(self, post: Post, my_des: str, choice_type: str) -> bool:
        """Whether a « Choisir » action is offered on `post` now (the server decides)."""
        me = self.me
        if me is None or not me.my_turn or not me.can_choose:
            return False
        if self.state is None or self.state.state != "in_progress":
            return False
        if post.reserved and post.des != my_des:
            return False
        return not post.taken or choice_type != "classique"

    async def choose(self, post_id: int) -> Choice:
        """`choose_post` with one idempotency key per post, retried on network trouble."""
        key = self._keys.setdefault(post_id, new_idempotency_key())
        last: ApiError | None = None
        for _attempt in range(3):
            try:
                return await self.api.choose_post(self.amphi_id, post_id, key)
            except ApiError as exc:
                if not exc.offline:
                    raise
                last = exc
        assert last is not None
        raise last


# --------------------------------------------------------------------------- offline reads


class CachedReads:
    """`my_amphi`, the offer and the call list, read through the LocalStore cache.

    Online, each answer is kept; offline, the last copy is returned (`from_cache` says
    so), so the amphitheatre page opens and the favourites stay editable without the
    server. Other failures are raised as they are.
    """

    def __init__(self, api: AmphiApi, store: LocalStore, account: Account) -> None:
        self.api = api
        self.store = store
        self.account = account
        self.from_cache = False

    async def _read(self, key: str, call: Any, kind: Any, many: bool) -> Any:
        server, email = self.account.server, self.account.email
        try:
            value = await call()
        except ApiError as exc:
            cached = self.store.cache_get(server, email, key) if exc.offline else None
            if cached is None:
                raise
            self.from_cache = True
            return ([decode(kind, v) for v in cached.value] if many
                    else decode(kind, cached.value))
        self.from_cache = False
        try:
            self.store.cache_put(server, email, key, encode(value))
        except Exception:  # the copy is a convenience: never fail a read over it
            log.exception("could not cache %s", key)
        return value

    async def my_amphi(self) -> list[InternSelf]:
        return await self._read("amphi.me", self.api.my_amphi, InternSelf, True)  # type: ignore[no-any-return]

    async def list_amphi_posts(self, amphi_id: int) -> Offer:
        return await self._read(f"amphi.offer.{amphi_id}",  # type: ignore[no-any-return]
                                lambda: self.api.list_amphi_posts(amphi_id), Offer, False)

    async def get_call_list(self, amphi_id: int) -> list[CallListEntry]:
        return await self._read(f"amphi.calls.{amphi_id}",  # type: ignore[no-any-return]
                                lambda: self.api.get_call_list(amphi_id), CallListEntry, True)


class AmphiIntern(QObject):
    """What the intern's page (his own, or his proxy holder's) does with the server.

    The page awaits these, never the API (docs/client.md, "Views and the server"). My
    amphitheatre, its offer and its call list are read through the local cache
    (`CachedReads`: the page opens offline); the favourites and the live session of an
    amphitheatre are sync objects of their own, made here and parented to this object
    (so they go with the window it belongs to). Every other call is the API call of the
    same name.
    """

    def __init__(self, api: AmphiApi, store: LocalStore, account: Account,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.store = store
        self.account = account
        self._reads = CachedReads(api, store, account)

    def favourites(self, amphi_id: int) -> FavouritesSync:
        """My favourites of `amphi_id`, kept offline and sent in order."""
        return FavouritesSync(self.api, self.store, self.account, amphi_id, self)

    def live_session(self, amphi_id: int) -> LiveSession:
        """The live state of `amphi_id`, as an intern who may choose."""
        return LiveSession(self.api, amphi_id, parent=self)

    async def download_call_list(self, amphi_id: int, kind: str) -> Download:
        """The call list as "csv" or "pdf", the file staff download (public once the
        amphitheatre is validated)."""
        if kind == "csv":
            return await self.api.public_call_list_csv(amphi_id)
        return await self.api.public_call_list_pdf(amphi_id)

    # ---------------------------------------------------------------- cached reads

    async def my_amphi(self) -> list[InternSelf]:
        return await self._reads.my_amphi()

    async def list_amphi_posts(self, amphi_id: int) -> Offer:
        return await self._reads.list_amphi_posts(amphi_id)

    async def get_call_list(self, amphi_id: int) -> list[CallListEntry]:
        return await self._reads.get_call_list(amphi_id)

    # ---------------------------------------------------------------- plain calls

    async def amphi_favourites_estimate(self, amphi_id: int) -> FavouriteEstimate:
        return await self.api.amphi_favourites_estimate(amphi_id)

    async def cancel_proxy(self, intern_id: int) -> None:
        await self.api.cancel_proxy(intern_id)

    async def create_saved_search(self, name: str, criteria: dict[str, Any]) -> SavedSearch:
        return await self.api.create_saved_search(name, criteria)

    async def delete_saved_search(self, search_id: int) -> None:
        await self.api.delete_saved_search(search_id)

    async def download_attestation(self, assignment_id: int) -> bytes:
        return await self.api.download_attestation(assignment_id)

    async def get_proxy(self, intern_id: int) -> Proxy | None:
        return await self.api.get_proxy(intern_id)

    async def give_proxy(self, intern_id: int, email: str, phone: str) -> Proxy:
        return await self.api.give_proxy(intern_id, email, phone)

    async def list_amphi_messages(self, amphi_id: int) -> list[AmphiMessage]:
        return await self.api.list_amphi_messages(amphi_id)

    async def list_amphis(self, campaign_id: int | None = None) -> list[Amphi]:
        return await self.api.list_amphis(campaign_id)

    async def list_assignments(self, campaign_id: int, **filters: Any) -> list[Assignment]:
        return await self.api.list_assignments(campaign_id, **filters)

    async def list_attestations(self) -> list[Attestation]:
        return await self.api.list_attestations()

    async def list_saved_searches(self) -> list[SavedSearch]:
        return await self.api.list_saved_searches()

    async def request_supernumerary(self, intern_id: int, requested: str) -> InternSelf:
        return await self.api.request_supernumerary(intern_id, requested)

    async def check_details(self, intern_id: int, correct: bool,
                            report: str | None) -> InternSelf:
        return await self.api.check_intern_details(intern_id, correct, report)

    async def update_saved_search(self, search_id: int, name: str,
                                  criteria: dict[str, Any]) -> SavedSearch:
        return await self.api.update_saved_search(search_id, name, criteria)

    async def withdraw_supernumerary_request(self, intern_id: int) -> InternSelf:
        return await self.api.withdraw_supernumerary_request(intern_id)


class AmphiStaff(QObject):
    """What the staff page does with the server: run amphitheatres, follow them live.

    The page calls these, never the API (docs/client.md, "Views and the server"); each
    call is the API call of the same name. `live_session` opens one amphitheatre's live
    state as a spectator.
    """

    def __init__(self, api: AmphiApi, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api

    def live_session(self, amphi_id: int, parent: QObject | None = None) -> LiveSession:
        return LiveSession(self.api, amphi_id, intern=False, parent=parent)

    async def assign_post(self, amphi_id: int, intern_id: int, post_id: int) -> Choice:
        return await self.api.assign_post(amphi_id, intern_id, post_id)

    async def change_amphi_state(self, amphi_id: int, action: str,
                                 opens_at: datetime | None = None) -> Amphi:
        return await self.api.change_amphi_state(amphi_id, action, opens_at)

    async def create_amphi(self, campaign_id: int, name: str, specialty_group: str,
                           phase: str) -> Amphi:
        return await self.api.create_amphi(campaign_id, name, specialty_group, phase)

    async def decide_supernumerary(self, intern_id: int, accept: bool) -> InternStaff:
        return await self.api.decide_supernumerary(intern_id, accept)

    async def download_call_list_csv(self, amphi_id: int) -> bytes:
        return await self.api.download_call_list_csv(amphi_id)

    async def download_call_list_pdf(self, amphi_id: int) -> bytes:
        return await self.api.download_call_list_pdf(amphi_id)

    async def import_amphi_file(self, campaign_id: int, kind: str, filename: str,
                                content: bytes) -> ImportReport:
        return await self.api.import_amphi_file(campaign_id, kind, filename, content)

    async def list_amphi_posts(self, amphi_id: int) -> Offer:
        return await self.api.list_amphi_posts(amphi_id)

    async def list_amphis(self, campaign_id: int | None = None) -> list[Amphi]:
        return await self.api.list_amphis(campaign_id)

    async def list_assignments(self, campaign_id: int, **filters: Any) -> list[Assignment]:
        return await self.api.list_assignments(campaign_id, **filters)

    async def list_supernumerary_requests(self, campaign_id: int) -> list[InternStaff]:
        return await self.api.list_supernumerary_requests(campaign_id)

    async def post_amphi_message(self, amphi_id: int, text: str) -> AmphiMessage:
        return await self.api.post_amphi_message(amphi_id, text)

    async def requeue_intern(self, amphi_id: int, intern_id: int) -> LiveState:
        return await self.api.requeue_intern(amphi_id, intern_id)

    async def set_amphi_sessions(self, amphi_id: int,
                                 sessions: list[tuple[datetime, datetime, int, int]]) -> Amphi:
        return await self.api.set_amphi_sessions(amphi_id, sessions)

    async def update_amphi_intern(self, intern_id: int, *, planned_absence: bool | None = None,
                                  absence_reason: str | None = None) -> InternStaff:
        return await self.api.update_amphi_intern(
            intern_id, planned_absence=planned_absence, absence_reason=absence_reason)


def soon_from_upcoming(upcoming: Sequence[Mapping[str, Any]], me: int,
                       current: int | None, current_present: bool, threshold: int) -> bool:
    """Is my turn near, from an `amphi_turn` event (None of me in `upcoming`: not soon)?

    Counts the present interns before me: the chooser (when present) then the present
    ones listed before me in `upcoming`.
    """
    if me == current:
        return False
    before = 1 if current is not None and current_present else 0
    for entry in upcoming:
        if entry.get("intern_id") == me:
            return before <= threshold
        if entry.get("present"):
            before += 1
    return False
