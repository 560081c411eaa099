"""The call list (« liste d'appel ») of an amphitheatre, from `engine.ranks.call_order`.

Always computed from the current data (no stored copy), so the list staff download, the
one interns read and the live queue's starting order agree. The normal seniority of each
cohort comes from the campaign (`settings["normal_seniority"]`); without it, each cohort's
highest seniority among the interns stands in.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.amphi.models import Amphi, AmphiSession, Intern
from server_stub.amphi.schemas import CallListEntry
from server_stub.core.clock import as_utc
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, Person
from server_stub.engine import ranks


@dataclass(frozen=True)
class Ranked:
    """One intern's place in the call order."""

    intern: Intern
    call_rank: int
    theoretical_cohort: int
    theoretical_cohort_size: int
    updated_rank: float


def normal_seniority(campaign: Campaign, interns: list[Intern]) -> dict[str, int]:
    configured = (campaign.settings or {}).get("normal_seniority")
    if configured:
        return {str(k): int(v) for k, v in configured.items()}
    highest: dict[int, int] = defaultdict(int)
    for i in interns:
        highest[i.cohort] = max(highest[i.cohort], i.seniority)
    return {str(c): s for c, s in highest.items()}


def rank_interns(campaign: Campaign, interns: list[Intern]) -> list[Ranked]:
    """Call order of these interns (they form the theoretical cohorts' population)."""
    if not interns:
        return []
    instance = {
        "normal_seniority": normal_seniority(campaign, interns),
        "students": [{"id": str(i.id), "cohort": i.cohort, "seniority": i.seniority,
                      "local_rank": i.local_rank, "local_cohort_size": i.local_cohort_size}
                     for i in interns],
    }
    try:
        result = ranks.call_order(instance)
    except ValueError as exc:  # data the imports should have refused
        raise ApiError(409, "invalid_call_list",
                       f"La liste d'appel ne peut pas être calculée : {exc}.") from exc
    by_id = {str(i.id): i for i in interns}
    out = []
    for sid in result["order"]:
        row = result["students"][sid]
        out.append(Ranked(by_id[sid], row["call_rank"], row["theoretical_cohort"],
                          row["cohort_size"], row["updated_rank"]))
    return out


def amphi_interns(session: Session, amphi: Amphi) -> list[Intern]:
    return list(session.scalars(select(Intern).where(Intern.amphi_id == amphi.id)))


def call_order(session: Session, amphi: Amphi) -> list[Ranked]:
    campaign = session.get(Campaign, amphi.campaign_id)
    assert campaign is not None
    return rank_interns(campaign, amphi_interns(session, amphi))


def call_list(session: Session, amphi: Amphi) -> list[CallListEntry]:
    """Every intern of the amphitheatre in call order, with his sitting."""
    ranked = call_order(session, amphi)
    people = {p.id: p for p in session.scalars(select(Person).where(
        Person.id.in_([r.intern.person_id for r in ranked])))}
    sittings = list(session.scalars(select(AmphiSession).where(AmphiSession.amphi_id == amphi.id)
                                    .order_by(AmphiSession.rank_from)))
    out = []
    for r in ranked:
        i = r.intern
        person = people[i.person_id]
        no, starts = None, None
        for n, s in enumerate(sittings, start=1):
            if s.rank_from <= r.call_rank <= s.rank_to:
                no, starts = n, as_utc(s.starts_at)
                break
        out.append(CallListEntry(
            call_rank=r.call_rank, intern_id=i.id, last_name=person.last_name,
            first_name=person.first_name, des=i.des, des_label=i.des_label,
            seniority=i.seniority, cohort=i.cohort, local_cohort_size=i.local_cohort_size,
            local_rank=i.local_rank, theoretical_cohort=r.theoretical_cohort,
            theoretical_cohort_size=r.theoretical_cohort_size, updated_rank=r.updated_rank,
            updated_rank_display=ranks.display_rank(r.updated_rank),
            planned_absence=i.planned_absence,
            choice_type=i.supernumerary,  # type: ignore[arg-type]
            session_no=no, session_starts_at=starts,
        ))
    return out


CSV_HEADERS = ["Rang appel", "Nom", "Prénom", "DES", "Libellé DES", "Ancienneté", "Promotion",
               "Effectif promo local", "Rang local", "Promotion théorique",
               "Effectif promo théorique", "Rang actualisé", "Absence prévue", "Type de choix",
               "Session"]


def csv_rows(entries: list[CallListEntry]) -> list[list[str]]:
    return [[str(e.call_rank), e.last_name, e.first_name, e.des, e.des_label, str(e.seniority),
             str(e.cohort), str(e.local_cohort_size), str(e.local_rank),
             str(e.theoretical_cohort), str(e.theoretical_cohort_size),
             e.updated_rank_display.replace(".", ","), "Oui" if e.planned_absence else "",
             e.choice_type, str(e.session_no or "")] for e in entries]


def to_csv(entries: list[CallListEntry]) -> bytes:
    """Semicolon-separated UTF-8 with a BOM: what French spreadsheet software opens as is."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_HEADERS)
    writer.writerows(csv_rows(entries))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
