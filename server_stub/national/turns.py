"""National choice: the virtual amphitheatre — turns, validation, absence, demotion, staff moves.

Students pass one at a time in passing order. The current chooser's turn ends when he
validates, when he is absent (the server assigns his first feasible wish at once, or
records that none is), or when staff decide (assign his first feasible wish, skip him,
or demote him into the next day slice). Each move is one transaction that also starts
the next turn and publishes the events (`student_assigned` / `turn_ended`,
`turn_started`, `your_turn`); the in-memory simulation follows right after the commit.

A validation is final once: it carries an idempotency key (a retry returns the first
answer), re-checks in the same transaction that the post is free and that the student
holds nothing yet, and is refused out of turn.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server_stub.core import audit, events, mail, security, throttle
from server_stub.core.clock import now
from server_stub.core.context import RequestContext
from server_stub.core.db import execute_dml
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, Person
from server_stub.core.txn import on_commit
from server_stub.engine.serial import StudentResult
from server_stub.national import pace as pace_estimate
from server_stub.national import schemas as sch
from server_stub.national.common import (
    EDITABLE_STATES,
    STATE_LABELS,
    TURN_SECONDS,
    NationalAction,
    NationalEvent,
    Outcome,
    RunStatus,
    SiteState,
    wrong_state,
)
from server_stub.national.models import (
    DaySlice,
    NationalAmphiRun,
    NationalCell,
    NationalStudent,
    ValidationKey,
)
from server_stub.national.reads import (
    candidate,
    me_of,
    radar_of,
    secret_required,
    wish_list,
)
from server_stub.national.receipts import assignment_code
from server_stub.national.runtime import (
    CampaignRuntime,
    CandInfo,
    NationalRegistry,
    paris_text,
    paris_time,
)
from server_stub.national.wishes import require_editable

log = logging.getLogger(__name__)

AMPHI_ONLY = frozenset({SiteState.AMPHI})
OUTCOME_ACTIONS = {
    Outcome.VALIDATED: NationalAction.CHOICE_VALIDATED,
    Outcome.AUTO_ASSIGNED: NationalAction.AUTO_ASSIGNED,
    Outcome.STAFF_ASSIGNED: NationalAction.STAFF_ASSIGNED,
    Outcome.NO_FEASIBLE_WISH: NationalAction.NO_FEASIBLE_WISH,
    Outcome.SKIPPED: NationalAction.STAFF_SKIPPED,
}
# Absent students reached one after another are processed in one call, up to this many
# (the background loop carries on after that).
AUTO_CHAIN_LIMIT = 500


# --------------------------------------------------------------------------- the run row


def _run_row(session: Session, campaign_id: int) -> NationalAmphiRun:
    run = session.scalar(select(NationalAmphiRun).where(
        NationalAmphiRun.campaign_id == campaign_id))
    if run is None:
        run = NationalAmphiRun(campaign_id=campaign_id, status=RunStatus.NOT_STARTED.value)
        session.add(run)
        session.flush()
    return run


def _publish(session: Session, rt: CampaignRuntime, kind: str, payload: dict[str, Any],
             audience_id: int | None = None) -> int:
    """Publish in the caller's transaction; returns the event's id (for `rt.mark`)."""
    return events.publish(session, kind, {"campaign_id": rt.campaign_id, **payload},
                          campaign_id=rt.campaign_id, audience_id=audience_id).id


def _turn_payload(rt: CampaignRuntime, cand: CandInfo, at: datetime, *,
                  ended: bool = False) -> dict[str, Any]:
    """`turn_started`: who chooses now, and the pace observed (so every student's panel
    follows it between two fetches); `ended`: a turn ended at `at` (not yet in `rt`)."""
    ends = rt.turn_times[-pace_estimate.MAX_TURNS:] + ([at] if ended else [])
    pace = pace_estimate.observed(ends, at)
    return {"candidate_id": cand.id, "rank": cand.rank, "pool": cand.pool,
            "passing": rt.passing(cand), "position": rt.position(cand),
            "turn_started_at": at.isoformat(),
            "turn_deadline": (at + timedelta(seconds=TURN_SECONDS)).isoformat(),
            "pace": dataclasses.asdict(pace) if pace is not None else None}


def _open_turn(session: Session, rt: CampaignRuntime, nxt: CandInfo | None,
               at: datetime, *, ended: bool = False) -> dict[str, Any]:
    """Record (in the caller's transaction) that `nxt` now chooses, or that all passed.

    Returns the in-memory changes to apply after the commit (`_apply_run`).
    """
    run = _run_row(session, rt.campaign_id)
    run.updated_at = at
    if nxt is None:
        run.status = RunStatus.FINISHED.value
        run.finished_at = at
        run.turn_candidate_id = None
        run.turn_started_at = None
        done = _publish(session, rt, NationalEvent.AMPHI_STATE,
                        {"status": RunStatus.FINISHED.value})
        changes: dict[str, Any] = {"run_status": RunStatus.FINISHED.value,
                                   "turn_candidate_id": None, "turn_started_at": None,
                                   "mark:run": done, "mark:turn": done}
        if rt.state == SiteState.AMPHI:  # everybody passed: the site is « Terminé » too
            session.get_one(Campaign, rt.campaign_id).state = SiteState.FINISHED.value
            changes["mark:state"] = _publish(
                session, rt, NationalEvent.SITE_STATE,
                {"state": SiteState.FINISHED.value,
                 "label": STATE_LABELS[SiteState.FINISHED]})
            changes["state"] = SiteState.FINISHED.value
        return changes
    until = rt.waits_until(nxt, at)
    if until is not None:  # his day has not come: nobody chooses until it does
        run.turn_candidate_id = None
        run.turn_started_at = None
        day = rt.slice_of(nxt)
        waiting = _publish(session, rt, NationalEvent.AMPHI_WAITING, {
            "candidate_id": nxt.id, "rank": nxt.rank, "position": rt.position(nxt),
            "until": until.isoformat(), "rank_from": day.rank_from if day else None,
            "rank_to": day.rank_to if day else None})
        return {"turn_candidate_id": None, "turn_started_at": None, "mark:turn": waiting}
    run.turn_candidate_id = nxt.id
    run.turn_started_at = at
    payload = _turn_payload(rt, nxt, at, ended=ended)
    started = _publish(session, rt, NationalEvent.TURN_STARTED, payload)
    _publish(session, rt, NationalEvent.YOUR_TURN, payload, audience_id=nxt.person_id)
    return {"turn_candidate_id": nxt.id, "turn_started_at": at, "mark:turn": started}


def _apply_run(rt: CampaignRuntime, changes: dict[str, Any]) -> None:
    """Apply the run's changes after the commit; `mark:<field>` names the event that set
    a field, so that an older event of another process does not undo it (runtime.py)."""
    for name, value in changes.items():
        if name.startswith("mark:"):
            rt.mark(name.removeprefix("mark:"), value)
        else:
            setattr(rt, name, value)


# --------------------------------------------------------------------------- ending a turn


def _feasible(rt: CampaignRuntime, cand: CandInfo) -> tuple[int | None, StudentResult]:
    """His first feasible wish now (the simulation's choice at his turn), and his status."""
    status = rt.status(cand)
    cell = status["assigned"]
    return (int(cell) if cell is not None else None), status


def _assignment(rt: CampaignRuntime, cand: CandInfo, cell_id: int, status: StudentResult,
                outcome: str, at: datetime, secret: str) -> sch.NationalAssignment:
    cell = rt.cells[cell_id]
    j = status["satisfied_wish"]
    k = status["wishes"][j]["taken_before"] + 1 if j is not None else 1
    return sch.NationalAssignment(
        cell_id=cell_id, subdivision=cell.subdivision, specialty=cell.specialty,
        wish_number=j + 1 if j is not None else None, k=k, capacity=cell.capacity,
        assigned_at=at, how=outcome,  # type: ignore[arg-type]
        code=assignment_code(secret, rt.campaign_id, cand.id, cell_id, at))


def _place_taken() -> ApiError:
    return ApiError(409, "place_taken",
                    "Ce poste vient d'être pris : il n'y a plus de place libre. Vérifiez vos "
                    "vœux, puis validez de nouveau.", field="cell_id")


def _end_turn(session: Session, rt: CampaignRuntime, cand: CandInfo, outcome: str,
              cell_id: int | None, *, actor_id: int | None, address: str | None,
              at: datetime, detail: dict[str, Any] | None = None,
              assignment: sch.NationalAssignment | None = None) -> dict[str, Any]:
    """End the current student's turn in the caller's transaction and open the next one.

    For an assignment, re-checks in the database that the student holds nothing yet and
    that the cell has a free place. Raises 409 `already_assigned` / `place_taken`.
    """
    values: dict[str, Any] = {"turn_outcome": outcome, "turn_ended_at": at}
    if cell_id is not None:
        # Lock the cell row first (PostgreSQL), then take the write lock by updating (SQLite),
        # so the count below sees every committed assignment.
        session.execute(select(NationalCell.id).where(NationalCell.id == cell_id)
                        .with_for_update())
        values.update(assigned_cell_id=cell_id, assigned_at=at)
    done = execute_dml(session,
        update(NationalStudent)
        .where(NationalStudent.id == cand.id, NationalStudent.assigned_cell_id.is_(None),
               NationalStudent.turn_outcome.is_(None))
        .values(**values))
    if done.rowcount != 1:
        session.rollback()
        raise ApiError(409, "already_assigned", "Ce choix est déjà enregistré : votre tour est "
                                                "passé.")
    if cell_id is not None:
        capacity = session.scalar(select(NationalCell.capacity).where(NationalCell.id == cell_id))
        taken = session.scalar(select(func.count()).select_from(NationalStudent).where(
            NationalStudent.assigned_cell_id == cell_id)) or 0
        if capacity is None or taken > capacity:
            session.rollback()
            raise _place_taken()
    audit.record(session, OUTCOME_ACTIONS[Outcome(outcome)], actor_id=actor_id,
                 subject_id=cand.person_id, campaign_id=rt.campaign_id, address=address,
                 detail={"candidate_id": cand.id, "cell_id": cell_id, **(detail or {})})
    if cell_id is not None and assignment is not None:
        _publish(session, rt, NationalEvent.STUDENT_ASSIGNED, {
            "candidate_id": cand.id, "rank": cand.rank, "pool": cand.pool,
            "position": rt.position(cand), **assignment.model_dump(mode="json",
                                                                   exclude={"code"})})
    else:
        _publish(session, rt, NationalEvent.TURN_ENDED, {
            "candidate_id": cand.id, "rank": cand.rank, "pool": cand.pool,
            "position": rt.position(cand), "outcome": outcome, "ended_at": at.isoformat()})
    return _open_turn(session, rt, rt.next_after(cand), at, ended=True)


def _commit_end(session: Session, rt: CampaignRuntime, cand: CandInfo, outcome: str,
                cell_id: int | None, run_changes: dict[str, Any], at: datetime) -> None:
    session.commit()
    rt.end_turn(cand, outcome, cell_id, at)
    _apply_run(rt, run_changes)


def take_first_feasible(session: Session, rt: CampaignRuntime, cand: CandInfo, outcome: str,
                        *, actor_id: int | None, address: str | None, ctx: RequestContext,
                        detail: dict[str, Any] | None = None) -> str:
    """Give the current student his first feasible wish (or record that none is).

    Used for absent students, simulated demo participants and the staff's "assign" (then
    `outcome` is `staff_assigned`; "none feasible" is refused instead). Returns the outcome
    recorded. Holds `rt.lock`.
    """
    at = now().replace(microsecond=0)
    cell_id, status = _feasible(rt, cand)
    if cell_id is None:
        if outcome == Outcome.STAFF_ASSIGNED:
            raise ApiError(409, "no_feasible_wish",
                           "Aucun vœu de cet étudiant n'est réalisable : déclassez-le dans la "
                           "tranche suivante ou passez son tour.")
        outcome = Outcome.NO_FEASIBLE_WISH
        changes = _end_turn(session, rt, cand, outcome, None, actor_id=actor_id,
                            address=address, at=at, detail=detail)
    else:
        assignment = _assignment(rt, cand, cell_id, status, outcome, at,
                                 ctx.settings.secret_key)
        changes = _end_turn(session, rt, cand, outcome, cell_id, actor_id=actor_id,
                            address=address, at=at, detail=detail, assignment=assignment)
        _mail_assignment(session, ctx, rt, cand, assignment)
    _commit_end(session, rt, cand, outcome, cell_id, changes, at)
    return outcome


def _mail_assignment(session: Session, ctx: RequestContext, rt: CampaignRuntime,
                     cand: CandInfo, assignment: sch.NationalAssignment) -> None:
    """Confirm the assignment by mail once committed (people without an address get none)."""
    person = session.get(Person, cand.person_id)
    if person is None or not person.email:
        return
    content = mail.content(
        f"Votre affectation — {rt.name}", "national/mail/assignment", html=False,
        name=person.display_name, how=assignment.how, subdivision=assignment.subdivision,
        specialty=assignment.specialty, wish_number=assignment.wish_number, k=assignment.k,
        capacity=assignment.capacity, at=paris_time(assignment.assigned_at),
        code=assignment.code, campaign=rt.name)
    to, mailer = person.email, ctx.mailer
    on_commit(session, lambda: mailer.send(to, content.subject, content.text))


def process_absent(session: Session, rt: CampaignRuntime, ctx: RequestContext) -> int:
    """While the amphitheatre runs and the current student is absent, assign him at once.

    Returns how many turns ended. Holds `rt.lock`.
    """
    count = 0
    while rt.run_status == RunStatus.RUNNING and rt.state == SiteState.AMPHI \
            and count < AUTO_CHAIN_LIMIT:
        cur = rt.current()
        if cur is None or not cur.absent or rt.waits_until(cur, now()) is not None:
            break  # (an absent student is not placed before his day)
        take_first_feasible(session, rt, cur, Outcome.AUTO_ASSIGNED, actor_id=None,
                            address=None, ctx=ctx, detail={"absent": True})
        count += 1
    return count


def open_due_turn(session: Session, rt: CampaignRuntime) -> bool:
    """While the amphitheatre waits for a day slice (`AMPHI_WAITING`), open the turn once
    that slice has started (the clock owner's tick; own transaction). Returns whether a
    turn opened. Holds `rt.lock`."""
    if rt.run_status != RunStatus.RUNNING or rt.turn_candidate_id is not None:
        return False
    cur = rt.current()
    at = now().replace(microsecond=0)
    if cur is None or rt.waits_until(cur, at) is not None:
        return False
    changes = _open_turn(session, rt, cur, at)
    session.commit()
    _apply_run(rt, changes)
    return True


def _sync_turn(session: Session, rt: CampaignRuntime, *, force: bool = False) -> None:
    """After the order changed: open the turn of whoever is now current (own transaction)."""
    if rt.run_status not in (RunStatus.RUNNING, RunStatus.PAUSED):
        return
    cur = rt.current()
    if not force and cur is not None and cur.id == rt.turn_candidate_id:
        return
    changes = _open_turn(session, rt, cur, now().replace(microsecond=0))
    session.commit()
    _apply_run(rt, changes)


# --------------------------------------------------------------------------- the student


def _turn_refusal(rt: CampaignRuntime, cand: CandInfo) -> ApiError | None:
    if rt.state != SiteState.AMPHI:
        return wrong_state(rt.state, AMPHI_ONLY)
    if cand.passed:
        return ApiError(409, "already_assigned",
                        "Votre tour est passé : votre choix est déjà enregistré.")
    if rt.run_status == RunStatus.PAUSED:
        return ApiError(409, "amphi_paused",
                        "L'amphi est momentanément suspendu : votre choix sera possible dès sa "
                        "reprise.")
    if rt.run_status != RunStatus.RUNNING:
        return ApiError(409, "amphi_not_started", "L'amphi n'a pas encore commencé.")
    before = rt.people_before(cand)
    if before > 0:
        return ApiError(409, "not_your_turn",
                        f"Ce n'est pas encore votre tour : {before} étudiant(s) passent avant "
                        "vous.")
    until = rt.waits_until(cand, now())
    if until is not None:
        return _day_not_started(until, "Votre tranche de passage commence le {at} : vous "
                                       "choisirez à partir de ce moment.")
    if cand.absent:
        return ApiError(409, "absent",
                        "Vous êtes déclaré absent : annulez votre absence pour choisir "
                        "vous-même.")
    return None


def validate(session: Session, ctx: RequestContext, registry: NationalRegistry,
             campaign_id: int, person: Person, data: sch.NationalValidate
             ) -> sch.NationalValidation:
    """Step 3 of "JE PRENDS": take the post the student confirmed, at his turn, once.

    Raises 409 `not_your_turn`, `amphi_paused`, `amphi_not_started`, `absent`,
    `no_feasible_wish`, `choice_changed`, `place_taken`, `already_assigned`; 403
    `secret_required`; 422 `idempotency_key_reused`.
    """
    secret = ctx.settings.secret_key
    with registry.hold(campaign_id) as rt:
        cand = candidate(rt, person)
        stored = session.scalar(select(ValidationKey).where(
            ValidationKey.candidate_id == cand.id, ValidationKey.key == data.idempotency_key))
        if stored is not None:
            if stored.cell_id != data.cell_id:
                raise ApiError(422, "idempotency_key_reused",
                               "Cette clé d'idempotence a déjà servi pour un autre poste.",
                               field="idempotency_key")
            return sch.NationalValidation.model_validate(stored.response)
        refusal = _turn_refusal(rt, cand)
        if refusal is not None:
            raise refusal
        if secret_required(rt, cand, person):
            raise ApiError(403, "secret_required",
                           "Répondez d'abord à votre question secrète pour entrer dans l'amphi.")
        cell_id, status = _feasible(rt, cand)
        if cell_id is None:
            raise ApiError(409, "no_feasible_wish",
                           "Aucun de vos vœux n'est réalisable : ajoutez des vœux, ou appelez la "
                           "hotline de l'amphi.")
        if cell_id != data.cell_id:
            raise ApiError(409, "choice_changed",
                           "Le vœu qui permet d'être affecté a changé : vérifiez vos vœux puis "
                           "recommencez.", field="cell_id")
        at = now().replace(microsecond=0)
        assignment = _assignment(rt, cand, cell_id, status, Outcome.VALIDATED, at, secret)
        answer = sch.NationalValidation(candidate_id=cand.id, assignment=assignment)
        changes = _end_turn(session, rt, cand, Outcome.VALIDATED, cell_id, actor_id=person.id,
                            address=ctx.address, at=at, assignment=assignment,
                            detail={"idempotency_key": data.idempotency_key})
        session.add(ValidationKey(candidate_id=cand.id, key=data.idempotency_key,
                                  cell_id=cell_id, response=answer.model_dump(mode="json")))
        _mail_assignment(session, ctx, rt, cand, assignment)
        _commit_end(session, rt, cand, Outcome.VALIDATED, cell_id, changes, at)
        process_absent(session, rt, ctx)
        return answer


def enter(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
          person: Person, data: sch.NationalEnter) -> sch.NationalMe:
    """First entry into the amphitheatre: check the secret answer, once.

    Raises 403 `wrong_secret_answer` (field secret_answer), 429 after repeated failures.
    """
    secret = ctx.settings.secret_key
    with registry.hold(campaign_id) as rt:
        cand = candidate(rt, person)
        if rt.state != SiteState.AMPHI:
            raise wrong_state(rt.state, AMPHI_ONLY)
        if cand.entered_at is None:
            s = ctx.settings
            key = f"secret:{person.id}"
            throttle.check(session, [(key, s.login_max_failures)], s.login_window_seconds)
            if not security.verify_secret_answer(person.secret_answer_hash, data.secret_answer):
                throttle.fail(session, key, window_seconds=s.login_window_seconds)
                audit.record(session, NationalAction.SECRET_FAILED, actor_id=person.id,
                             subject_id=person.id, campaign_id=campaign_id, address=ctx.address)
                session.commit()
                raise ApiError(403, "wrong_secret_answer",
                               "Réponse incorrecte à votre question secrète.",
                               field="secret_answer")
            at = now().replace(microsecond=0)
            session.execute(update(NationalStudent).where(NationalStudent.id == cand.id)
                            .values(amphi_entered_at=at))
            throttle.clear(session, key)
            audit.record(session, NationalAction.AMPHI_ENTERED, actor_id=person.id,
                         subject_id=person.id, campaign_id=campaign_id, address=ctx.address)
            _publish(session, rt, NationalEvent.AMPHI_ENTERED,
                     {"candidate_id": cand.id, "entered_at": at.isoformat()},
                     audience_id=person.id)
            session.commit()
            cand.entered_at = at
        return me_of(rt, cand, person, secret)


def set_absence(session: Session, ctx: RequestContext, registry: NationalRegistry,
                campaign_id: int, person: Person, data: sch.NationalAbsence) -> sch.NationalMe:
    """Declare or cancel absence, any time before one's turn ends.

    Absent at his turn, the student gets his first feasible wish at once.
    """
    secret = ctx.settings.secret_key
    with registry.hold(campaign_id) as rt:
        cand = candidate(rt, person)
        require_editable(rt, cand)
        if cand.absent != data.absent:
            session.execute(update(NationalStudent).where(NationalStudent.id == cand.id)
                            .values(absent=data.absent))
            action = (NationalAction.ABSENCE_DECLARED if data.absent
                      else NationalAction.ABSENCE_CANCELLED)
            audit.record(session, action, actor_id=person.id, subject_id=person.id,
                         campaign_id=campaign_id, address=ctx.address)
            done = _publish(session, rt, NationalEvent.ABSENCE_CHANGED,
                            {"candidate_id": cand.id, "absent": data.absent},
                            audience_id=person.id)
            session.commit()
            rt.mark(f"absent:{cand.id}", done)
            rt.set_absent(cand, data.absent)
            process_absent(session, rt, ctx)
        return me_of(rt, cand, person, secret)


def _new_key(cand: CandInfo, behind: int | None) -> tuple[int, int, int]:
    return (2 * cand.rank if behind is None else 2 * behind + 1, cand.rank, cand.id)


def _demote(session: Session, ctx: RequestContext, rt: CampaignRuntime, cand: CandInfo,
            behind: int | None, *, actor_id: int, action: str) -> None:
    """Write a demotion (or its cancellation), rebuild the order, open the right turn."""
    session.execute(update(NationalStudent).where(NationalStudent.id == cand.id)
                    .values(demoted_behind=behind))
    audit.record(session, action, actor_id=actor_id, subject_id=cand.person_id,
                 campaign_id=rt.campaign_id, address=ctx.address,
                 detail={"candidate_id": cand.id, "behind_rank": behind})
    done = _publish(session, rt, NationalEvent.ORDER_CHANGED,
                    {"candidate_id": cand.id, "rank": cand.rank, "demoted_behind": behind})
    session.commit()
    rt.mark(f"demoted:{cand.id}", done)
    rt.set_demoted(cand, behind)
    _sync_turn(session, rt)
    process_absent(session, rt, ctx)


def _check_not_passed_place(rt: CampaignRuntime, cand: CandInfo, behind: int | None) -> None:
    """A student cannot move to a place the amphitheatre has already passed."""
    cur = rt.current()
    if rt.run_status in (RunStatus.RUNNING, RunStatus.PAUSED) and cur is not None \
            and cur.id != cand.id and _new_key(cand, behind) < cur.order_key():
        raise ApiError(409, "rank_passed",
                       f"L'amphi a déjà dépassé cette place (c'est au tour du rang {cur.rank}).",
                       field="behind_rank")


def request_demotion(session: Session, ctx: RequestContext, registry: NationalRegistry,
                     campaign_id: int, person: Person, data: sch.NationalDemotionRequest
                     ) -> sch.NationalMe:
    """Ask to pass right after a given rank (he keeps his official rank); null cancels."""
    with registry.hold(campaign_id) as rt:
        cand = candidate(rt, person)
        require_editable(rt, cand)
        behind = data.behind_rank
        if behind is not None and behind <= cand.rank:
            raise ApiError(422, "invalid_rank",
                           f"Indiquez un rang supérieur au vôtre ({cand.rank}).",
                           field="behind_rank")
        if behind is not None and behind > rt.max_rank:
            raise ApiError(422, "invalid_rank",
                           f"Le dernier rang classé est {rt.max_rank}.", field="behind_rank")
        if behind != cand.demoted_behind:
            _check_not_passed_place(rt, cand, behind)
            action = (NationalAction.DEMOTION_REQUESTED if behind is not None
                      else NationalAction.DEMOTION_CANCELLED)
            _demote(session, ctx, rt, cand, behind, actor_id=person.id, action=action)
        return me_of(rt, cand, person, ctx.settings.secret_key)


# --------------------------------------------------------------------------- staff


def _staff_candidate(rt: CampaignRuntime, candidate_id: int) -> CandInfo:
    cand = rt.cands.get(candidate_id)
    if cand is None:
        raise ApiError(404, "not_found", "Étudiant introuvable dans cette procédure.",
                       field="candidate_id")
    return cand


def _require_current(rt: CampaignRuntime, cand: CandInfo) -> None:
    if rt.state != SiteState.AMPHI:
        raise wrong_state(rt.state, AMPHI_ONLY)
    if rt.run_status not in (RunStatus.RUNNING, RunStatus.PAUSED):
        raise ApiError(409, "amphi_not_started", "L'amphi n'est pas en cours.")
    cur = rt.current()
    if cur is None or cur.id != cand.id:
        raise ApiError(409, "not_current",
                       "Ce n'est plus le tour de cet étudiant : l'écran va se mettre à jour.",
                       field="candidate_id")
    until = rt.waits_until(cand, now())
    if until is not None:
        raise _day_not_started(until, "La tranche de passage de cet étudiant commence le {at} "
                                      ": ouvrez-la d'abord si vous voulez avancer.")


def _day_not_started(until: datetime, message: str) -> ApiError:
    """409 `day_not_started`: nobody's turn comes before his day slice starts."""
    return ApiError(409, "day_not_started", message.format(at=paris_text(until)))


def open_next_slice(session: Session, ctx: RequestContext, registry: NationalRegistry,
                    campaign_id: int, staff: Person) -> sch.NationalStaffAmphi:
    """« Ouvrir la tranche suivante maintenant »: the amphitheatre waits for a day slice
    that has not started; staff open it now (the seed lets the next day's students choose
    the evening before). The slice's start becomes now; the turn opens."""
    with registry.hold(campaign_id) as rt:
        if rt.state != SiteState.AMPHI:
            raise wrong_state(rt.state, AMPHI_ONLY)
        cur = rt.current()
        at = now().replace(microsecond=0)
        until = rt.waits_until(cur, at) if cur is not None else None
        day = rt.slice_of(cur) if cur is not None else None
        if cur is None or until is None or day is None:
            raise ApiError(409, "no_slice_waiting",
                           "L'amphi n'attend aucune tranche : le tour en cours est ouvert.")
        row = session.scalar(select(DaySlice).where(DaySlice.campaign_id == campaign_id,
                                                    DaySlice.rank_from == day.rank_from))
        if row is None:
            raise ApiError(409, "no_slice_waiting", "Cette tranche n'existe plus.")
        row.starts_at = at
        audit.record(session, NationalAction.DAY_SLICE_OPENED, actor_id=staff.id,
                     campaign_id=campaign_id, address=ctx.address,
                     detail={"rank_from": day.rank_from, "rank_to": day.rank_to,
                             "planned": until.isoformat()})
        done = events.publish(session, NationalEvent.OFFER_CHANGED,
                              {"campaign_id": campaign_id, "what": "day_slices"},
                              campaign_id=campaign_id)
        changes = _open_turn(session, rt, cur, at) if rt.run_status == RunStatus.RUNNING \
            else {}
        session.commit()
        rt.mark("reload", done.id)  # the other processes rebuild; this one has it already
        rt.slices = [dataclasses.replace(s, starts_at=at) if s is day else s
                     for s in rt.slices]
        rt.generation += 1
        _apply_run(rt, changes)
        process_absent(session, rt, ctx)
    return staff_view(session, registry, campaign_id)


def staff_view(session: Session, registry: NationalRegistry, campaign_id: int
               ) -> sch.NationalStaffAmphi:
    """The current student with his phone number, the next ones, and the radar."""
    with registry.hold(campaign_id) as rt:
        live = rt.run_status in (RunStatus.RUNNING, RunStatus.PAUSED)
        ids = rt.order[rt.pointer:rt.pointer + 6]
        people = {p.id: p for p in session.scalars(select(Person).where(
            Person.id.in_([rt.cands[i].person_id for i in ids])))}

        def row(cand: CandInfo) -> sch.NationalStaffStudent:
            p = people[cand.person_id]
            return sch.NationalStaffStudent(
                candidate_id=cand.id, person_id=p.id, rank=cand.rank,
                pool=cand.pool, position=rt.position(cand),  # type: ignore[arg-type]
                last_name=p.last_name, first_name=p.first_name, email=p.email, phone=p.phone,
                absent=cand.absent, demoted_behind=cand.demoted_behind,
                has_account=p.password_hash is not None,
                entered_amphi=cand.entered_at is not None,
                headline=wish_list(rt, cand).headline)

        students = [row(rt.cands[i]) for i in ids]
        current = students[0] if live and students else None
        started = rt.turn_started_at if current else None
        return sch.NationalStaffAmphi(
            site_state=rt.state, amphi_status=rt.run_status,  # type: ignore[arg-type]
            current=current, turn_started_at=started,
            waiting_seconds=int((now() - started).total_seconds()) if started else None,
            next=students[1:] if current else students, radar=radar_of(rt))


def staff_assign(session: Session, ctx: RequestContext, registry: NationalRegistry,
                 campaign_id: int, staff: Person, data: sch.NationalStaffAction
                 ) -> sch.NationalStaffAmphi:
    """Assign the current student his first feasible wish (he is unreachable)."""
    with registry.hold(campaign_id) as rt:
        cand = _staff_candidate(rt, data.candidate_id)
        _require_current(rt, cand)
        take_first_feasible(session, rt, cand, Outcome.STAFF_ASSIGNED, actor_id=staff.id,
                            address=ctx.address, ctx=ctx)
        process_absent(session, rt, ctx)
    return staff_view(session, registry, campaign_id)


def staff_skip(session: Session, ctx: RequestContext, registry: NationalRegistry,
               campaign_id: int, staff: Person, data: sch.NationalStaffAction
               ) -> sch.NationalStaffAmphi:
    """End the current student's turn without a post (he takes no place any more)."""
    with registry.hold(campaign_id) as rt:
        cand = _staff_candidate(rt, data.candidate_id)
        _require_current(rt, cand)
        at = now().replace(microsecond=0)
        changes = _end_turn(session, rt, cand, Outcome.SKIPPED, None, actor_id=staff.id,
                            address=ctx.address, at=at)
        _commit_end(session, rt, cand, Outcome.SKIPPED, None, changes, at)
        process_absent(session, rt, ctx)
    return staff_view(session, registry, campaign_id)


def staff_demote(session: Session, ctx: RequestContext, registry: NationalRegistry,
                 campaign_id: int, staff: Person, data: sch.NationalStaffAction
                 ) -> sch.NationalStaffAmphi:
    """Demote a student who has not passed into the next day slice (behind its last rank)."""
    with registry.hold(campaign_id) as rt:
        cand = _staff_candidate(rt, data.candidate_id)
        if rt.state not in EDITABLE_STATES:
            raise wrong_state(rt.state, EDITABLE_STATES)
        if cand.passed:
            raise ApiError(409, "turn_passed", "Le tour de cet étudiant est déjà passé.",
                           field="candidate_id")
        effective = cand.demoted_behind or cand.rank
        if not rt.slices:
            raise ApiError(409, "no_day_slices",
                           "Aucune tranche de passage n'est définie pour cette procédure.")
        behind = next((s.rank_to for s in rt.slices if s.rank_to > effective), None)
        if behind is None:
            behind = rt.max_rank if rt.max_rank > effective else None
        if behind is None:
            raise ApiError(409, "last_slice",
                           "Cet étudiant passe déjà en dernier : il ne peut pas être déclassé "
                           "davantage.", field="candidate_id")
        _demote(session, ctx, rt, cand, behind, actor_id=staff.id,
                action=NationalAction.STAFF_DEMOTED)
    return staff_view(session, registry, campaign_id)


def _set_run(session: Session, ctx: RequestContext, rt: CampaignRuntime, staff: Person | None,
             status: str, action: str) -> dict[str, Any]:
    at = now().replace(microsecond=0)
    run = _run_row(session, rt.campaign_id)
    run.status = status
    run.updated_at = at
    changes: dict[str, Any] = {"run_status": status}
    payload: dict[str, Any] = {"status": status}
    if status == RunStatus.RUNNING and run.started_at is None:
        run.started_at = at
        changes["run_started_at"] = at
        payload["started_at"] = at.isoformat()
    if status == RunStatus.PAUSED:
        run.paused_at = at
    audit.record(session, action, actor_id=staff.id if staff else None,
                 campaign_id=rt.campaign_id, address=ctx.address)
    changes["mark:run"] = _publish(session, rt, NationalEvent.AMPHI_STATE, payload)
    return changes


def start(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
          staff: Person | None) -> sch.NationalStaffAmphi:
    """Open the amphitheatre (site state `amphi`) and start the first turn.

    `staff` is None when the demo starts it by itself (setting `demo_start_amphi`).
    """
    with registry.hold(campaign_id) as rt:
        if rt.state not in (SiteState.WISHES_OPEN, SiteState.AMPHI):
            raise wrong_state(rt.state, {SiteState.WISHES_OPEN, SiteState.AMPHI})
        if rt.run_status == RunStatus.RUNNING:
            raise ApiError(409, "amphi_running", "L'amphi est déjà en cours.")
        if rt.run_status == RunStatus.FINISHED:
            raise ApiError(409, "amphi_finished", "Tous les étudiants sont passés.")
        if rt.run_status == RunStatus.PAUSED:
            raise ApiError(409, "amphi_paused", "L'amphi est en pause : reprenez-le.")
        changes = _set_run(session, ctx, rt, staff, RunStatus.RUNNING,
                           NationalAction.AMPHI_STARTED)
        if rt.state != SiteState.AMPHI:
            session.get_one(Campaign, campaign_id).state = SiteState.AMPHI.value
            changes["mark:state"] = _publish(
                session, rt, NationalEvent.SITE_STATE,
                {"state": SiteState.AMPHI.value, "label": STATE_LABELS[SiteState.AMPHI]})
            changes["state"] = SiteState.AMPHI.value
        changes.update(_open_turn(session, rt, rt.current(), now().replace(microsecond=0)))
        session.commit()
        _apply_run(rt, changes)
        process_absent(session, rt, ctx)
    return staff_view(session, registry, campaign_id)


def pause(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
          staff: Person) -> sch.NationalStaffAmphi:
    """Suspend the amphitheatre (e.g. to let someone connect); nobody can validate."""
    with registry.hold(campaign_id) as rt:
        if rt.run_status != RunStatus.RUNNING:
            raise ApiError(409, "amphi_not_running", "L'amphi n'est pas en cours.")
        changes = _set_run(session, ctx, rt, staff, RunStatus.PAUSED,
                           NationalAction.AMPHI_PAUSED)
        session.commit()
        _apply_run(rt, changes)
    return staff_view(session, registry, campaign_id)


def resume(session: Session, ctx: RequestContext, registry: NationalRegistry, campaign_id: int,
           staff: Person) -> sch.NationalStaffAmphi:
    """Resume a paused amphitheatre; the current turn starts again from now."""
    with registry.hold(campaign_id) as rt:
        if rt.run_status != RunStatus.PAUSED:
            raise ApiError(409, "amphi_not_paused", "L'amphi n'est pas en pause.")
        if rt.state != SiteState.AMPHI:
            raise wrong_state(rt.state, AMPHI_ONLY)
        changes = _set_run(session, ctx, rt, staff, RunStatus.RUNNING,
                           NationalAction.AMPHI_RESUMED)
        changes.update(_open_turn(session, rt, rt.current(), now().replace(microsecond=0)))
        session.commit()
        _apply_run(rt, changes)
        process_absent(session, rt, ctx)
    return staff_view(session, registry, campaign_id)

