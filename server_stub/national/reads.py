"""National choice: what students and the public read, served from the in-memory simulation.

Nothing here recomputes the simulation: a student's statuses are bisections in the
engine's indexes, and the public tables are built at most once per simulation change
(`CampaignRuntime.cached`), so they stay fast at national scale.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server_stub.core.clock import as_utc, now
from server_stub.core.errors import ApiError
from server_stub.core.models import Person
from server_stub.core.sessions import Caller
from server_stub.engine.serial import StudentResult
from server_stub.national import pace as pace_estimate
from server_stub.national import schemas as sch
from server_stub.national.common import (
    EDITABLE_STATES,
    POOL_LABELS,
    STATE_LABELS,
    TURN_SECONDS,
    Outcome,
    RunStatus,
    SiteState,
    cell_not_found,
    not_a_candidate,
    wrong_state,
)
from server_stub.national.models import NationalStudent
from server_stub.national.receipts import assignment_code
from server_stub.national.runtime import (
    CampaignRuntime,
    CandInfo,
    NationalRegistry,
    SliceInfo,
    paris_midnight,
)

DEFAULT_PACE = (50, 70)
DEFAULT_PAGE_SIZE = 20


# --------------------------------------------------------------------------- guards


def require_readable(rt: CampaignRuntime) -> None:
    """Every national read but the campaign summary is refused while the site is closed."""
    if rt.state == SiteState.CLOSED:
        raise wrong_state(rt.state, set())


def candidate(rt: CampaignRuntime, person: Person | Caller) -> CandInfo:
    """The signed-in person's candidacy. Raises 403 `not_a_candidate`."""
    cand = rt.candidate_of(person.id)
    if cand is None:
        raise not_a_candidate()
    return cand


def read_only_reason(rt: CampaignRuntime, cand: CandInfo) -> str | None:
    """Why the student may not change his wishes now (French), or None when he may."""
    if rt.state not in EDITABLE_STATES:
        return (f"Les vœux ne sont pas modifiables actuellement (le site est : "
                f"{STATE_LABELS.get(rt.state, rt.state)}).")
    if cand.passed:
        return "Votre tour est passé : vos vœux ne sont plus modifiables."
    if cand.absent:
        return ("Vous êtes déclaré absent : vos vœux ne sont plus modifiables. Annulez votre "
                "absence pour les modifier.")
    return None


# --------------------------------------------------------------------------- wishes


def _pace_options(rt: CampaignRuntime) -> list[int]:
    pace = rt.options.get("pace_per_hour")
    if isinstance(pace, list) and len(pace) == 2 and all(isinstance(p, int) for p in pace):
        return list(pace)
    return list(DEFAULT_PACE)


def headline(rt: CampaignRuntime, cand: CandInfo, status: StudentResult) -> sch.NationalHeadline:
    """The sentence above the wishes: which wish will be (or was) satisfied."""
    none = {"wish_number": None, "cell_id": None, "subdivision": None, "specialty": None,
            "k": None, "capacity": None}
    if cand.outcome == Outcome.NO_FEASIBLE_WISH:
        return sch.NationalHeadline(**none, situation="none_feasible_at_turn",
                                    text="aucun vœu n'était réalisable à votre tour")
    if cand.outcome == Outcome.SKIPPED:
        return sch.NationalHeadline(**none, situation="skipped",
                                    text="votre tour est passé sans affectation")
    cell_key = status["assigned"]
    if cell_key is None:
        if not cand.wishes:
            return sch.NationalHeadline(**none, situation="no_wishes",
                                        text="vous n'avez fait aucun vœu")
        return sch.NationalHeadline(**none, situation="none_feasible",
                                    text="aucun vœu n'est réalisable")
    cell = rt.cells[int(cell_key)]
    j = status["satisfied_wish"]
    k = capacity = None
    if j is not None:
        w = status["wishes"][j]
        k, capacity = w["taken_before"] + 1, w["capacity"]
    number = j + 1 if j is not None else None
    where = f"à {cell.subdivision} en {cell.specialty}"
    if status["state"] == "assigned":
        text = (f"le vœu n° {number} {where} est celui sur lequel vous êtes définitivement "
                f"affecté" if number else f"vous êtes définitivement affecté {where}")
    else:
        text = f"en {k} / {capacity} le vœu n° {number} {where} permettra d'être affecté"
    return sch.NationalHeadline(wish_number=number, cell_id=cell.id, subdivision=cell.subdivision,
                                specialty=cell.specialty, k=k, capacity=capacity,
                                situation="assigned" if status["state"] == "assigned"
                                else "feasible", text=text)


def wish_list(rt: CampaignRuntime, cand: CandInfo,
              receipt: sch.NationalReceipt | None = None) -> sch.NationalWishList:
    """My wishes with their statuses, the headline and the "A / B" line (under rt.lock).

    With a receipt, the answer to a change (`NationalWishWrite`).
    """
    status = rt.status(cand)
    sat = status["satisfied_wish"]
    held = status["state"] == "assigned"
    wishes = []
    for j, (cell_id, w) in enumerate(zip(cand.wishes, status["wishes"], strict=True)):
        cell = rt.cells[cell_id]
        exhausted = bool(w["exhausted"])
        k = None if exhausted and j != sat else w["taken_before"] + 1
        n = w["capacity"]
        wishes.append(sch.NationalWish(
            number=j + 1, cell_id=cell_id, subdivision=cell.subdivision,
            specialty=cell.specialty, capacity=n, k=k, exhausted=exhausted and j != sat,
            label=f"{k} / {n}" if k is not None else f"épuisé / {n}",
            satisfied=j == sat and not held, assigned=j == sat and held))
    a, b = rt.above_with_wishes(cand)
    above = sch.NationalAbove(
        with_wishes=a, above=b, pool=cast(sch.PoolName, cand.pool),
        text=f"{a} / {b} étudiants {POOL_LABELS[cand.pool]} validés au-dessus de moi ont fait "
             f"au moins 1 vœu")
    reason = read_only_reason(rt, cand)
    page = rt.options.get("wishes_page_size")
    fields: dict[str, Any] = {
        "version": cand.version, "count": len(wishes), "editable": reason is None,
        "read_only_reason": reason, "headline": headline(rt, cand, status), "above": above,
        "page_size": page if isinstance(page, int) and page > 0 else DEFAULT_PAGE_SIZE,
        "wishes": wishes}
    if receipt is not None:
        return sch.NationalWishWrite(**fields, receipt=receipt)
    return sch.NationalWishList(**fields)


def my_wishes(registry: NationalRegistry, campaign_id: int, person: Person
              ) -> sch.NationalWishList:
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        return wish_list(rt, candidate(rt, person))


# --------------------------------------------------------------------------- me


def assignment(rt: CampaignRuntime, cand: CandInfo, secret_key: str
               ) -> sch.NationalAssignment | None:
    """The post he holds after his turn, with its attestation code."""
    if cand.assigned_cell is None or cand.assigned_at is None or cand.outcome is None:
        return None
    cell = rt.cells[cand.assigned_cell]
    status = rt.status(cand)
    j = status["satisfied_wish"]
    if j is not None:  # his place number among the cell's holders ("en k / N")
        k = status["wishes"][j]["taken_before"] + 1
    else:
        k = 1 + [h["student"] for h in rt.holders()[cell.id]].index(str(cand.id))
    return sch.NationalAssignment(
        cell_id=cell.id, subdivision=cell.subdivision, specialty=cell.specialty,
        wish_number=j + 1 if j is not None else None, k=k, capacity=cell.capacity,
        assigned_at=cand.assigned_at, how=cand.outcome,  # type: ignore[arg-type]
        code=assignment_code(secret_key, rt.campaign_id, cand.id, cell.id, cand.assigned_at))


def observed_pace(rt: CampaignRuntime, at: datetime) -> sch.NationalPace | None:
    """The pace over the last turns that ended (None: too early to tell); `pace.py`."""
    measured = pace_estimate.observed(rt.turn_times, at)
    if measured is None:
        return None
    return sch.NationalPace(low=measured.low, high=measured.high, turns=measured.turns,
                            seconds=measured.seconds)


def turn(rt: CampaignRuntime, cand: CandInfo, at: datetime) -> sch.NationalTurn:
    live = rt.run_status in (RunStatus.RUNNING, RunStatus.PAUSED)
    current = rt.current() if live else None
    before = rt.people_before(cand) if not cand.passed else 0
    waiting = rt.waits_until(current, at) if current is not None else None
    my_turn = current is not None and current.id == cand.id and waiting is None
    measured = pace_estimate.observed(rt.turn_times, at) if live else None
    started = rt.turn_started_at if current is not None else None
    wait = (list(measured.wait_seconds(before))
            if measured is not None and not cand.passed and not my_turn else None)
    observed = observed_pace(rt, at) if live else None
    return sch.NationalTurn(
        amphi_status=rt.run_status,  # type: ignore[arg-type]
        current_rank=current.rank if current else None,
        current_position=rt.position(current) if current else None,
        my_position=rt.position(cand), people_before=before,
        my_turn=my_turn,
        turn_started_at=started,
        turn_deadline=started + timedelta(seconds=TURN_SECONDS) if started else None,
        pace=observed, wait_seconds=wait, waiting_until=waiting,
        my_day=day_slice(rt.slice_of(cand)))


def day_slice(info: SliceInfo | None) -> sch.NationalDaySlice | None:
    if info is None:
        return None
    return sch.NationalDaySlice(day=info.day, rank_from=info.rank_from, rank_to=info.rank_to,
                                starts_at=info.starts_at)


def secret_required(rt: CampaignRuntime, cand: CandInfo, person: Person) -> bool:
    """The amphitheatre asks the secret answer once, before the student can choose.

    Not asked of someone who defined his account after the amphitheatre opened ("la
    question/réponse secrète ne vous est pas posée car vous avez validé vos informations
    juste à l'instant").
    """
    if rt.state != SiteState.AMPHI or cand.entered_at is not None or cand.passed:
        return False
    registered = person.registered_at
    if registered is not None and rt.run_started_at is not None \
            and as_utc(registered) >= rt.run_started_at:
        return False
    return person.secret_answer_hash is not None


def me(registry: NationalRegistry, campaign_id: int, person: Person, secret_key: str
       ) -> sch.NationalMe:
    """The student's whole screen: rank, passing, turn panel, assignment, wishes."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        return me_of(rt, candidate(rt, person), person, secret_key)


def me_of(rt: CampaignRuntime, cand: CandInfo, person: Person, secret_key: str
          ) -> sch.NationalMe:
    at = now()
    return sch.NationalMe(
        campaign_id=rt.campaign_id, candidate_id=cand.id, rank=cand.rank,
        pool=cand.pool, pool_label=POOL_LABELS[cand.pool],  # type: ignore[arg-type]
        passing=rt.passing(cand), demoted_behind=cand.demoted_behind, absent=cand.absent,
        site_state=rt.state, outcome=cand.outcome,  # type: ignore[arg-type]
        assignment=assignment(rt, cand, secret_key),
        secret_required=secret_required(rt, cand, person),
        secret_question=person.secret_question, turn=turn(rt, cand, at),
        wishes=wish_list(rt, cand))


# --------------------------------------------------------------------------- campaign, offer


def summary(session: Session, registry: NationalRegistry, campaign_id: int
            ) -> sch.NationalCampaignPublic:
    """The campaign's home page (answers in every state, so clients can say "fermé")."""
    registered = session.scalar(
        select(func.count()).select_from(NationalStudent)
        .join(Person, Person.id == NationalStudent.person_id)
        .where(NationalStudent.campaign_id == campaign_id,
               Person.password_hash.is_not(None))) or 0
    with registry.hold(campaign_id) as rt:
        pools = {pool: sch.NationalPoolCounts(students=len(ids),
                                              with_wishes=len(rt.with_wishes[pool]))
                 for pool, ids in rt.pool_order.items()}
        page = rt.options.get("wishes_page_size")
        return sch.NationalCampaignPublic(
            id=rt.campaign_id, name=rt.name, state=rt.state,  # type: ignore[arg-type]
            state_label=STATE_LABELS.get(rt.state, rt.state),
            amphi_status=rt.run_status,  # type: ignore[arg-type]
            hotline=rt.options.get("hotline"), day_start=rt.options.get("day_start"),
            pace_per_hour=_pace_options(rt),
            wishes_page_size=page if isinstance(page, int) and page > 0 else DEFAULT_PAGE_SIZE,
            students=len(rt.cands), registered=registered, pools=pools,
            cells=len(rt.cells), posts=sum(c.capacity for c in rt.cells.values()),
            day_slices=[sch.NationalDaySlice(day=s.day, rank_from=s.rank_from,
                                             rank_to=s.rank_to, starts_at=s.starts_at)
                        for s in rt.slices])  # (day_slice() types Optional)


def _cell_public(rt: CampaignRuntime, cell_id: int) -> sch.NationalCellPublic:
    c = rt.cells[cell_id]
    return sch.NationalCellPublic(id=c.id, pool=c.pool, subdivision=c.subdivision,  # type: ignore[arg-type]
                                  specialty=c.specialty, capacity=c.capacity)


def _sorted_cells(rt: CampaignRuntime, pool: str | None) -> list[int]:
    def compute() -> list[int]:
        return [c.id for c in sorted(rt.cells.values(),
                                     key=lambda c: (c.pool, c.subdivision, c.specialty))]
    ids = rt.cached("sorted_cells", compute)
    return [i for i in ids if pool is None or rt.cells[i].pool == pool]


def cells(registry: NationalRegistry, campaign_id: int, pool: str | None
          ) -> list[sch.NationalCellPublic]:
    """The offer, by pool, subdivision and specialty (for the wish pickers)."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        return [_cell_public(rt, i) for i in _sorted_cells(rt, pool)]


def cell_view(registry: NationalRegistry, campaign_id: int, cell_id: int
              ) -> sch.NationalCellView:
    """One cell: each post, "affecté" or "simulé", the holder's rank and his wish n°."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        if cell_id not in rt.cells:
            raise cell_not_found()
        holders = rt.holders()[cell_id]
        pool = rt.cells[cell_id].pool
        final = rt.remaining_at(pool, len(rt.pool_order[pool]) + 1)
        rows = []
        for n, h in enumerate(holders, start=1):
            cand = rt.cands[int(h["student"])]
            state = h["state"]
            rows.append(sch.NationalHolder(
                n=n, state=state, label="affecté" if state == "assigned" else "simulé",
                rank=cand.rank, demoted_behind=cand.demoted_behind,
                wish_number=h["wish"] + 1 if h["wish"] is not None else None))
        return sch.NationalCellView(cell=_cell_public(rt, cell_id), remaining=final[cell_id],
                                    holders=rows)


# --------------------------------------------------------------------------- public tables


def availability(registry: NationalRegistry, campaign_id: int, kind: str, pool: str,
                 person: Person | None = None) -> sch.NationalAvailability:
    """Posts left per cell: once all chose (final), for the current chooser, or at my turn."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        if kind == "mine":
            if person is None:
                raise ApiError(401, "not_authenticated", "Veuillez vous connecter.")
            cand = candidate(rt, person)
            pool, passing = cand.pool, rt.passing(cand)
        elif kind == "current":
            passing = rt.next_passing(pool)
        else:
            passing = len(rt.pool_order[pool]) + 1

        def compute() -> sch.NationalAvailability:
            left = rt.remaining_at(pool, passing)
            rows = [sch.NationalAvailabilityRow(
                cell_id=i, subdivision=rt.cells[i].subdivision, specialty=rt.cells[i].specialty,
                capacity=rt.cells[i].capacity, remaining=left[i]) for i in _sorted_cells(rt, pool)]
            return sch.NationalAvailability(kind=kind, pool=pool, passing=passing,  # type: ignore[arg-type]
                                            rows=rows)
        return rt.cached(("availability", kind, pool, passing), compute)


def rank_limits(registry: NationalRegistry, campaign_id: int, pool: str
                ) -> sch.NationalRankLimits:
    """Per cell, the ranks of the first and last holders in passing order."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)

        def compute() -> sch.NationalRankLimits:
            holders = rt.holders()
            rows = []
            for i in _sorted_cells(rt, pool):
                hs = holders[i]
                rows.append(sch.NationalRankLimit(
                    cell_id=i, subdivision=rt.cells[i].subdivision,
                    specialty=rt.cells[i].specialty, capacity=rt.cells[i].capacity,
                    taken=len(hs), first_rank=hs[0]["rank"] if hs else None,
                    last_rank=hs[-1]["rank"] if hs else None))
            return sch.NationalRankLimits(pool=pool, rows=rows)  # type: ignore[arg-type]
        return rt.cached(("rank_limits", pool), compute)


def radar_of(rt: CampaignRuntime) -> sch.NationalRadar:
    at = now()
    midnight = paris_midnight(at)
    today = rt.ended_since(midnight)
    pace = 0.0
    if today:
        first = rt.turn_times[len(rt.turn_times) - today]
        hours = max((at - first).total_seconds() / 3600, 1 / 60)
        pace = round(today / hours, 1)
    live = rt.run_status in (RunStatus.RUNNING, RunStatus.PAUSED)
    cur = rt.current() if live else None
    current = None
    if cur is not None:
        started = rt.turn_started_at
        current = sch.NationalCurrent(
            candidate_id=cur.id, rank=cur.rank, pool=cur.pool,  # type: ignore[arg-type]
            passing=rt.passing(cur), position=rt.position(cur), turn_started_at=started,
            waiting_seconds=int((at - started).total_seconds()) if started else None)
    local_day = (midnight + timedelta(hours=12)).date()
    today_slice = next((s for s in rt.slices if s.day == local_day), None)
    passed = sum(1 for c in rt.cands.values() if c.passed)
    return sch.NationalRadar(
        site_state=rt.state, amphi_status=rt.run_status,  # type: ignore[arg-type]
        current=current, total=len(rt.cands), passed=passed, remaining=len(rt.cands) - passed,
        chosen_today=today, chosen_last_hour=rt.ended_since(at - timedelta(hours=1)),
        pace_per_hour=pace, expected_pace_per_hour=_pace_options(rt),
        pace=observed_pace(rt, at) if live else None,
        today=day_slice(today_slice), generation=rt.generation,
        waiting_until=rt.waits_until(cur, at) if cur is not None else None)


def radar(registry: NationalRegistry, campaign_id: int) -> sch.NationalRadar:
    """Progress of the day: who passes now, how many chose, the pace."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        return radar_of(rt)


def listing(registry: NationalRegistry, campaign_id: int, pool: str | None, offset: int,
            limit: int) -> sch.NationalListing:
    """Every student in passing order with his current (or simulated) assignment, paged."""
    with registry.hold(campaign_id) as rt:
        require_readable(rt)
        ids = rt.order if pool is None else rt.pool_order[pool]
        assigned = rt.assignments()
        rows = []
        for cid in ids[offset:offset + limit]:
            c = rt.cands[cid]
            a = assigned.get(cid)
            cell = rt.cells[a[0]] if a else None
            rows.append(sch.NationalListingRow(
                position=rt.position(c), rank=c.rank, demoted_behind=c.demoted_behind,
                pool=c.pool, passing=rt.passing(c), absent=c.absent,  # type: ignore[arg-type]
                outcome=c.outcome,  # type: ignore[arg-type]
                state=a[2] if a else None,  # type: ignore[arg-type]
                cell_id=cell.id if cell else None,
                subdivision=cell.subdivision if cell else None,
                specialty=cell.specialty if cell else None,
                wish_number=a[1] + 1 if a and a[1] is not None else None))
        return sch.NationalListing(total=len(ids), offset=offset, limit=limit, rows=rows)
