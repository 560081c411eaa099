"""Matching: exports of any filtered coordinator view (students, posts, results) to CSV or Excel.

The rows are exactly those of the dashboard with the same filters (all of them, not one
page). Headers are the French column names coordinators know. CSV is UTF-8 with a BOM and
";" separators (what French Excel opens directly); Excel files are written in openpyxl's
streaming mode, with real dates shown in Paris time. Every export is audited: it carries
personal data out of the system.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from server_stub.core import audit
from server_stub.core.context import RequestContext
from server_stub.core.models import Person
from server_stub.core.spreadsheets import (
    MEDIA_TYPES,
    Column,
    ExportFile,
    Format,
    paris_time,
    yes_no,
)
from server_stub.core.spreadsheets import export_file as _file
from server_stub.matching.access import (
    Action,
    load_campaign,
    region_of,
    require_staff_side,
    roles_in,
)
from server_stub.matching.dashboards import post_rows, student_rows
from server_stub.matching.rounds import result_rows
from server_stub.matching.schemas import (
    PostDashboardFilter,
    PostRow,
    ResultFilter,
    ResultRow,
    StudentFilter,
    StudentRow,
)

# The writers live in core.spreadsheets (the national exports use them too); the routes
# and the bench still read these names here.
__all__ = ["MEDIA_TYPES", "POST_COLUMNS", "RESULT_COLUMNS", "STUDENT_COLUMNS", "ExportFile",
           "Format", "export_posts", "export_results", "export_students"]


def _name(p: Any) -> str:
    return f"{p.first_name} {p.last_name}" if p is not None else ""


STUDENT_COLUMNS: Sequence[Column] = (
    Column("Nom", lambda r: r.last_name),
    Column("Prénom", lambda r: r.first_name),
    Column("Email", lambda r: r.email or ""),
    Column("Subdivision", lambda r: r.subdivision),
    Column("Région", lambda r: r.region or ""),
    Column("Spécialité", lambda r: r.specialty),
    Column("Numéro INE", lambda r: r.ine or ""),
    Column("Connexion", lambda r: r.last_seen_at),
    Column("Nombre de candidatures", lambda r: r.applications),
    Column("Candidatures requises", lambda r: r.required),
    Column("Nombre de candidatures suffisantes", lambda r: yes_no(r.enough)),
    Column("Participation campagne appariement courante", lambda r: yes_no(r.participating)),
    Column("Semestre décalé", lambda r: yes_no(r.offset_semester)),
    Column("Affectation", lambda r: yes_no(r.assigned_post is not None)),
    Column("Tour d'affectation", lambda r: r.assigned_round or ""),
    Column("Poste affecté", lambda r: r.assigned_post.label if r.assigned_post else ""),
    Column("Établissement affecté",
           lambda r: r.assigned_post.establishment if r.assigned_post else ""),
)

POST_COLUMNS: Sequence[Column] = (
    Column("Numéro terrain", lambda r: r.number),
    Column("Nom", lambda r: r.label),
    Column("Indication poste", lambda r: r.indication or ""),
    Column("Spécialité d'appel", lambda r: r.specialty),
    Column("Établissement", lambda r: r.establishment),
    Column("Région", lambda r: r.region or ""),
    Column("Subdivision", lambda r: r.subdivision),
    Column("RTS", lambda r: _name(r.supervisor)),
    Column("Email RTS", lambda r: r.supervisor.email or "" if r.supervisor else ""),
    Column("Type de poste", lambda r: r.post_type.capitalize()),
    Column("Nombre de mois", lambda r: r.duration_months),
    Column("Nombre de places", lambda r: r.places),
    Column("Places restantes", lambda r: r.remaining_places),
    Column("Nombre de candidatures", lambda r: r.applications),
    Column("Nombre d'affectations", lambda r: r.assignments),
    Column("Connexion", lambda r: r.supervisor_last_seen_at),
    Column("Classement valide", lambda r: yes_no(r.ranking_valid)),
    Column("Décalé", lambda r: yes_no(r.offset_semester)),
    Column("Poste validé par l'ARS", lambda r: yes_no(r.validated)),
    Column("Derniers changements",
           lambda r: f"{r.last_change_by} le {paris_time(r.last_change_at):%d/%m/%Y %H:%M:%S}"
           if r.last_change_at and r.last_change_by else "Aucun changement"),
)

RESULT_COLUMNS: Sequence[Column] = (
    Column("Vague", lambda r: r.wave_name),
    Column("Tour", lambda r: r.round_number),
    Column("Publié", lambda r: yes_no(r.published)),
    Column("Région", lambda r: region_of(r.candidate.subdivision) or ""),
    Column("Subdivision", lambda r: r.candidate.subdivision),
    Column("Spécialité", lambda r: r.candidate.specialty),
    Column("Prénom étudiant", lambda r: r.candidate.first_name),
    Column("Nom étudiant", lambda r: r.candidate.last_name),
    Column("Numéro INE", lambda r: r.candidate.ine or ""),
    Column("Décalage", lambda r: yes_no(r.candidate.offset_semester)),
    Column("Numéro terrain", lambda r: r.post.number if r.post else ""),
    Column("Nom terrain", lambda r: r.post.label if r.post else ""),
    Column("Indication poste", lambda r: (r.post.indication or "") if r.post else ""),
    Column("Établissement", lambda r: r.post.establishment if r.post else ""),
    Column("Subdivision du poste", lambda r: r.post.subdivision if r.post else ""),
    Column("Durée du poste en mois", lambda r: r.post.duration_months if r.post else ""),
    Column("Spécialité d'appel", lambda r: r.post.specialty if r.post else ""),
    Column("Prénom RTS", lambda r: r.post.supervisor.first_name
           if r.post and r.post.supervisor else ""),
    Column("Nom RTS", lambda r: r.post.supervisor.last_name
           if r.post and r.post.supervisor else ""),
    Column("Poste décalé", lambda r: yes_no(r.post.offset_semester) if r.post else ""),
    Column("Saisie", lambda r: "Manuelle" if r.source == "manual" else "Calculée"),
)


def _audit(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int, view: str,
           fmt: str, rows: int) -> None:
    audit.record(session, Action.EXPORTED, actor_id=viewer.id, campaign_id=campaign_id,
                 address=ctx.address, detail={"view": view, "format": fmt, "rows": rows})
    session.commit()


def export_students(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                    f: StudentFilter, fmt: Format) -> ExportFile:
    rows: list[StudentRow] = student_rows(session, viewer, campaign_id, f)
    out = _file(STUDENT_COLUMNS, rows, fmt, f"appariement-{campaign_id}-etudiants", "Étudiants")
    _audit(session, ctx, viewer, campaign_id, "students", fmt, out.rows)
    return out


def export_posts(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                 f: PostDashboardFilter, fmt: Format) -> ExportFile:
    rows: list[PostRow] = post_rows(session, viewer, campaign_id, f)
    out = _file(POST_COLUMNS, rows, fmt, f"appariement-{campaign_id}-postes", "Postes")
    _audit(session, ctx, viewer, campaign_id, "posts", fmt, out.rows)
    return out


def export_results(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                   f: ResultFilter, fmt: Format) -> ExportFile:
    campaign = load_campaign(session, campaign_id, viewer)
    require_staff_side(roles_in(session, campaign, viewer))
    rows: list[ResultRow] = result_rows(session, campaign, viewer, f)
    out = _file(RESULT_COLUMNS, rows, fmt, f"appariement-{campaign_id}-resultats", "Résultats")
    _audit(session, ctx, viewer, campaign_id, "results", fmt, out.rows)
    return out
