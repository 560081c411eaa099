"""My national wishes, online or not: every edit goes through `WishesSync`.

Online, each edit is one call (add, delete, move) whose answer carries the new statuses
and a receipt. Without a connection the edit is applied to a local draft kept in the
`LocalStore` (with the version it started from) and shown as pending; when the server is
back the whole draft is sent as one `PUT me/wishes` with that version. A refused sync
(409 `stale_version`: the list changed elsewhere; a locked list) keeps the draft: the
student sees why, and chooses to re-apply it on the current list or to drop it. Nothing
typed is ever thrown away without him asking.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.client import ApiError, decode, encode
from desktop.api.national import (
    Cell,
    NationalApi,
    NationalMe,
    Pace,
    Receipt,
    StaleVersion,
    Validation,
    WishList,
    WishWrite,
)
from desktop.store import LocalStore
from desktop.tasks import spawn

log = logging.getLogger(__name__)

RECEIPTS_KEPT = 500


def _tr(text: str) -> str:
    return QCoreApplication.translate("WishesSync", text)


@dataclass(frozen=True, slots=True)
class Draft:
    """Local wishes not yet on the server: the list, and the version it started from."""

    base_version: int
    cells: tuple[int, ...]
    conflict: bool = False  # the server refused it; waits for the student's decision


def apply_edit(cells: list[int], op: str, cell_id: int, position: int | None) -> list[int]:
    """The list after one edit (1-based positions, clamped), as the server would do it."""
    result = list(cells)
    if op == "delete":
        return [c for c in result if c != cell_id]
    if op == "add" and cell_id in result:
        raise ApiError("already_wished", _tr("Ce vœu figure déjà dans votre liste."))
    if op == "move":
        if cell_id not in result:
            raise ApiError("not_found", _tr("Ce vœu n'est pas dans votre liste."))
        result.remove(cell_id)
    where = len(result) if position is None else max(0, min(position - 1, len(result)))
    result.insert(where, cell_id)
    return result


class WishesSync(QObject):
    """The student's wish list of one campaign, with its offline draft."""

    list_changed = Signal()  # server_list or draft changed: redraw
    message = Signal(str, str)  # French text, kind ("info", "warning", "error")
    receipt_received = Signal(object)  # Receipt
    busy_changed = Signal(bool)

    def __init__(self, national: NationalApi, store: LocalStore, account_email: str,
                 campaign_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.national = national
        self.store = store
        self.email = account_email
        self.campaign_id = campaign_id
        self.server_list: WishList | None = None
        self.cells: dict[int, Cell] = {}
        self.draft: Draft | None = self._load_draft()
        self.last_receipt: Receipt | None = None
        self._lock = asyncio.Lock()
        national.api.online_changed.connect(self._on_online_changed)

    # ---------------------------------------------------------------- storage

    @property
    def _server(self) -> str:
        return self.national.api.server

    def _key(self, what: str) -> str:
        return f"national:{self.campaign_id}:{what}"

    def _load_draft(self) -> Draft | None:
        cached = self.store.cache_get(self._server, self.email, self._key("draft"))
        if cached is None or not isinstance(cached.value, dict):
            return None
        try:
            return decode(Draft, cached.value)
        except ApiError:
            return None

    def _save_draft(self, draft: Draft | None) -> None:
        self.draft = draft
        if draft is None:
            self.store.cache_clear(self._server, self.email, self._key("draft"))
        else:
            self.store.cache_put(self._server, self.email, self._key("draft"), encode(draft))
        self.list_changed.emit()

    def load_cached(self) -> None:
        """Show the last list and offer seen (the window can open offline)."""
        cached = self.store.cache_get(self._server, self.email, self._key("wishes"))
        if cached is not None and self.server_list is None:
            try:
                self.server_list = decode(WishList, cached.value)
            except ApiError:
                pass
        offer = self.store.cache_get(self._server, self.email, self._key("cells"))
        if offer is not None and not self.cells and isinstance(offer.value, list):
            for item in offer.value:
                try:
                    cell = decode(Cell, item)
                except ApiError:
                    continue
                self.cells[cell.id] = cell
        self.list_changed.emit()

    def set_cells(self, cells: list[Cell]) -> None:
        self.cells = {c.id: c for c in cells}
        self.store.cache_put(self._server, self.email, self._key("cells"), encode(cells))

    def set_server_list(self, wishes: WishList) -> None:
        """Keep the newest list: a fetch answered after my own write may be older."""
        if self.server_list is not None and wishes.version < self.server_list.version:
            return
        self.server_list = wishes
        self.store.cache_put(self._server, self.email, self._key("wishes"), encode(wishes))
        self.list_changed.emit()

    # ---------------------------------------------------------------- reading

    @property
    def pending(self) -> bool:
        return self.draft is not None

    def current_cells(self) -> list[int]:
        """The list as the student sees it: his draft if any, else the server's."""
        if self.draft is not None:
            return list(self.draft.cells)
        if self.server_list is None:
            return []
        return [w.cell_id for w in self.server_list.wishes]

    async def refresh(self) -> None:
        """Fetch my statuses (after `simulation_moved` or at start)."""
        try:
            self.set_server_list(await self.national.national_my_wishes(self.campaign_id))
        except ApiError as exc:
            if not exc.offline:
                self.message.emit(exc.message, "error")
            return
        if self.draft is not None and not self.draft.conflict:
            await self.sync()

    # ---------------------------------------------------------------- editing

    async def add(self, cell_id: int, position: int | None = None) -> bool:
        return await self._edit("add", cell_id, position)

    async def delete(self, cell_id: int) -> bool:
        return await self._edit("delete", cell_id, None)

    async def move(self, cell_id: int, position: int) -> bool:
        return await self._edit("move", cell_id, position)

    async def _edit(self, op: str, cell_id: int, position: int | None) -> bool:
        """One edit; True when it is on the server or kept in the draft."""
        async with self._lock:
            self.busy_changed.emit(True)
            try:
                return await self._edit_locked(op, cell_id, position)
            finally:
                self.busy_changed.emit(False)

    async def _edit_locked(self, op: str, cell_id: int, position: int | None) -> bool:
        if self.server_list is not None and not self.server_list.editable:
            self.message.emit(self.server_list.read_only_reason
                              or _tr("Votre liste de vœux n'est plus modifiable."), "warning")
            return False
        if self.draft is not None or self.national.api.online is False:
            return self._edit_locally(op, cell_id, position)
        for _attempt in range(2):
            version = self.server_list.version if self.server_list is not None else 0
            try:
                written = await self._send(op, version, cell_id, position)
            except StaleVersion as stale:
                # Changed elsewhere (another device): redo the same intent on the new list.
                self.set_server_list(stale.current)
                continue
            except ApiError as exc:
                if exc.offline:
                    return self._edit_locally(op, cell_id, position)
                self.message.emit(exc.message, "error")
                return False
            self._accept(written)
            return True
        self.message.emit(_tr("Votre liste a changé pendant l'envoi ; elle est à jour, "
                              "refaites votre modification."), "warning")
        return False

    async def _send(self, op: str, version: int, cell_id: int, position: int | None
                    ) -> WishWrite:
        cid = self.campaign_id
        if op == "add":
            return await self.national.national_add_wish(cid, version, cell_id, position)
        if op == "delete":
            return await self.national.national_delete_wish(cid, version, cell_id)
        assert position is not None
        return await self.national.national_move_wish(cid, version, cell_id, position)

    def receipts(self) -> list[Receipt]:
        """The receipts kept on this computer, newest first (shown offline too)."""
        cached = self.store.cache_get(self._server, self.email, self._key("receipts"))
        if cached is None or not isinstance(cached.value, list):
            return []
        kept: list[Receipt] = []
        for item in cached.value:
            try:
                kept.append(decode(Receipt, item))
            except ApiError:
                continue
        return kept

    def keep_receipt(self, receipt: Receipt) -> None:
        kept = [r for r in self.receipts() if r.signature != receipt.signature]
        kept.insert(0, receipt)
        self.store.cache_put(self._server, self.email, self._key("receipts"),
                             encode(kept[:RECEIPTS_KEPT]))

    def _accept(self, written: WishWrite) -> None:
        self.last_receipt = written.receipt
        self.keep_receipt(written.receipt)
        self.set_server_list(written.wish_list)
        self.receipt_received.emit(written.receipt)

    def _edit_locally(self, op: str, cell_id: int, position: int | None) -> bool:
        try:
            cells = apply_edit(self.current_cells(), op, cell_id, position)
        except ApiError as exc:
            self.message.emit(exc.message, "error")
            return False
        base = (self.draft.base_version if self.draft is not None
                else self.server_list.version if self.server_list is not None else 0)
        conflict = self.draft.conflict if self.draft is not None else False
        self._save_draft(Draft(base, tuple(cells), conflict))
        if not conflict:
            self.message.emit(_tr("Hors ligne : votre modification est enregistrée sur cet "
                                  "ordinateur et sera envoyée dès le retour de la connexion."),
                              "warning")
        return True

    # ---------------------------------------------------------------- syncing

    def _on_online_changed(self, online: bool, _reason: str) -> None:
        if online and self.draft is not None and not self.draft.conflict:
            spawn(self, self.sync())

    async def sync(self) -> bool:
        """Send the draft (one PUT with its base version); True when the server has it.

        A draft the server refused (`conflict`) waits for the student's decision: it is sent
        again only through `apply_draft`. Several syncs may queue on the lock (a refresh, the
        connection coming back, the student's click): each reads the draft once it holds the
        lock, and records the answer only for the draft it sent, so a newer draft made
        meanwhile (the student's re-apply) is never overwritten by an older answer.
        """
        async with self._lock:
            draft = self.draft
            if draft is None:
                return True
            if draft.conflict:
                return False
            try:
                written = await self.national.national_replace_wishes(
                    self.campaign_id, draft.base_version, list(draft.cells))
            except StaleVersion as stale:
                self.set_server_list(stale.current)
                if self.draft == draft:
                    self._save_draft(Draft(draft.base_version, draft.cells, True))
                self.message.emit(_tr(
                    "Votre liste de vœux a été modifiée ailleurs pendant que vous étiez hors "
                    "ligne. Votre liste locale est conservée comme brouillon : choisissez de "
                    "l'appliquer à la place de la liste du serveur, ou de l'abandonner."),
                    "warning")
                return False
            except ApiError as exc:
                if exc.offline:
                    return False
                if self.draft == draft:
                    self._save_draft(Draft(draft.base_version, draft.cells, True))
                self.message.emit(_tr("Votre liste locale n'a pas pu être envoyée : %1 Elle "
                                      "est conservée comme brouillon.").replace("%1",
                                                                                exc.message),
                                  "error")
                return False
            if self.draft == draft:
                self._save_draft(None)
            self._accept(written)
            self.message.emit(_tr("Vos modifications faites hors ligne ont été envoyées."),
                              "info")
            return True

    async def apply_draft(self) -> bool:
        """Re-apply the kept draft on top of the current server list (after a conflict)."""
        if self.draft is None:
            return True
        version = self.server_list.version if self.server_list is not None else 0
        self._save_draft(Draft(version, self.draft.cells, False))
        return await self.sync()

    def discard_draft(self) -> None:
        """Drop the local draft: the server's list stays (the student asked for it)."""
        self._save_draft(None)

    def describe(self, cell_id: int) -> tuple[str, str, int | None]:
        """(subdivision, specialty, capacity) of a cell, from the list or the offer."""
        if self.server_list is not None:
            for w in self.server_list.wishes:
                if w.cell_id == cell_id:
                    return w.subdivision, w.specialty, w.capacity
        cell = self.cells.get(cell_id)
        if cell is not None:
            return cell.subdivision, cell.specialty, cell.capacity
        return "?", "?", None


class NationalStudent(QObject):
    """My national file (`national_me`) kept current by the live events.

    Turn panel between two fetches: `turn_started` gives who passes now, so the people
    before me are `my_position - position` without asking the server; my own turn, an
    assignment of mine, a demotion or a state change refetch `me`. `simulation_moved`
    refetches my statuses only (coalesced: one fetch in flight, at most one more).
    """

    me_changed = Signal(object)  # NationalMe
    turn_moved = Signal(int, object)  # people before me, rank of who passes now (or None)
    message = Signal(str, str)  # French text, kind
    assigned = Signal(object)  # Assignment: my turn ended with a post

    def __init__(self, national: NationalApi, store: LocalStore, account_email: str,
                 campaign_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.national = national
        self.campaign_id = campaign_id
        self.wishes = WishesSync(national, store, account_email, campaign_id, self)
        self.me: NationalMe | None = None
        self.people_before: int | None = None
        self.current_rank: int | None = None
        self.pace: Pace | None = None  # observed by the server; moved by `turn_started`
        self._wishes_task: asyncio.Task[None] | None = None
        self._wishes_again = False
        self._me_task: asyncio.Task[None] | None = None
        self._me_again = False

    # ---------------------------------------------------------------- loading

    async def load(self) -> NationalMe | None:
        """Fetch my file and the offer of my pool (once); None when it cannot be read."""
        self.wishes.load_cached()
        try:
            me = await self.national.national_me(self.campaign_id)
        except ApiError as exc:
            if not exc.offline:
                self.message.emit(exc.message, "error")
            elif self.me is None:
                self._load_cached_me()
            return None
        if not self.wishes.cells:
            try:
                self.wishes.set_cells(await self.national.national_cells(self.campaign_id,
                                                                         me.pool))
            except ApiError as exc:
                log.info("offer not loaded: %s", exc.message)
        self._set_me(me)
        if self.wishes.draft is not None and not self.wishes.draft.conflict:
            await self.wishes.sync()
        return me

    def _load_cached_me(self) -> None:
        """Offline at start: show my file as last seen (the list comes from its own cache)."""
        cached = self.wishes.store.cache_get(self.wishes._server, self.wishes.email,
                                             self.wishes._key("me"))
        if cached is None:
            return
        try:
            me = decode(NationalMe, cached.value)
        except ApiError:
            return
        self.me = me
        self.people_before = me.turn.people_before
        self.me_changed.emit(me)

    def _set_me(self, me: NationalMe) -> None:
        had_assignment = self.me is not None and self.me.assignment is not None
        self.me = me
        self.wishes.store.cache_put(self.wishes._server, self.wishes.email,
                                    self.wishes._key("me"), encode(me))
        self.people_before = me.turn.people_before
        self.current_rank = me.turn.current_rank
        self.pace = me.turn.pace
        self.wishes.set_server_list(me.wishes)
        self.me_changed.emit(me)
        if me.assignment is not None and not had_assignment:
            self.assigned.emit(me.assignment)

    async def reload(self) -> None:
        try:
            self._set_me(await self.national.national_me(self.campaign_id))
        except ApiError as exc:
            if not exc.offline:
                self.message.emit(exc.message, "error")

    def reload_soon(self) -> None:
        self._me_task, self._me_again = self._coalesce(self._me_task, self.reload, "_me_again")

    def refresh_wishes_soon(self) -> None:
        self._wishes_task, self._wishes_again = self._coalesce(
            self._wishes_task, self.wishes.refresh, "_wishes_again")

    def _coalesce(self, task: asyncio.Task[None] | None, job: Any, flag: str
                  ) -> tuple[asyncio.Task[None] | None, bool]:
        """One fetch in flight; a request meanwhile runs it once more afterwards."""
        if task is not None and not task.done():
            return task, True

        async def run() -> None:
            while True:
                setattr(self, flag, False)
                try:
                    await job()
                except RuntimeError:  # the window closed meanwhile (Qt objects deleted)
                    log.debug("fetch ended after its screen was closed")
                    return
                if not getattr(self, flag):
                    return

        return spawn(self, run()), False

    # ---------------------------------------------------------------- live events

    @staticmethod
    def _pace_of(value: Any) -> Pace | None:
        if not value:
            return None
        try:
            return decode(Pace, value)
        except ApiError:
            log.info("unreadable pace in an event: %r", value)
            return None

    def on_event(self, kind: str, event: dict[str, Any], _event_id: int = 0) -> None:
        payload = event.get("payload") or {}
        if payload.get("campaign_id") != self.campaign_id or self.me is None:
            return
        mine = payload.get("candidate_id") == self.me.candidate_id
        if kind == "simulation_moved":
            self.refresh_wishes_soon()
        elif kind == "turn_started":
            if "pace" in payload:  # the pace observed when this turn started
                self.pace = self._pace_of(payload["pace"])
            position = payload.get("position")
            if isinstance(position, int):
                self.people_before = max(0, self.me.turn.my_position - position)
                self.current_rank = payload.get("rank")
                self.turn_moved.emit(self.people_before, self.current_rank)
            if mine or self.people_before == 0 or self.me.turn.my_turn:
                self.reload_soon()
        elif kind == "your_turn" or (kind in ("student_assigned", "turn_ended") and mine):
            self.reload_soon()
        elif kind in ("amphi_state", "amphi_waiting", "site_state", "order_changed"):
            self.reload_soon()
        elif kind == "offer_changed":
            self.wishes.cells = {}
            self.reload_soon()

    # ---------------------------------------------------------------- actions

    async def set_absence(self, absent: bool) -> bool:
        try:
            self._set_me(await self.national.national_set_absence(self.campaign_id, absent))
        except ApiError as exc:
            self.message.emit(exc.message, "error")
            return False
        return True

    async def request_demotion(self, behind_rank: int | None) -> bool:
        try:
            self._set_me(await self.national.national_request_demotion(self.campaign_id,
                                                                       behind_rank))
        except ApiError as exc:
            self.message.emit(exc.message, "error")
            return False
        return True

    async def enter(self, secret_answer: str) -> ApiError | None:
        """Answer the secret question once; the refusal (to show beside the field)."""
        try:
            self._set_me(await self.national.national_enter_amphi(self.campaign_id,
                                                                  secret_answer))
        except ApiError as exc:
            return exc
        return None

    @staticmethod
    def new_attempt_key() -> str:
        """One idempotency key per validation attempt (made at step 1)."""
        return f"v1-{uuid4().hex}"

    async def validate(self, key: str, cell_id: int) -> Validation:
        """The third click. Raises ApiError (French) when refused; reloads either way."""
        try:
            result = await self.national.national_validate_choice(self.campaign_id, key,
                                                                   cell_id)
        except ApiError as exc:
            if exc.offline:  # the answer was lost: the same key gives the same answer
                result = await self.national.national_validate_choice(self.campaign_id, key,
                                                                      cell_id)
            else:
                await self.reload()
                raise
        await self.reload()
        return result
