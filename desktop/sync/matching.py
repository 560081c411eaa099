"""Rankings and applications saved on every change, kept locally, replayed when back online.

A supervisor's work is never lost:

- every change is written to the `LocalStore` queue *before* it is sent (kind
  `matching_ranking`, one live entry per post: a newer change supersedes the older);
- the save sends the whole ranking with the version it started from; on success the
  queue entry is done and the answer cached (the screen opens offline from it);
- a 409 `stale_version` carries the stored ranking: our lists are merged over it (our
  order and decisions win; candidates we never placed keep the other device's place)
  and saved again from its version, and the supervisor is told what happened;
- unreachable server: the entry stays queued, the state says "hors ligne", and
  `replay()` (on `ConnectionMonitor.came_back` and at start) sends it.

Applications (students) follow the same path without versions (the server replaces
the whole list), kind `matching_applications`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.api.client import ApiError, decode, encode
from desktop.api.matching import (
    Applications,
    CandidateApplications,
    CandidateFile,
    Download,
    FileInfo,
    ImportReport,
    MatchingApi,
    Member,
    MyPost,
    Observation,
    Post,
    PostDashboard,
    PostPage,
    Ranking,
    Receipt,
    ReceiptCheck,
    ResultPage,
    ResultRow,
    RoundRun,
    StaleRanking,
    StudentDashboard,
)
from desktop.store import LocalStore
from desktop.tasks import spawn

log = logging.getLogger(__name__)

RANKING_KIND = "matching_ranking"
APPLICATIONS_KIND = "matching_applications"

# Save states shown beside the lists.
SAVED, SAVING, OFFLINE, FAILED = "saved", "saving", "offline", "failed"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MatchingSync", text)


def merge_ranking(ours_ranked: list[int], ours_rejected: list[int], current: Ranking
                  ) -> tuple[list[int], list[int]]:
    """Our lists over the stored ranking: our decisions win; the rest keeps theirs.

    Candidates who left the post are dropped; candidates we had not placed (new, or
    unclassified for us) keep the place the stored ranking gives them.
    """
    known = {c.id for c in current.candidates}
    ranked = [c for c in dict.fromkeys(ours_ranked) if c in known]
    rejected = [c for c in dict.fromkeys(ours_rejected) if c in known and c not in ranked]
    placed = set(ranked) | set(rejected)
    ranked += [c for c in current.ranked if c not in placed]
    rejected += [c for c in current.rejected if c not in placed]
    return ranked, rejected


@dataclass
class _Wanted:
    post_id: int
    round_id: int | None
    ranked: list[int]
    rejected: list[int]
    change_id: int


class RankingSync(QObject):
    """Saves one supervisor's rankings as he changes them; one instance per signed-in account."""

    state_changed = Signal(int, str, str)  # post id, state (SAVED…), French text
    saved = Signal(object)  # Ranking as stored after a save (authoritative validity)
    merged = Signal(object, str)  # Ranking after a merge (lists to show), French explanation

    def __init__(self, api: MatchingApi, store: LocalStore,
                 who: Callable[[], tuple[str, str] | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.store = store
        self.who = who  # () -> (server, email) of the signed-in account, or None
        self.versions: dict[int, int] = {}  # post id -> the version our lists start from
        self._wanted: dict[int, _Wanted] = {}
        self._tasks: dict[int, asyncio.Task[None]] = {}
        self.states: dict[int, str] = {}

    # ---------------------------------------------------------------- reading

    def _cache_key(self, post_id: int, round_id: int | None) -> str:
        return f"matching_ranking:{post_id}:{round_id or 'current'}"

    async def load(self, post_id: int, round_id: int | None = None) -> tuple[Ranking, bool]:
        """The ranking to show and whether it came from the server (else the cache).

        Unsent local changes are laid over it, so an offline restart shows his work.
        """
        who = self.who()
        try:
            ranking = await self.api.get_post_ranking(post_id, round_id)
            fresh = True
            if who:
                self.store.cache_put(*who, self._cache_key(post_id, round_id), encode(ranking))
        except ApiError as error:
            cached = self.store.cache_get(*who, self._cache_key(post_id, round_id)) \
                if who and error.offline else None
            if cached is None:
                raise
            ranking = decode(Ranking, cached.value)
            fresh = False
        self.versions.setdefault(post_id, ranking.version)
        if fresh and post_id not in self._wanted:
            self.versions[post_id] = ranking.version
        pending = self._pending_for(post_id)
        if pending is not None:
            ranked, rejected = merge_ranking(pending["ranked"], pending["rejected"], ranking)
            ranking = _with_lists(ranking, ranked, rejected)
            if fresh and post_id not in self._wanted:
                self.versions[post_id] = ranking.version
                self.save(post_id, ranking.round_id, ranked, rejected)
        return ranking, fresh

    def _pending_for(self, post_id: int) -> dict[str, Any] | None:
        who = self.who()
        if not who:
            return None
        found = [p.payload for p in self.store.pending(*who, kind=RANKING_KIND)
                 if p.payload.get("post_id") == post_id]
        return found[-1] if found else None

    def has_pending(self, post_id: int) -> bool:
        return post_id in self._wanted or self._pending_for(post_id) is not None

    # ---------------------------------------------------------------- saving

    def save(self, post_id: int, round_id: int | None, ranked: list[int],
             rejected: list[int]) -> None:
        """Keep these lists (queued locally at once) and send them as soon as possible."""
        who = self.who()
        if who is None:
            return
        for old in self.store.pending(*who, kind=RANKING_KIND):
            if old.payload.get("post_id") == post_id:
                self.store.mark_done(old.id)  # superseded by this change
        payload = {"post_id": post_id, "round_id": round_id, "ranked": list(ranked),
                   "rejected": list(rejected), "version": self.versions.get(post_id, 0)}
        change_id = self.store.enqueue(*who, RANKING_KIND, payload)
        self._wanted[post_id] = _Wanted(post_id, round_id, list(ranked), list(rejected),
                                        change_id)
        if self.states.get(post_id) != SAVING:
            self._set_state(post_id, SAVING, _tr("Enregistrement…"))
        task = self._tasks.get(post_id)
        if task is None or task.done():
            self._tasks[post_id] = spawn(self, self._send_loop(post_id))

    def _set_state(self, post_id: int, state: str, text: str) -> None:
        self.states[post_id] = state
        self.state_changed.emit(post_id, state, text)

    async def _send_loop(self, post_id: int) -> None:
        if self.states.get(post_id) != SAVING:
            self._set_state(post_id, SAVING, _tr("Enregistrement…"))
        while post_id in self._wanted:
            wanted = self._wanted[post_id]
            version = self.versions.get(post_id, 0)
            try:
                answer = await self.api.save_post_ranking(
                    post_id, version, wanted.ranked, wanted.rejected, wanted.round_id)
            except StaleRanking as stale:
                current = stale.current
                ranked, rejected = merge_ranking(wanted.ranked, wanted.rejected, current)
                self.versions[post_id] = current.version
                if self._wanted.get(post_id) is wanted:
                    wanted.ranked, wanted.rejected = ranked, rejected
                by = current.updated_by or _tr("un autre appareil")
                self.merged.emit(_with_lists(current, ranked, rejected),
                                 _tr("Ce classement venait d'être modifié ailleurs ({by}) : "
                                     "vos changements ont été réappliqués par-dessus et "
                                     "enregistrés.").format(by=by))
                continue
            except ApiError as error:
                if error.offline:
                    self._set_state(post_id, OFFLINE,
                                    _tr("Hors ligne : vos changements sont gardés sur cet "
                                        "ordinateur et seront envoyés au retour de la "
                                        "connexion."))
                    return
                self.store.mark_failed(wanted.change_id, error.message, final=True)
                if self._wanted.get(post_id) is wanted:
                    del self._wanted[post_id]
                self._set_state(post_id, FAILED,
                                _tr("Non enregistré : {message}").format(message=error.message))
                return
            self.versions[post_id] = answer.version
            self.store.mark_done(wanted.change_id)
            who = self.who()
            if who:
                self.store.cache_put(*who, self._cache_key(post_id, wanted.round_id),
                                     encode(answer))
            if self._wanted.get(post_id) is wanted:
                del self._wanted[post_id]
            self.saved.emit(answer)
        self._set_state(post_id, SAVED, _tr("Enregistré"))

    async def replay(self) -> int:
        """Send what was changed offline (here or before a restart); the number sent."""
        who = self.who()
        if who is None:
            return 0
        latest: dict[int, Any] = {}
        for change in self.store.pending(*who, kind=RANKING_KIND):
            latest[change.payload["post_id"]] = change
        for post_id, change in latest.items():
            if post_id not in self._wanted:
                p = change.payload
                self.versions.setdefault(post_id, int(p.get("version", 0)))
                self._wanted[post_id] = _Wanted(post_id, p.get("round_id"), list(p["ranked"]),
                                                list(p["rejected"]), change.id)
            task = self._tasks.get(post_id)
            if task is None or task.done():
                self._tasks[post_id] = spawn(self, self._send_loop(post_id))
        tasks = [t for t in self._tasks.values() if not t.done()]
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        return len(latest)

    async def wait_idle(self) -> None:
        """Return once nothing is being sent (tests, closing)."""
        while any(not t.done() for t in self._tasks.values()):
            await asyncio.gather(*[t for t in self._tasks.values() if not t.done()],
                                 return_exceptions=True)


def _with_lists(ranking: Ranking, ranked: list[int], rejected: list[int]) -> Ranking:
    """`ranking` with other lists (candidates reordered: ranked, unclassified, rejected)."""
    from dataclasses import replace

    placed = set(ranked) | set(rejected)
    unclassified = tuple(c.id for c in ranking.candidates if c.id not in placed)
    return replace(ranking, ranked=tuple(ranked), rejected=tuple(rejected),
                   unclassified=unclassified)


class ApplicationsSync(QObject):
    """A student's ordered applications, saved on every change; queued while offline."""

    state_changed = Signal(str, str)  # state, French text
    saved = Signal(object)  # Applications as stored
    refused = Signal(object)  # ApiError (the list on screen goes back to the stored one)

    def __init__(self, api: MatchingApi, store: LocalStore,
                 who: Callable[[], tuple[str, str] | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.store = store
        self.who = who
        self._wanted: tuple[int, int | None, list[int], int] | None = None
        self._task: asyncio.Task[None] | None = None
        self.state = SAVED

    def save(self, campaign_id: int, round_id: int | None, post_ids: list[int]) -> None:
        who = self.who()
        if who is None:
            return
        for old in self.store.pending(*who, kind=APPLICATIONS_KIND):
            self.store.mark_done(old.id)
        change_id = self.store.enqueue(*who, APPLICATIONS_KIND, {
            "campaign_id": campaign_id, "round_id": round_id, "post_ids": list(post_ids)})
        self._wanted = (campaign_id, round_id, list(post_ids), change_id)
        if self.state != SAVING:
            self._set_state(SAVING, _tr("Enregistrement…"))
        if self._task is None or self._task.done():
            self._task = spawn(self, self._send_loop())

    def _set_state(self, state: str, text: str) -> None:
        self.state = state
        self.state_changed.emit(state, text)

    async def _send_loop(self) -> None:
        if self.state != SAVING:
            self._set_state(SAVING, _tr("Enregistrement…"))
        while self._wanted is not None:
            wanted = self._wanted
            cid, round_id, post_ids, change_id = wanted
            try:
                answer: Applications = await self.api.set_my_applications(cid, post_ids,
                                                                          round_id)
            except ApiError as error:
                if error.offline:
                    self._set_state(OFFLINE, _tr("Hors ligne : vos candidatures sont gardées "
                                                 "sur cet ordinateur et seront envoyées au "
                                                 "retour de la connexion."))
                    return
                self.store.mark_failed(change_id, error.message, final=True)
                if self._wanted is wanted:
                    self._wanted = None
                self._set_state(FAILED, _tr("Non enregistré : {message}").format(
                    message=error.message))
                self.refused.emit(error)
                return
            self.store.mark_done(change_id)
            if self._wanted is wanted:
                self._wanted = None
            self.saved.emit(answer)
        self._set_state(SAVED, _tr("Enregistré"))

    async def replay(self) -> bool:
        who = self.who()
        if who is None:
            return False
        changes = self.store.pending(*who, kind=APPLICATIONS_KIND)
        if not changes:
            return False
        if self._wanted is None:
            p = changes[-1].payload
            self._wanted = (p["campaign_id"], p.get("round_id"), list(p["post_ids"]),
                            changes[-1].id)
        if self._task is None or self._task.done():
            self._task = spawn(self, self._send_loop())
        await self._task
        return True

    async def wait_idle(self) -> None:
        while self._task is not None and not self._task.done():
            await asyncio.gather(self._task, return_exceptions=True)


class MatchingService(QObject):
    """What the matching screens share: the campaign, the two syncs, the server's calls.

    Replays queued changes when the connection comes back and once signed in; tells
    the screens when the campaign (dates, phases) must be read again.
    """

    campaign_changed = Signal(object)  # MatchingCampaign
    # Matching live events: kind, payload. (Not `event`: that is QObject.event(), the
    # handler Qt calls for every QEvent, which a signal of that name would hide.)
    live_event = Signal(str, dict)

    def __init__(self, api: MatchingApi, store: LocalStore,
                 who: Callable[[], tuple[str, str] | None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.api = api
        self.store = store
        self.who = who
        self.rankings = RankingSync(api, store, who, self)
        self.applications = ApplicationsSync(api, store, who, self)
        self.campaign_id: int | None = None
        self.campaign: Any = None
        self._loading: asyncio.Task[Any] | None = None

    async def load_campaign(self, *, force: bool = False) -> Any:
        """The newest matching campaign this account sees (cached for offline starts)."""
        from desktop.api.matching import MatchingCampaign

        who = self.who()
        try:
            if self.campaign_id is None or force:
                self.campaign_id = await self.api.find_matching_campaign()
            if self.campaign_id is None:
                return None
            campaign = await self.api.get_matching_campaign(self.campaign_id)
            if who:
                self.store.cache_put(*who, "matching_campaign", encode(campaign))
        except ApiError as error:
            cached = self.store.cache_get(*who, "matching_campaign") if who else None
            if not error.offline or cached is None:
                raise
            campaign = decode(MatchingCampaign, cached.value)
            self.campaign_id = campaign.id
        self.campaign = campaign
        self.campaign_changed.emit(campaign)
        return campaign

    async def replay(self) -> None:
        """Send every queued change (back online, or after a restart)."""
        await self.rankings.replay()
        await self.applications.replay()

    def on_live_event(self, kind: str, event: dict[str, Any], _event_id: int = 0) -> None:
        if not kind.startswith("matching_"):
            return
        payload = event.get("payload") if isinstance(event.get("payload"), dict) else event
        self.live_event.emit(kind, dict(payload or {}))
        if kind in ("matching_schedule_changed", "matching_results_published"):
            spawn(self, self._reload_quietly())

    async def _reload_quietly(self) -> None:
        try:
            await self.load_campaign()
        except ApiError as error:
            log.info("campaign reload failed: %s", error)

    # The calls of the matching screens: views reach the server through this object only
    # (docs/client.md, "Views and the server"). Each is the API call of the same name.

    # Set-up (staff): a call that changes the campaign's calendar also refreshes
    # `campaign` and tells the screens (`campaign_changed`).

    async def _changed(self, campaign: Any) -> Any:
        self.campaign, self.campaign_id = campaign, campaign.id
        self.campaign_changed.emit(campaign)
        return campaign

    async def create_matching_campaign(self, name: str, region: str | None = None) -> Any:
        return await self._changed(await self.api.create_matching_campaign(name, region))

    async def update_matching_campaign(self, cid: int, **fields: Any) -> Any:
        return await self._changed(await self.api.update_matching_campaign(cid, **fields))

    async def create_matching_wave(self, cid: int, **fields: Any) -> Any:
        return await self._changed(await self.api.create_matching_wave(cid, **fields))

    async def update_matching_wave(self, wave_id: int, **fields: Any) -> Any:
        return await self._changed(await self.api.update_matching_wave(wave_id, **fields))

    async def create_matching_round(self, wave_id: int, number: int, off_platform: bool,
                                    **dates: Any) -> Any:
        return await self._changed(await self.api.create_matching_round(
            wave_id, number, off_platform, **dates))

    async def update_matching_round(self, round_id: int, **dates: Any) -> Any:
        return await self._changed(await self.api.update_matching_round(round_id, **dates))

    async def import_matching_file(self, kind: str, target_id: int, path: Path,
                                   dry_run: bool) -> ImportReport:
        return await self.api.import_matching_file(kind, target_id, path, dry_run)

    async def update_matching_post(self, post_id: int, **fields: Any) -> Post:
        return await self.api.update_matching_post(post_id, **fields)

    async def list_my_matching_receipts(self, cid: int, round_id: int | None = None
                                        ) -> list[Receipt]:
        return await self.api.list_my_matching_receipts(cid, round_id)

    async def verify_matching_receipt(self, cid: int, receipt: Receipt) -> ReceiptCheck:
        return await self.api.verify_matching_receipt(cid, receipt)

    async def list_matching_members(self, cid: int) -> list[Member]:
        return await self.api.list_matching_members(cid)

    async def invite_matching_member(self, cid: int, email: str, role: str,
                                     first_name: str | None = None,
                                     last_name: str | None = None) -> Member:
        return await self.api.invite_matching_member(cid, email, role, first_name, last_name)

    async def delete_matching_outcome(self, round_id: int, candidate_id: int) -> None:
        await self.api.delete_matching_outcome(round_id, candidate_id)

    async def delete_post_attachment(self, post_id: int) -> None:
        await self.api.delete_post_attachment(post_id)

    async def describe_matching_post(self, post_id: int, description: str | None) -> Post:
        return await self.api.describe_matching_post(post_id, description)

    async def download_candidate_document(self, candidate_id: int, kind: str) -> Download:
        return await self.api.download_candidate_document(candidate_id, kind)

    async def download_file(self, info: FileInfo) -> Download:
        return await self.api.download_file(info)

    async def download_post_attachment(self, post_id: int) -> Download:
        return await self.api.download_post_attachment(post_id)

    async def export_matching(self, cid: int, view: str, fmt: str, **filters: Any) -> Download:
        return await self.api.export_matching(cid, view, fmt, **filters)

    async def get_candidate_applications(self, candidate_id: int) -> CandidateApplications:
        return await self.api.get_candidate_applications(candidate_id)

    async def get_candidate_file(self, candidate_id: int) -> CandidateFile:
        return await self.api.get_candidate_file(candidate_id)

    async def get_my_applications(self, cid: int, round_id: int | None = None) -> Applications:
        return await self.api.get_my_applications(cid, round_id)

    async def get_my_candidate_file(self, cid: int) -> CandidateFile:
        return await self.api.get_my_candidate_file(cid)

    async def get_post_ranking(self, post_id: int, round_id: int | None = None) -> Ranking:
        return await self.api.get_post_ranking(post_id, round_id)

    async def list_matching_posts(self, cid: int, **filters: Any) -> PostPage:
        return await self.api.list_matching_posts(cid, **filters)

    async def list_matching_results(self, cid: int, **filters: Any) -> ResultPage:
        return await self.api.list_matching_results(cid, **filters)

    async def matching_students_dashboard(self, cid: int, **filters: Any) -> StudentDashboard:
        return await self.api.matching_students_dashboard(cid, **filters)

    async def matching_posts_dashboard(self, cid: int, **filters: Any) -> PostDashboard:
        return await self.api.matching_posts_dashboard(cid, **filters)

    async def list_my_matching_posts(self, cid: int) -> list[MyPost]:
        return await self.api.list_my_matching_posts(cid)

    async def publish_matching_round(self, round_id: int) -> RoundRun:
        return await self.api.publish_matching_round(round_id)

    async def record_matching_outcome(self, round_id: int, candidate_id: int,
                                      post_id: int | None) -> ResultRow:
        return await self.api.record_matching_outcome(round_id, candidate_id, post_id)

    async def run_matching_round(self, round_id: int) -> RoundRun:
        return await self.api.run_matching_round(round_id)

    async def save_candidate_observation(self, post_id: int, candidate_id: int,
                                         text: str) -> Observation:
        return await self.api.save_candidate_observation(post_id, candidate_id, text)

    async def update_my_presentation(self, cid: int, presentation: str | None) -> CandidateFile:
        return await self.api.update_my_presentation(cid, presentation)

    async def upload_my_document(self, cid: int, kind: str, path: Path) -> FileInfo:
        return await self.api.upload_my_document(cid, kind, path)

    async def upload_post_attachment(self, post_id: int, path: Path) -> FileInfo:
        return await self.api.upload_post_attachment(post_id, path)
