"""Matching: the agency's file imports — posts, supervisors and candidates of a wave.

Each import reads a CSV or XLSX file (`core.spreadsheets.read_table`: separators,
encodings, loose column names) and checks every line on its own; a line that is wrong
(missing or invalid value, duplicate of an earlier line, unknown person) is rejected
with its line number and a French reason, and changes nothing stored. The other lines
are imported — or only checked, with `dry_run` (nothing is written, no mail is sent).

Supervisors come first (their file creates the accounts and mails the invitations),
then the posts naming them by email, then the candidates (junior doctors already known
by INE or email: the agency imports the identities beforehand).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.accounts import NO_INE, lookup_email, normalize_email, normalize_ine
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Campaign, Participation, Person, Role
from server_stub.core.spreadsheets import Line, cell_int, column_key, read_table
from server_stub.matching.access import (
    STUDENT,
    SUPERVISOR,
    Action,
    load_campaign,
    require_open,
    require_staff,
    strip_controls,
)
from server_stub.matching.members import enrol, invitation_mail, new_member
from server_stub.matching.models import (
    Application,
    MatchingCandidate,
    MatchingPost,
    MatchingWave,
)
from server_stub.matching.schemas import MatchingImportReport, MatchingRejectedLine

MAX_LINES = 20_000
MAX_PLACES = 100

LABELS = {
    "number": "numéro", "specialty": "spécialité", "option": "option", "post_type": "type",
    "duration": "durée", "offset": "semestre décalé", "label": "libellé",
    "indication": "indication", "establishment": "établissement",
    "subdivision": "subdivision", "places": "places", "supervisor": "adresse du RTS",
    "second_supervisor": "adresse du second RTS", "second_access": "accès du second RTS",
    "validated": "validé par l'ARS", "description": "description", "last_name": "nom",
    "first_name": "prénom", "email": "adresse électronique", "ine": "INE",
}
POST_COLUMNS = {
    "number": {"numero", "n", "no", "nposte", "numeroposte", "numeroduposte", "numposte",
               "number"},
    "specialty": {"specialite", "specialty", "discipline", "des"},
    "option": {"option"},
    "post_type": {"type", "typedeposte", "typeposte", "posttype"},
    "duration": {"duree", "dureemois", "dureeenmois", "duration", "durationmonths"},
    "offset": {"decale", "semestredecale", "offset", "offsetsemester"},
    "label": {"libelle", "intitule", "label", "libelleduposte"},
    "indication": {"indication"},
    "establishment": {"etablissement", "establishment"},
    "subdivision": {"subdivision"},
    "places": {"places", "nombredeplaces", "nbplaces", "postes", "nombredepostes"},
    "supervisor": {"rts", "adresserts", "emailrts", "courrielrts", "mailrts", "responsable",
                   "emailresponsable", "supervisoremail"},
    "second_supervisor": {"secondrts", "adressesecondrts", "emailsecondrts",
                          "secondresponsable", "secondsupervisoremail"},
    "second_access": {"accessecondrts", "accessecond", "accesdusecondrts",
                      "secondsupervisoraccess"},
    "validated": {"valideparlars", "validears", "valide", "validated", "validation"},
    "description": {"description"},
}
SUPERVISOR_COLUMNS = {
    "last_name": {"nom", "lastname", "nomdusage"},
    "first_name": {"prenom", "firstname"},
    "email": {"email", "courriel", "adresse", "adresseelectronique", "mail", "adressemail"},
}
CANDIDATE_COLUMNS = {
    "ine": {"ine", "numeroine"},
    "email": {"email", "courriel", "adresseelectronique", "mail", "adressemail"},
    "specialty": {"specialite", "specialty", "discipline", "des"},
    "subdivision": {"subdivision"},
    "offset": {"decale", "semestredecale", "offset", "offsetsemester"},
}

_YES = {"oui", "o", "yes", "y", "vrai", "true", "1", "x"}
_NO = {"", "non", "n", "no", "faux", "false", "0"}
_TYPES = {"simple": "simple", "couple": "couplé", "mixte": "mixte"}
_ACCESS = {"": "read", "lecture": "read", "read": "read", "consultation": "read",
           "classement": "rank", "rank": "rank", "classer": "rank"}


def _yes_no(value: str) -> bool | None:
    k = column_key(value)
    return True if k in _YES else False if k in _NO else None


def _duration(value: str) -> int | None:
    k = column_key(value)
    if k in ("", "12", "12mois", "1an", "an", "annuel"):
        return 12
    if k in ("6", "6mois", "semestre", "semestriel"):
        return 6
    return None


class MatchingImportAction:
    SUPERVISORS = "matching_supervisors_imported"
    POSTS = Action.POSTS_IMPORTED
    CANDIDATES = Action.CANDIDATES_IMPORTED


@dataclass
class _Report:
    lines: int
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    invited: int = 0
    rejected: list[MatchingRejectedLine] = field(default_factory=list)

    def reject(self, line: Line, reason: str) -> None:
        self.rejected.append(MatchingRejectedLine(line=line.number, reason=reason))

    def write(self, row: object, values: dict[str, object], *, new: bool) -> bool:
        """Set `values` on `row` (counted created, updated or unchanged); False when the
        row already held them."""
        if new:
            self.created += 1
        elif all(getattr(row, k) == v for k, v in values.items()):
            self.unchanged += 1
            return False
        else:
            self.updated += 1
        for name, value in values.items():
            setattr(row, name, value)
        return True

    def public(self) -> MatchingImportReport:
        return MatchingImportReport(dry_run=self.dry_run, lines=self.lines, created=self.created,
                                    updated=self.updated, unchanged=self.unchanged,
                                    invited=self.invited,
                                    rejected=sorted(self.rejected, key=lambda r: r.line))


def _wave(session: Session, staff: Person, wave_id: int) -> tuple[MatchingWave, Campaign]:
    require_staff(staff)
    wave = session.get(MatchingWave, wave_id)
    if wave is None:
        raise not_found("Vague introuvable.")
    campaign = load_campaign(session, wave.campaign_id, staff)
    require_open(campaign)
    return wave, campaign


def _finish(session: Session, ctx: RequestContext, staff: Person, campaign: Campaign,
            action: str, report: _Report, detail: dict[str, object]) -> MatchingImportReport:
    if report.dry_run:
        session.rollback()  # (mails wait for a commit: none goes out)
        return report.public()
    audit.record(session, action, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address,
                 detail={**detail, "created": report.created, "updated": report.updated,
                         "rejected": len(report.rejected)})
    events.publish(session, "matching_setup_changed",
                   {"campaign_id": campaign.id, "what": action}, campaign_id=campaign.id)
    session.commit()
    return report.public()


def _text(v: dict[str, str], key: str, limit: int) -> str | None:
    """The cell's text, or None when it is longer than `limit`."""
    text = strip_controls(v.get(key, "")) or ""
    return None if len(text) > limit else text


# --------------------------------------------------------------------------- supervisors


def import_supervisors(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                       filename: str, content: bytes, dry_run: bool) -> MatchingImportReport:
    """Supervisors (nom, prénom, adresse): accounts for unknown addresses, the supervisor's
    part in the campaign, and an invitation mailed to each newcomer to the campaign."""
    require_staff(staff)
    campaign = load_campaign(session, campaign_id, staff)
    require_open(campaign)
    lines = read_table(filename, content, SUPERVISOR_COLUMNS, ("last_name", "first_name",
                                                               "email"), LABELS, MAX_LINES)
    report = _Report(len(lines), dry_run)
    seen: dict[str, int] = {}
    invite: list[Person] = []
    for line in lines:
        v = line.values
        last, first = _text(v, "last_name", 100), _text(v, "first_name", 100)
        if not last or not first:
            report.reject(line, "nom ou prénom manquant (ou trop long : 100 caractères au plus)")
            continue
        try:
            email = normalize_email(v.get("email", ""))
        except ApiError:
            report.reject(line, f"adresse électronique invalide « {v.get('email', '')} »")
            continue
        if email in seen:
            report.reject(line, f"adresse en double (déjà ligne {seen[email]})")
            continue
        seen[email] = line.number
        person = session.scalar(select(Person).where(Person.email == email))
        if person is not None and person.role == Role.STUDENT.value and person.registered:
            report.reject(line, "cette adresse est celle du compte d'un interne")
            continue
        newcomer = person is None
        if person is None:
            person = new_member(session, email, first, last, Role.SUPERVISOR.value)
            report.created += 1
        if enrol(session, campaign, person, SUPERVISOR):
            invite.append(person)
            report.updated += 0 if newcomer else 1  # a known account, now a supervisor here
        else:
            report.unchanged += 1
    if not dry_run:
        for person in invite:
            invitation_mail(ctx, session, campaign, person, SUPERVISOR)
    report.invited = len(invite)
    return _finish(session, ctx, staff, campaign, MatchingImportAction.SUPERVISORS, report, {})


# --------------------------------------------------------------------------- posts


def _post_values(v: dict[str, str], reject: Callable[[str], None],
                 people: Callable[[str], Person | None]) -> dict[str, object] | None:
    """A post line's values as the model's fields, or None (after `reject`) when wrong."""
    number = _text(v, "number", 20)
    specialty = _text(v, "specialty", 120)
    label = _text(v, "label", 200)
    establishment = _text(v, "establishment", 200)
    subdivision = _text(v, "subdivision", 60)
    option = _text(v, "option", 120)
    indication = _text(v, "indication", 2000)
    for value, name, limit in ((number, "numéro", 20), (specialty, "spécialité", 120),
                               (label, "libellé", 200), (establishment, "établissement", 200),
                               (subdivision, "subdivision", 60)):
        if value is None:
            reject(f"{name} trop long ({limit} caractères au plus)")
            return None
        if not value:
            reject(f"{name} manquant")
            return None
    if option is None or indication is None:
        reject("option ou indication trop longue")
        return None
    post_type = _TYPES.get(column_key(v.get("post_type", "")) or "simple")
    if post_type is None:
        reject(f"type de poste inconnu « {v.get('post_type')} » (simple, couplé ou mixte)")
        return None
    duration = _duration(v.get("duration", ""))
    if duration is None:
        reject(f"durée invalide « {v.get('duration')} » (6 ou 12 mois)")
        return None
    offset = _yes_no(v.get("offset", ""))
    if offset is None:
        reject(f"semestre décalé : « {v.get('offset')} » n'est ni oui ni non")
        return None
    places = cell_int(v.get("places", "") or "1")
    if places is None or places > MAX_PLACES:
        reject(f"nombre de places invalide « {v.get('places')} » (entier de 0 à {MAX_PLACES})")
        return None
    access = _ACCESS.get(column_key(v.get("second_access", "")))
    if access is None:
        reject(f"accès du second RTS inconnu « {v.get('second_access')} » "
               "(lecture ou classement)")
        return None
    sup_email = v.get("supervisor", "").strip()
    supervisor = people(sup_email) if sup_email else None
    if supervisor is None:
        reject(f"aucun RTS connu n'a l'adresse « {sup_email} » (importez d'abord les RTS)"
               if sup_email else "adresse du RTS manquante")
        return None
    second_email = v.get("second_supervisor", "").strip()
    second = people(second_email) if second_email else None
    if second_email and second is None:
        reject(f"aucun RTS connu n'a l'adresse « {second_email} » (second RTS)")
        return None
    if post_type != "simple" and second is None:
        reject(f"un poste {post_type} a un second RTS : indiquez son adresse")
        return None
    if second is not None and second.id == supervisor.id:
        reject("le second RTS est le RTS lui-même")
        return None
    out: dict[str, object] = {
        "number": number, "specialty": specialty, "option": option or None,
        "post_type": post_type, "duration_months": duration, "offset_semester": offset,
        "label": label, "indication": indication or None, "establishment": establishment,
        "subdivision": subdivision, "places": places, "supervisor_id": supervisor.id,
        "second_supervisor_id": second.id if second else None,
        "second_supervisor_access": access,
    }
    if "validated" in v:
        validated = _yes_no(v["validated"])
        if validated is None:
            reject(f"validé par l'ARS : « {v['validated']} » n'est ni oui ni non")
            return None
        out["validated"] = validated
    if "description" in v and v["description"].strip():
        out["description"] = (strip_controls(v["description"]) or "")[:10_000]
    return out


def import_posts(session: Session, ctx: RequestContext, staff: Person, wave_id: int,
                 filename: str, content: bytes, dry_run: bool) -> MatchingImportReport:
    """Create or update (same number in the wave) the wave's posts from a file.

    A post's supervisors are named by email and must be known (the supervisors' file);
    the « validé par l'ARS » column, when present, sets the validation.
    """
    wave, campaign = _wave(session, staff, wave_id)
    lines = read_table(filename, content, POST_COLUMNS,
                       ("number", "specialty", "label", "establishment", "subdivision",
                        "supervisor"), LABELS, MAX_LINES)
    emails = {lookup_email(line.values.get(k, "")) for line in lines
              for k in ("supervisor", "second_supervisor")} - {""}
    people = {p.email: p for p in session.scalars(select(Person).where(Person.email.in_(emails)))}
    existing = {p.number.casefold(): p for p in session.scalars(select(MatchingPost).where(
        MatchingPost.wave_id == wave.id))}
    supervisors = set(session.scalars(select(Participation.person_id).where(
        Participation.campaign_id == campaign.id, Participation.role == SUPERVISOR)))
    report = _Report(len(lines), dry_run)
    seen: dict[str, int] = {}
    for line in lines:
        def reject(reason: str, line: Line = line) -> None:
            report.reject(line, reason)

        values = _post_values(line.values, reject, lambda e: people.get(lookup_email(e)))
        if values is None:
            continue
        key = str(values["number"]).casefold()
        if key in seen:
            report.reject(line, f"numéro de poste en double (déjà ligne {seen[key]})")
            continue
        seen[key] = line.number
        post = existing.get(key)
        if post is None:
            post = MatchingPost(campaign_id=campaign.id, wave_id=wave.id, validated=False)
            session.add(post)
        if not report.write(post, values, new=key not in existing):
            continue
        for pid in (values["supervisor_id"], values["second_supervisor_id"]):
            if isinstance(pid, int) and pid not in supervisors:
                supervisors.add(pid)
                session.add(Participation(campaign_id=campaign.id, person_id=pid,
                                          role=SUPERVISOR))
    session.flush()
    return _finish(session, ctx, staff, campaign, MatchingImportAction.POSTS, report,
                   {"wave_id": wave.id})


# --------------------------------------------------------------------------- candidates


def import_candidates(session: Session, ctx: RequestContext, staff: Person, wave_id: int,
                      filename: str, content: bytes, dry_run: bool) -> MatchingImportReport:
    """Add junior doctors (found by INE, else by email) to the wave, or update them.

    A candidate who already applied in another wave of the campaign cannot move.
    """
    wave, campaign = _wave(session, staff, wave_id)
    lines = read_table(filename, content, CANDIDATE_COLUMNS, ("specialty", "subdivision"),
                       LABELS, MAX_LINES)
    if lines and not any(k in lines[0].values for k in ("ine", "email")):
        raise ApiError(422, "missing_column",
                       "Colonne obligatoire absente de la première ligne : « INE » ou "
                       "« adresse électronique ».", field="file")
    existing = {c.person_id: c for c in session.scalars(select(MatchingCandidate).where(
        MatchingCandidate.campaign_id == campaign.id))}
    applied = set(session.scalars(select(Application.candidate_id).distinct()
                                  .join(MatchingCandidate,
                                        MatchingCandidate.id == Application.candidate_id)
                                  .where(MatchingCandidate.campaign_id == campaign.id)))
    students = set(session.scalars(select(Participation.person_id).where(
        Participation.campaign_id == campaign.id, Participation.role == STUDENT)))
    report = _Report(len(lines), dry_run)
    seen: dict[int, int] = {}
    for line in lines:
        v = line.values
        ine = normalize_ine(v.get("ine"))
        email = lookup_email(v.get("email", ""))
        specialty, subdivision = _text(v, "specialty", 120), _text(v, "subdivision", 60)
        offset = _yes_no(v.get("offset", ""))
        if not specialty or not subdivision:
            report.reject(line, "spécialité ou subdivision manquante (ou trop longue)")
            continue
        if offset is None:
            report.reject(line, f"semestre décalé : « {v.get('offset')} » n'est ni oui ni non")
            continue
        person = None
        if ine and ine != NO_INE:
            person = session.scalar(select(Person).where(Person.ine == ine))
        if person is None and email:
            person = session.scalar(select(Person).where(Person.email == email))
        if person is None:
            report.reject(line, "aucun interne connu n'a cet INE ni cette adresse (importez "
                                "d'abord les identités)" if ine or email
                          else "INE et adresse manquants")
            continue
        if person.id in seen:
            report.reject(line, f"même interne que la ligne {seen[person.id]}")
            continue
        seen[person.id] = line.number
        candidate = existing.get(person.id)
        if candidate is not None and candidate.wave_id != wave.id and candidate.id in applied:
            report.reject(line, "cet interne a déjà candidaté dans une autre vague")
            continue
        values = {"wave_id": wave.id, "specialty": specialty, "subdivision": subdivision,
                  "offset_semester": offset}
        new = candidate is None
        if candidate is None:
            candidate = MatchingCandidate(campaign_id=campaign.id, person_id=person.id)
            session.add(candidate)
            existing[person.id] = candidate
        if not report.write(candidate, values, new=new):
            continue
        if person.id not in students:
            students.add(person.id)
            session.add(Participation(campaign_id=campaign.id, person_id=person.id,
                                      role=STUDENT))
    session.flush()
    return _finish(session, ctx, staff, campaign, MatchingImportAction.CANDIDATES, report,
                   {"wave_id": wave.id})
