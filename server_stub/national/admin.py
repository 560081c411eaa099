"""National choice, staff side: campaigns, site state, day slices, CSV/XLSX imports.

Imports read the offer (subdivision × specialty × posts, per pool) and the ranked
students from a CSV or XLSX file (`core.spreadsheets.read_table`: separators, encodings
and loose column names). Every rejected line is reported with its line number and a
French reason; the other lines are imported (or only checked, with `dry_run`). The
simulation is then rebuilt from the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.accounts import NO_INE, normalize_ine, normalize_name
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, CampaignKind, Participation, Person, Role
from server_stub.core.spreadsheets import Line, cell_date, cell_int, read_table
from server_stub.core.spreadsheets import column_key as _key
from server_stub.national import schemas as sch
from server_stub.national.common import (
    IMPORT_STATES,
    STATE_LABELS,
    NationalAction,
    NationalEvent,
    RunStatus,
    SiteState,
    wrong_state,
)
from server_stub.national.models import DaySlice, NationalCell, NationalStudent
from server_stub.national.reads import summary
from server_stub.national.runtime import NationalRegistry, SliceInfo

MAX_LINES = 50_000
MAX_CAPACITY = 10_000


# --------------------------------------------------------------------------- campaign, state


def create_campaign(session: Session, ctx: RequestContext, registry: NationalRegistry,
                    staff: Person, data: sch.NationalCampaignCreate
                    ) -> sch.NationalCampaignPublic:
    """A new national campaign, closed until staff open it."""
    options: dict[str, Any] = {"pace_per_hour": [50, 70], "wishes_page_size": 20}
    if data.hotline:
        options["hotline"] = data.hotline.strip()
    if data.day_start:
        options["day_start"] = data.day_start
    campaign = Campaign(kind=CampaignKind.NATIONAL.value, name=data.name.strip(),
                        state=SiteState.CLOSED.value, settings=options)
    session.add(campaign)
    session.flush()
    audit.record(session, NationalAction.CAMPAIGN_CREATED, actor_id=staff.id,
                 campaign_id=campaign.id, address=ctx.address, detail={"name": campaign.name})
    session.commit()
    return summary(session, registry, campaign.id)


def set_state(session: Session, ctx: RequestContext, registry: NationalRegistry,
              campaign_id: int, staff: Person, data: sch.NationalStateChange
              ) -> sch.NationalCampaignPublic:
    """Change the site state. Leaving `amphi` needs the amphitheatre paused first."""
    with registry.hold(campaign_id) as rt:
        if rt.run_status == RunStatus.RUNNING and data.state != SiteState.AMPHI.value:
            raise ApiError(409, "amphi_running",
                           "L'amphi est en cours : mettez-le d'abord en pause.", field="state")
        if data.state != rt.state:
            previous = rt.state
            session.get_one(Campaign, campaign_id).state = data.state
            audit.record(session, NationalAction.STATE_CHANGED, actor_id=staff.id,
                         campaign_id=campaign_id, address=ctx.address,
                         detail={"from": previous, "to": data.state})
            done = events.publish(session, NationalEvent.SITE_STATE,
                                  {"campaign_id": campaign_id, "state": data.state,
                                   "label": STATE_LABELS[data.state]}, campaign_id=campaign_id)
            session.commit()
            rt.mark("state", done.id)
            rt.state = data.state
            rt.generation += 1
    return summary(session, registry, campaign_id)


def set_day_slices(session: Session, ctx: RequestContext, registry: NationalRegistry,
                   campaign_id: int, staff: Person, rows: list[sch.NationalDaySliceIn]
                   ) -> list[sch.NationalDaySlice]:
    """Replace the day slices (rank ranges may not overlap)."""
    ordered = sorted(enumerate(rows), key=lambda item: item[1].rank_from)
    for i, row in enumerate(rows):
        if row.rank_to < row.rank_from:
            raise ApiError(422, "invalid_slice",
                           f"Tranche {i + 1} : le rang de fin précède le rang de début.",
                           field=f"[{i}].rank_to")
    for (_, a), (j, b) in zip(ordered, ordered[1:], strict=False):
        if b.rank_from <= a.rank_to:
            raise ApiError(422, "overlapping_slices",
                           f"Tranche {j + 1} : les rangs {b.rank_from}–{b.rank_to} "
                           f"chevauchent une autre tranche.", field=f"[{j}].rank_from")
    with registry.hold(campaign_id) as rt:
        if rt.state == SiteState.FINISHED:
            raise wrong_state(rt.state, set())
        for old in session.scalars(select(DaySlice).where(DaySlice.campaign_id == campaign_id)):
            session.delete(old)
        for _, row in ordered:
            session.add(DaySlice(campaign_id=campaign_id, day=row.day, rank_from=row.rank_from,
                                 rank_to=row.rank_to, starts_at=row.starts_at))
        audit.record(session, NationalAction.DAY_SLICES_SET, actor_id=staff.id,
                     campaign_id=campaign_id, address=ctx.address, detail={"count": len(rows)})
        done = events.publish(session, NationalEvent.OFFER_CHANGED,
                              {"campaign_id": campaign_id, "what": "day_slices"},
                              campaign_id=campaign_id)
        session.commit()
        rt.mark("reload", done.id)  # the other processes rebuild; this one has them already
        rt.slices = [SliceInfo(r.day, r.rank_from, r.rank_to, r.starts_at) for _, r in ordered]
        rt.generation += 1
        return [sch.NationalDaySlice(day=s.day, rank_from=s.rank_from, rank_to=s.rank_to,
                                     starts_at=s.starts_at) for s in rt.slices]


# --------------------------------------------------------------------------- reading files


OFFER_COLUMNS = {
    "subdivision": {"subdivision", "chu", "ville"},
    "specialty": {"specialite", "specialty", "discipline", "disciplinespecialite", "des"},
    "capacity": {"postes", "capacity", "capacite", "places", "nombredepostes", "nbpostes",
                 "offre"},
    "pool": {"pool", "contingent", "type", "offre cesp", "cesp"},
}
STUDENT_COLUMNS = {
    "rank": {"rang", "rank", "classement"},
    "last_name": {"nom", "nomdenaissance", "lastname"},
    "first_name": {"prenom", "firstname"},
    "birth_date": {"datedenaissance", "naissance", "birthdate", "nele", "datenaissance"},
    "ine": {"ine", "numeroine"},
    "birth_town": {"communedenaissance", "lieudenaissance", "villedenaissance", "birthtown"},
    "pool": {"pool", "contingent", "type", "cesp"},
}
COLUMN_LABELS = {"subdivision": "subdivision", "specialty": "spécialité", "capacity": "postes",
                 "rank": "rang", "last_name": "nom", "first_name": "prénom",
                 "birth_date": "date de naissance"}


def read_lines(filename: str, content: bytes, columns: dict[str, set[str]],
               required: tuple[str, ...]) -> list[Line]:
    """Data lines keyed by our column names. Raises 422 when a required column is absent."""
    return read_table(filename, content, columns, required, COLUMN_LABELS, MAX_LINES)


def _pool(value: str) -> str | None:
    k = _key(value)
    if k in ("", "general", "generale", "noncesp", "national", "ecn", "edn"):
        return "general"
    if k in ("cesp", "contrat", "contratdengagementdeservicepublic"):
        return "cesp"
    return None


def _require_import_state(state: str) -> None:
    if state not in IMPORT_STATES:
        raise wrong_state(state, IMPORT_STATES)


def _reject(rejected: list[sch.NationalRejectedLine], line: Line, reason: str) -> None:
    rejected.append(sch.NationalRejectedLine(line=line.number, reason=reason))


def _finish_import(session: Session, ctx: RequestContext, registry: NationalRegistry,
                   campaign_id: int, staff: Person, action: str,
                   report: sch.NationalImportReport) -> sch.NationalImportReport:
    if report.dry_run:
        session.rollback()
        return report
    audit.record(session, action, actor_id=staff.id, campaign_id=campaign_id,
                 address=ctx.address,
                 detail={"created": report.created, "updated": report.updated,
                         "rejected": len(report.rejected)})
    events.publish(session, NationalEvent.OFFER_CHANGED,
                   {"campaign_id": campaign_id,
                    "what": "offer" if action == NationalAction.OFFER_IMPORTED else "students"},
                   campaign_id=campaign_id)
    session.commit()
    registry.rebuild(campaign_id)
    return report


# --------------------------------------------------------------------------- the offer


def import_offer(session: Session, ctx: RequestContext, registry: NationalRegistry,
                 campaign_id: int, staff: Person, filename: str, content: bytes,
                 dry_run: bool) -> sch.NationalImportReport:
    """Create or update cells (capacity) from a file; cells not in the file are kept."""
    lines = read_lines(filename, content, OFFER_COLUMNS, ("subdivision", "specialty", "capacity"))
    with registry.hold(campaign_id) as rt:
        _require_import_state(rt.state)
        existing = {(c.pool, c.subdivision.casefold(), c.specialty.casefold()): c
                    for c in session.scalars(select(NationalCell).where(
                        NationalCell.campaign_id == campaign_id))}
        assigned = {c.assigned_cell for c in rt.cands.values() if c.assigned_cell}
        seen: dict[tuple[str, str, str], int] = {}
        rejected: list[sch.NationalRejectedLine] = []
        created = updated = 0
        for line in lines:
            v = line.values
            sub = " ".join(v.get("subdivision", "").split())
            spec = " ".join(v.get("specialty", "").split())
            pool = _pool(v.get("pool", ""))
            capacity = cell_int(v.get("capacity", ""))
            if not sub:
                _reject(rejected, line, "subdivision manquante")
            elif len(sub) > 60:
                _reject(rejected, line, "subdivision trop longue (60 caractères au plus)")
            elif not spec:
                _reject(rejected, line, "spécialité manquante")
            elif len(spec) > 120:
                _reject(rejected, line, "spécialité trop longue (120 caractères au plus)")
            elif pool is None:
                _reject(rejected, line, f"contingent inconnu « {v.get('pool')} » (attendu : "
                                        "vide, « général » ou « CESP »)")
            elif capacity is None or capacity > MAX_CAPACITY:
                _reject(rejected, line, f"nombre de postes invalide « {v.get('capacity')} » "
                                        f"(entier de 0 à {MAX_CAPACITY})")
            else:
                key = (pool, sub.casefold(), spec.casefold())
                if key in seen:
                    _reject(rejected, line, f"ligne en double : même subdivision et spécialité "
                                            f"que la ligne {seen[key]}")
                    continue
                seen[key] = line.number
                cell = existing.get(key)
                if cell is None:
                    session.add(NationalCell(campaign_id=campaign_id, pool=pool,
                                             subdivision=sub, specialty=spec,
                                             capacity=capacity))
                    created += 1
                elif cell.capacity != capacity:
                    if cell.id in assigned and capacity < sum(
                            1 for c in rt.cands.values() if c.assigned_cell == cell.id):
                        _reject(rejected, line, "moins de postes que d'étudiants déjà affectés")
                        continue
                    cell.capacity = capacity
                    updated += 1
        report = sch.NationalImportReport(dry_run=dry_run, lines=len(lines), created=created,
                                          updated=updated, rejected=rejected)
        return _finish_import(session, ctx, registry, campaign_id, staff,
                              NationalAction.OFFER_IMPORTED, report)


# --------------------------------------------------------------------------- ranked students


def import_students(session: Session, ctx: RequestContext, registry: NationalRegistry,
                    campaign_id: int, staff: Person, filename: str, content: bytes,
                    dry_run: bool) -> sch.NationalImportReport:
    """Create or update ranked students from a file.

    A line is matched to a known person by INE, else by names and birth date; unknown
    people become imported identities (they register later). Ranks stay unique in the
    campaign: a line may take the rank of a student it also re-ranks, not of another one.
    """
    lines = read_lines(filename, content, STUDENT_COLUMNS,
                       ("rank", "last_name", "first_name", "birth_date"))
    with registry.hold(campaign_id) as rt:
        _require_import_state(rt.state)
        people = list(session.scalars(select(Person)))
        by_ine = {normalize_ine(p.ine): p for p in people
                  if p.ine and normalize_ine(p.ine) != NO_INE}
        by_identity = {(normalize_name(p.last_name), normalize_name(p.first_name),
                        p.birth_date): p for p in people}
        cands = {c.person_id: c for c in session.scalars(select(NationalStudent).where(
            NationalStudent.campaign_id == campaign_id))}
        rejected: list[sch.NationalRejectedLine] = []
        accepted: list[tuple[Line, Person | None, int, str, date, str]] = []
        seen_rank: dict[int, int] = {}
        seen_person: dict[Any, int] = {}
        for line in lines:  # first pass: each line on its own
            v = line.values
            rank = cell_int(v.get("rank", ""))
            born = cell_date(v.get("birth_date", ""))
            last, first = v.get("last_name", "").strip(), v.get("first_name", "").strip()
            pool = _pool(v.get("pool", ""))
            ine = normalize_ine(v.get("ine"))
            if rank is None or rank < 1:
                _reject(rejected, line, f"rang invalide « {v.get('rank')} » (entier positif)")
            elif not last or not first or len(last) > 100 or len(first) > 100:
                _reject(rejected, line, "nom ou prénom manquant (ou trop long)")
            elif born is None:
                _reject(rejected, line, f"date de naissance invalide « {v.get('birth_date')} » "
                                        "(JJ/MM/AAAA ou AAAA-MM-JJ)")
            elif pool is None:
                _reject(rejected, line, f"contingent inconnu « {v.get('pool')} » (attendu : "
                                        "vide, « général » ou « CESP »)")
            elif len(ine) > 20:
                _reject(rejected, line, "numéro INE trop long")
            elif rank in seen_rank:
                _reject(rejected, line, f"rang {rank} en double (déjà ligne {seen_rank[rank]})")
            else:
                identity = (normalize_name(last), normalize_name(first), born)
                person = (by_ine.get(ine) if ine and ine != NO_INE else None) \
                    or by_identity.get(identity)
                who: Any = person.id if person is not None else identity
                if who in seen_person:
                    _reject(rejected, line, f"même étudiant que la ligne {seen_person[who]}")
                    continue
                seen_rank[rank] = line.number
                seen_person[who] = line.number
                accepted.append((line, person, rank, pool, born, ine))
        # Second pass: checks against the campaign. A rejected line keeps its student's
        # old rank, which may then refuse another line: repeat until nothing changes.
        survivors = []
        for item in accepted:
            line, person, rank, pool, _born, _ine = item
            cand = cands.get(person.id) if person is not None else None
            if cand is not None and cand.pool != pool and rt.cands[cand.id].wishes:
                _reject(rejected, line, "changement de contingent impossible : l'étudiant a "
                                        "déjà fait des vœux")
            elif cand is not None and cand.demoted_behind is not None \
                    and cand.demoted_behind <= rank:
                _reject(rejected, line, f"l'étudiant est déclassé derrière le rang "
                                        f"{cand.demoted_behind}, qui précède ce nouveau rang")
            else:
                survivors.append(item)
        while True:
            moving = {p.id for _, p, *_ in survivors if p is not None}
            held = {c.rank for pid, c in cands.items() if pid not in moving}
            kept = [item for item in survivors if item[2] not in held]
            if len(kept) == len(survivors):
                break
            for item in survivors:
                if item[2] in held:
                    _reject(rejected, item[0],
                            f"le rang {item[2]} est déjà attribué à un autre étudiant")
            survivors = kept
        participants = set(session.scalars(select(Participation.person_id).where(
            Participation.campaign_id == campaign_id, Participation.role == "student")))
        created = updated = 0
        for line, person, rank, pool, born, ine in survivors:
            cand = cands.get(person.id) if person is not None else None
            if person is None:
                v = line.values
                person = Person(role=Role.STUDENT.value, last_name=v["last_name"].strip(),
                                first_name=v["first_name"].strip(), birth_date=born,
                                birth_town=v.get("birth_town", "").strip()[:100] or None,
                                ine=ine if ine and ine != NO_INE else None)
                session.add(person)
                session.flush()
            if cand is None:
                session.add(NationalStudent(campaign_id=campaign_id, person_id=person.id,
                                            rank=rank, pool=pool, absent=False,
                                            wishes_version=0))
                if person.id not in participants:
                    session.add(Participation(campaign_id=campaign_id, person_id=person.id,
                                              role="student"))
                created += 1
            elif (cand.rank, cand.pool) != (rank, pool):
                cand.rank, cand.pool = rank, pool
                updated += 1
        session.flush()
        rejected.sort(key=lambda r: r.line)
        report = sch.NationalImportReport(dry_run=dry_run, lines=len(lines), created=created,
                                          updated=updated, rejected=rejected)
        return _finish_import(session, ctx, registry, campaign_id, staff,
                              NationalAction.STUDENTS_IMPORTED, report)
