"""National choice: the assignments exported for the agencies and the faculties (staff only).

During the amphitheatre and after it, every student who holds a post (he validated, was
absent and got his first feasible wish, or the agency assigned him), grouped by
subdivision, by faculty (UFR) or by specialty, then in rank order, with his rank and
which of his wishes he got. CSV (UTF-8 with a BOM, ";") or Excel, through
`core.spreadsheets`. The rows are read from the database, the authority on assignments.
Every export is audited: it carries personal data out of the system.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from server_stub.core import audit
from server_stub.core.clock import as_utc
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.models import Person
from server_stub.core.spreadsheets import Column, ExportFile, Format, export_file
from server_stub.national.common import POOL_LABELS, STATE_LABELS, NationalAction, SiteState
from server_stub.national.models import NationalCell, NationalStudent, Wish
from server_stub.national.runtime import NationalRegistry

EXPORT_STATES = frozenset({SiteState.AMPHI, SiteState.FINISHED})
NO_FACULTY = "UFR non renseignée"
HOW_LABELS = {
    "validated": "Choix validé",
    "auto_assigned": "Absent : premier vœu réalisable",
    "staff_assigned": "Affecté par l'agence",
}
GROUP_LABELS = {"subdivision": "subdivision", "faculty": "UFR", "specialty": "spécialité"}
FILE_WORDS = {"subdivision": "subdivision", "faculty": "ufr", "specialty": "specialite"}


@dataclass(frozen=True)
class AssignmentRow:
    """One student's assignment, as exported."""

    candidate_id: int
    subdivision: str
    specialty: str
    pool: str
    rank: int
    last_name: str
    first_name: str
    ine: str | None
    faculty: str
    wish_number: int | None
    how: str
    assigned_at: datetime | None


GROUP_COLUMNS = {
    "subdivision": Column("Subdivision", lambda r: r.subdivision),
    "specialty": Column("Spécialité", lambda r: r.specialty),
    "faculty": Column("UFR", lambda r: r.faculty),
}
OTHER_COLUMNS: Sequence[Column] = (
    Column("Rang", lambda r: r.rank),
    Column("Nom", lambda r: r.last_name),
    Column("Prénom", lambda r: r.first_name),
    Column("Numéro INE", lambda r: r.ine or ""),
    Column("Contingent", lambda r: POOL_LABELS.get(r.pool, r.pool)),
    Column("Vœu n°", lambda r: r.wish_number if r.wish_number is not None else ""),
    Column("Mode d'affectation", lambda r: HOW_LABELS.get(r.how, r.how)),
    Column("Affecté le (heure de Paris)", lambda r: r.assigned_at),
)


def columns(group_by: str) -> list[Column]:
    """The group's column first, then the other two of subdivision, specialty and UFR,
    then the student's."""
    first = GROUP_COLUMNS[group_by]
    return [first, *(c for key, c in GROUP_COLUMNS.items() if key != group_by), *OTHER_COLUMNS]


def assignment_rows(session: Session, campaign_id: int, group_by: str) -> list[AssignmentRow]:
    """Every assigned student of the campaign, by group (then rank)."""
    query = (
        select(NationalStudent, Person, NationalCell, Wish.position)
        .join(Person, Person.id == NationalStudent.person_id)
        .join(NationalCell, NationalCell.id == NationalStudent.assigned_cell_id)
        .outerjoin(Wish, and_(Wish.candidate_id == NationalStudent.id,
                              Wish.cell_id == NationalStudent.assigned_cell_id))
        .where(NationalStudent.campaign_id == campaign_id,
               NationalStudent.assigned_cell_id.is_not(None))
    )
    rows = [
        AssignmentRow(
            candidate_id=student.id, subdivision=cell.subdivision, specialty=cell.specialty,
            pool=student.pool, rank=student.rank, last_name=person.last_name,
            first_name=person.first_name, ine=person.ine,
            faculty=(person.faculty or "").strip() or NO_FACULTY,
            wish_number=position,  # 1-based in the table
            how=student.turn_outcome or "validated",
            assigned_at=as_utc(student.assigned_at) if student.assigned_at else None)
        for student, person, cell, position in session.execute(query)
    ]

    def key(row: AssignmentRow) -> tuple[bool, str, int, int]:
        group = getattr(row, group_by)
        return (group == NO_FACULTY, group.casefold(), row.rank, row.candidate_id)

    return sorted(rows, key=key)


def export_assignments(session: Session, ctx: RequestContext, registry: NationalRegistry,
                       campaign_id: int, staff: Person, group_by: str, fmt: Format
                       ) -> ExportFile:
    """The assignments as a file. Raises 404, 409 `wrong_site_state` before the amphi."""
    with registry.hold(campaign_id) as rt:
        state = rt.state
    if state not in EXPORT_STATES:
        raise ApiError(409, "wrong_site_state",
                       "Les affectations s'exportent pendant l'amphi et après (le site est : "
                       f"{STATE_LABELS.get(state, state)}).", field="state")
    rows = assignment_rows(session, campaign_id, group_by)
    group = GROUP_LABELS[group_by]
    out = export_file(columns(group_by), rows, fmt,
                      f"affectations-{campaign_id}-par-{FILE_WORDS[group_by]}",
                      f"Affectations par {group}")
    audit.record(session, NationalAction.ASSIGNMENTS_EXPORTED, actor_id=staff.id,
                 campaign_id=campaign_id, address=ctx.address,
                 detail={"group_by": group_by, "format": fmt, "rows": out.rows})
    session.commit()
    return out
