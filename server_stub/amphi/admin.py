"""Staff set-up of an amphitheatre choice: campaigns, amphitheatres and their sessions,
imports of interns, services and posts (CSV or XLSX, with the rejected lines reported),
the bell's messages and the call list files.

Imports keep every good line and report each rejected one with its reason; the good lines
are written in one transaction. An amphitheatre gathers the campaign's interns and posts
of its specialty group and phase (a post's phase comes from its training regime), or
those an import names explicitly (column `amphi`).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from server_stub.amphi.call_list import call_list, to_csv
from server_stub.amphi.common import (
    LIVE_STATES,
    PHASE_LABELS,
    Audit,
    amphi_public,
    amphis_public,
    get_amphi,
    get_amphi_campaign,
    lock_amphi,
)
from server_stub.amphi.models import (
    Amphi,
    AmphiMessage,
    AmphiPost,
    AmphiSession,
    AmphiState,
    ChoiceType,
    Intern,
    Service,
)
from server_stub.amphi.pdf import call_list_pdf
from server_stub.amphi.posts import fold
from server_stub.amphi.schemas import (
    AmphiCampaignCreate,
    AmphiCreate,
    AmphiMessageIn,
    AmphiMessagePublic,
    AmphiPublic,
    AmphiSessionIn,
    ImportReport,
    RejectedLine,
)
from server_stub.core import audit, events
from server_stub.core.accounts import NO_INE, normalize_ine, normalize_name
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError
from server_stub.core.models import Campaign, Participation, Person, Role
from server_stub.core.schemas import CampaignPublic
from server_stub.core.text import import_cell

STARTED = (*LIVE_STATES, AmphiState.FINISHED.value)
MAX_IMPORT_LINES = 20_000


# --------------------------------------------------------------------------- campaigns


def create_campaign(session: Session, ctx: RequestContext, staff: Person,
                    data: AmphiCampaignCreate) -> CampaignPublic:
    """A semester's regional campaign; its normal seniorities drive the call lists."""
    campaign = Campaign(kind="amphi", name=data.name.strip(),
                        region=(data.region or "").strip() or None, state="open",
                        settings={"semester": data.semester.strip(),
                                  "normal_seniority": dict(data.normal_seniority)})
    session.add(campaign)
    session.flush()
    audit.record(session, Audit.CAMPAIGN_CREATED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"name": campaign.name})
    session.commit()
    return CampaignPublic(id=campaign.id, kind="amphi", name=campaign.name,
                          region=campaign.region, state=campaign.state)


def phase_of(value: str) -> str | None:
    """"Phase d'approfondissement", "approfondissement" → "approfondissement"."""
    folded = fold(value)
    return next((p for p in PHASE_LABELS if p in folded), None)


def list_amphis(session: Session, campaign_id: int | None) -> list[AmphiPublic]:
    query = select(Amphi).order_by(Amphi.campaign_id, Amphi.id)
    if campaign_id is not None:
        query = query.where(Amphi.campaign_id == campaign_id)
    return amphis_public(session, list(session.scalars(query)))


def create_amphi(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                 data: AmphiCreate) -> AmphiPublic:
    """Create an amphitheatre; the campaign's interns and posts of its group and phase that
    belong to no amphitheatre yet join it. Raises 404, 409 `amphi_exists`."""
    campaign = get_amphi_campaign(session, campaign_id)
    group = data.specialty_group.strip()
    same = [a for a in session.scalars(select(Amphi).where(Amphi.campaign_id == campaign.id))
            if fold(a.specialty_group) == fold(group) and a.phase == data.phase]
    if same:
        raise ApiError(409, "amphi_exists",
                       f"Un amphithéâtre existe déjà pour ce groupe et cette phase : "
                       f"« {same[0].name} ».")
    amphi = Amphi(campaign_id=campaign.id, name=data.name.strip(), specialty_group=group,
                  phase=data.phase, state=AmphiState.NOT_VALIDATED.value)
    session.add(amphi)
    session.flush()
    for intern in session.scalars(select(Intern).where(Intern.campaign_id == campaign.id,
                                                       Intern.amphi_id.is_(None))):
        if fold(intern.specialty_group) == fold(group) and intern.phase == data.phase:
            intern.amphi_id = amphi.id
    for post in session.scalars(
            select(AmphiPost).join(Service, Service.id == AmphiPost.service_id)
            .where(Service.campaign_id == campaign.id, AmphiPost.amphi_id.is_(None))):
        if fold(post.specialty_group) == fold(group) and phase_of(post.regime) == data.phase:
            post.amphi_id = amphi.id
    audit.record(session, Audit.AMPHI_CREATED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"amphi_id": amphi.id, "name": amphi.name})
    session.commit()
    return amphi_public(session, amphi)


def set_sessions(session: Session, ctx: RequestContext, staff: Person, amphi_id: int,
                 rows: list[AmphiSessionIn]) -> AmphiPublic:
    """Replace the cut into sessions: consecutive rank ranges from 1, in time order.

    Times without a time zone are read as UTC. Raises 404, 409 `amphi_started`, 422.
    """
    amphi = lock_amphi(session, amphi_id)
    if amphi.state in STARTED:
        raise ApiError(409, "amphi_started",
                       "L'amphithéâtre est lancé : ses sessions ne se modifient plus.")
    expected = 1
    previous_end: datetime | None = None
    for n, row in enumerate(rows):
        where = f"[{n}]"
        starts, ends = as_utc(row.starts_at), as_utc(row.ends_at)
        if ends <= starts:
            raise ApiError(422, "invalid_request",
                           f"Session {n + 1} : la fin doit suivre le début.",
                           field=f"{where}.ends_at")
        if row.rank_from != expected or row.rank_to < row.rank_from:
            raise ApiError(422, "invalid_request",
                           f"Session {n + 1} : les rangs doivent aller de {expected} à un rang "
                           "supérieur ou égal (les sessions se suivent sans trou).",
                           field=f"{where}.rank_from")
        if previous_end is not None and starts < previous_end:
            raise ApiError(422, "invalid_request",
                           f"Session {n + 1} : elle commence avant la fin de la précédente.",
                           field=f"{where}.starts_at")
        expected, previous_end = row.rank_to + 1, ends
    for old in session.scalars(select(AmphiSession).where(AmphiSession.amphi_id == amphi.id)):
        session.delete(old)
    for row in rows:
        session.add(AmphiSession(amphi_id=amphi.id, starts_at=as_utc(row.starts_at),
                                 ends_at=as_utc(row.ends_at), rank_from=row.rank_from,
                                 rank_to=row.rank_to))
    events.publish(session, "amphi_sessions", {"amphi_id": amphi.id, "count": len(rows)},
                   campaign_id=amphi.campaign_id)
    audit.record(session, Audit.SESSIONS_SET, actor_id=staff.id, campaign_id=amphi.campaign_id,
                 address=ctx.address, detail={"amphi_id": amphi.id, "count": len(rows)})
    session.commit()
    return amphi_public(session, amphi)


# --------------------------------------------------------------------------- bell


def message_public(m: AmphiMessage, author: Person | None) -> AmphiMessagePublic:
    return AmphiMessagePublic(id=m.id, amphi_id=m.amphi_id, text=m.text,
                              author=author.display_name if author else None, at=as_utc(m.at))


def post_message(session: Session, ctx: RequestContext, staff: Person, amphi_id: int,
                 data: AmphiMessageIn) -> AmphiMessagePublic:
    """A message to an amphitheatre's bell, pushed as the event `amphi_message`."""
    amphi = get_amphi(session, amphi_id)
    message = AmphiMessage(amphi_id=amphi.id, author_id=staff.id, text=data.text.strip(),
                           at=now())
    session.add(message)
    session.flush()
    public = message_public(message, staff)
    events.publish(session, "amphi_message", {**public.model_dump(mode="json"),
                                              "message_id": message.id},
                   campaign_id=amphi.campaign_id)
    audit.record(session, Audit.MESSAGE, actor_id=staff.id, campaign_id=amphi.campaign_id,
                 address=ctx.address, detail={"amphi_id": amphi.id, "message_id": message.id})
    session.commit()
    return public


def messages(session: Session, amphi_id: int) -> list[AmphiMessagePublic]:
    """The bell's messages, newest first."""
    amphi = get_amphi(session, amphi_id)
    rows = session.execute(select(AmphiMessage, Person).outerjoin(
        Person, Person.id == AmphiMessage.author_id).where(AmphiMessage.amphi_id == amphi.id)
        .order_by(AmphiMessage.id.desc()))
    return [message_public(m, p) for m, p in rows]


# --------------------------------------------------------------------------- call list files


def call_list_file(session: Session, amphi_id: int, kind: str) -> tuple[str, bytes]:
    """(file name, bytes) of the current call list as CSV or PDF."""
    amphi = get_amphi(session, amphi_id)
    entries = call_list(session, amphi)
    slug = re.sub(r"[^0-9A-Za-z]+", "-", fold(amphi.name)).strip("-") or f"amphi-{amphi.id}"
    if kind == "csv":
        return f"liste-appel-{slug}.csv", to_csv(entries)
    return f"liste-appel-{slug}.pdf", call_list_pdf(amphi_public(session, amphi), entries, now())


# --------------------------------------------------------------------------- imports


class Refused(Exception):
    """A rejected line, with its French reason."""


def _key(header: object) -> str:
    return re.sub(r"[^0-9a-z]+", "_", fold(str(header or ""))).strip("_")


COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "interns": {
        "last_name": ("nom", "nom_de_naissance", "last_name"),
        "first_name": ("prenom", "first_name"),
        "birth_date": ("date_de_naissance", "date_naissance", "naissance", "birth_date"),
        "birth_town": ("commune_de_naissance", "lieu_de_naissance", "birth_town"),
        "ine": ("ine", "numero_ine", "n_ine", "n_ine_"),
        "des": ("des", "code_des", "des_gestion"),
        "des_label": ("libelle_des", "des_libelle", "des_label"),
        "specialty_group": ("groupe", "groupe_de_specialite", "specialty_group"),
        "phase": ("phase", "phase_de_formation"),
        "regime": ("regime", "regime_de_formation"),
        "faculty": ("ufr", "faculte", "faculty"),
        "cohort": ("promotion", "promo", "cohort"),
        "seniority": ("anciennete", "nb_semestres", "semestres", "seniority"),
        "local_rank": ("rang_local", "local_rank"),
        "local_cohort_size": ("effectif_promo_local", "effectif_promotion_local",
                              "local_cohort_size"),
        "choice_type": ("type_de_choix", "surnombre", "choice_type"),
        "planned_absence": ("absence_prevue", "planned_absence"),
        "amphi": ("amphi", "amphitheatre", "amphi_id"),
    },
    "services": {
        "establishment": ("etablissement", "nom_d_etablissement", "establishment"),
        "name": ("service", "nom_du_service", "name"),
        "head": ("chef_de_service", "chef", "head"),
        "department": ("departement", "dep", "dept", "department"),
        "number": ("numero_service", "n_service", "imotep", "service_number", "number"),
    },
    "posts": {
        "number": ("numero", "numero_poste", "n_poste", "n", "number", "post_number"),
        "service_number": ("numero_service", "n_service", "imotep", "service_number"),
        "des": ("des", "des_poste", "code_des"),
        "specialty_group": ("groupe", "groupe_de_specialite", "specialty_group"),
        "post_type": ("type", "type_de_poste", "post_type"),
        "regime": ("regime", "regime_de_formation", "phase"),
        "earmark": ("flechage", "earmark"),
        "reserved": ("reserve", "reservation", "reserved"),
        "amphi": ("amphi", "amphitheatre", "amphi_id"),
    },
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "interns": ("last_name", "first_name", "birth_date", "des", "specialty_group", "phase",
                "cohort", "seniority", "local_rank", "local_cohort_size"),
    "services": ("establishment", "name", "head", "department", "number"),
    "posts": ("number", "service_number", "des", "specialty_group", "post_type", "regime"),
}
LABELS = {"last_name": "nom", "first_name": "prénom", "birth_date": "date de naissance",
          "des": "DES", "specialty_group": "groupe", "phase": "phase", "cohort": "promotion",
          "seniority": "ancienneté", "local_rank": "rang local",
          "local_cohort_size": "effectif promo local", "establishment": "établissement",
          "name": "service", "head": "chef de service", "department": "département",
          "number": "numéro", "service_number": "numéro de service", "post_type": "type",
          "regime": "régime de formation"}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _rows_xlsx(content: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # only staff imports need it

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ApiError(422, "unreadable_file",
                       "Ce classeur Excel est illisible (format .xlsx attendu).",
                       field="file") from exc
    try:
        sheet = book.worksheets[0]
        for row in sheet.iter_rows(values_only=True):
            yield [_cell(v) for v in row]
    finally:
        book.close()


def _rows_csv(content: bytes) -> Iterator[list[str]]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1252", errors="replace")  # a French spreadsheet's export
    first = re.split(r"\r\n|\r|\n", text, maxsplit=1)[0]
    delimiter = max(";,\t", key=first.count)
    try:
        # newline="": a bare CR ends a line too (old Mac exports), as the csv module expects.
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield [c.strip() for c in row]
    except csv.Error as exc:  # e.g. a cell over the csv module's field size limit
        raise ApiError(422, "unreadable_file",
                       "Ce fichier CSV est illisible : enregistrez-le de nouveau au format "
                       ".csv ou .xlsx.", field="file") from exc


def read_table(kind: str, filename: str, content: bytes) -> list[tuple[int, dict[str, str]]]:
    """(line number, field → value) for each non-empty data line. Raises 422 when the file
    is unreadable, empty, too long or lacks required columns."""
    xlsx = filename.lower().endswith((".xlsx", ".xlsm")) or content[:4] == b"PK\x03\x04"
    rows = _rows_xlsx(content) if xlsx else _rows_csv(content)
    aliases = {alias: name for name, names in COLUMNS[kind].items() for alias in names}
    header: list[str | None] | None = None
    out: list[tuple[int, dict[str, str]]] = []
    for line, row in enumerate(rows, start=1):
        if not any(row):
            continue
        if header is None:
            header = [aliases.get(_key(h)) for h in row]
            missing = [LABELS.get(r, r) for r in REQUIRED[kind] if r not in header]
            if missing:
                raise ApiError(422, "missing_columns",
                               "Colonnes manquantes dans la première ligne : "
                               + ", ".join(missing) + ".", field="file")
            continue
        values = {name: import_cell(row[n] if n < len(row) else "", line, LABELS.get(name, name))
                  for n, name in enumerate(header) if name is not None}
        out.append((line, values))
        if len(out) > MAX_IMPORT_LINES:
            raise ApiError(422, "too_many_lines",
                           f"Fichier trop long : au plus {MAX_IMPORT_LINES} lignes.",
                           field="file")
    if header is None:
        raise ApiError(422, "empty_file", "Le fichier est vide.", field="file")
    return out


def _need(values: dict[str, str], name: str) -> str:
    value = values.get(name, "").strip()
    if not value:
        raise Refused(f"la colonne « {LABELS.get(name, name)} » est vide")
    return value


def _int(values: dict[str, str], name: str, low: int, high: int) -> int:
    raw = _need(values, name)
    try:
        number = int(float(raw.replace(",", "."))) if re.fullmatch(r"\d+([.,]0+)?", raw) \
            else int(raw)
    except ValueError:
        raise Refused(f"« {LABELS.get(name, name)} » : nombre entier attendu, "
                      f"« {raw} » reçu") from None
    if not low <= number <= high:
        raise Refused(f"« {LABELS.get(name, name)} » : {number} hors des valeurs possibles "
                      f"({low} à {high})")
    return number


def _date(raw: str) -> date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(raw.strip(), pattern).date()
        except ValueError:
            continue
    raise Refused(f"date de naissance illisible « {raw} » (attendu JJ/MM/AAAA)")


def _yes(raw: str) -> bool:
    return fold(raw) in {"oui", "o", "yes", "y", "1", "vrai", "true", "x", "reserve"}


CHOICE_TYPES = {fold(c.value): c.value for c in ChoiceType}


@dataclass
class _Context:
    session: Session
    campaign: Campaign
    amphis: list[Amphi]
    report: ImportReport

    def amphi_for(self, values: dict[str, str], group: str, phase: str | None) -> Amphi | None:
        """The amphitheatre a line names (`amphi` column), else its group and phase's."""
        named = values.get("amphi", "").strip()
        if named:
            found = next((a for a in self.amphis if str(a.id) == named
                          or fold(a.name) == fold(named)), None)
            if found is None:
                raise Refused(f"amphithéâtre « {named} » inconnu dans cette campagne")
            return found
        return next((a for a in self.amphis if fold(a.specialty_group) == fold(group)
                     and a.phase == phase), None)


def _not_started(amphi: Amphi | None) -> None:
    if amphi is not None and amphi.state in STARTED:
        raise Refused(f"l'amphithéâtre « {amphi.name} » est lancé : ses données ne changent "
                      "plus")


def _import_interns(ctx: _Context, lines: list[tuple[int, dict[str, str]]]) -> None:
    s = ctx.session
    people = list(s.scalars(select(Person)))
    by_ine = {normalize_ine(p.ine): p for p in people
              if p.ine and normalize_ine(p.ine) != NO_INE}
    by_identity = {(normalize_name(p.last_name), normalize_name(p.first_name), p.birth_date): p
                   for p in people}
    interns = {i.person_id: i for i in s.scalars(select(Intern).where(
        Intern.campaign_id == ctx.campaign.id))}
    joined = set(s.scalars(select(Participation.person_id).where(
        Participation.campaign_id == ctx.campaign.id, Participation.role == "student")))
    seen: dict[int, int] = {}
    for line, values in lines:
        try:
            last, first = _need(values, "last_name"), _need(values, "first_name")
            birth = _date(_need(values, "birth_date"))
            ine = normalize_ine(values.get("ine"))
            des = _need(values, "des")
            group = _need(values, "specialty_group")
            phase = phase_of(_need(values, "phase"))
            if phase is None:
                raise Refused(f"phase « {values['phase']} » inconnue (socle, approfondissement "
                              "ou consolidation)")
            cohort = _int(values, "cohort", 1950, 2200)
            seniority = _int(values, "seniority", 0, 40)
            size = _int(values, "local_cohort_size", 1, 100_000)
            rank = _int(values, "local_rank", 1, 100_000)
            if rank > size:
                raise Refused(f"rang local {rank} supérieur à l'effectif promo local {size}")
            choice = CHOICE_TYPES.get(fold(values.get("choice_type", "")) or "classique")
            if choice is None:
                raise Refused(f"type de choix « {values['choice_type']} » inconnu")
            person = (by_ine.get(ine) if ine and ine != NO_INE else None) or by_identity.get(
                (normalize_name(last), normalize_name(first), birth))
            if person is not None and person.role != Role.STUDENT.value:
                raise Refused("cette identité n'est pas celle d'un interne")
            if person is not None and person.id in seen:
                raise Refused(f"interne déjà présent ligne {seen[person.id]}")
            intern = interns.get(person.id) if person is not None else None
            amphi = ctx.amphi_for(values, group, phase)
            _not_started(amphi)
            if intern is not None and intern.amphi_id is not None:
                _not_started(s.get(Amphi, intern.amphi_id))
        except Refused as exc:
            ctx.report.rejected.append(RejectedLine(line=line, reason=str(exc), values=values))
            continue
        if person is None:
            person = Person(role=Role.STUDENT.value, last_name=last, first_name=first,
                            birth_date=birth, ine=ine if ine and ine != NO_INE else None,
                            birth_town=values.get("birth_town") or None)
            s.add(person)
            s.flush()
            by_identity[(normalize_name(last), normalize_name(first), birth)] = person
            if person.ine:
                by_ine[person.ine] = person
        seen[person.id] = line
        if person.id not in joined:
            s.add(Participation(campaign_id=ctx.campaign.id, person_id=person.id,
                                role="student"))
            joined.add(person.id)
        if intern is None:
            intern = Intern(campaign_id=ctx.campaign.id, person_id=person.id)
            s.add(intern)
            interns[person.id] = intern
            ctx.report.created += 1
        else:
            ctx.report.updated += 1
        intern.amphi_id = amphi.id if amphi else None
        intern.des = des
        intern.des_label = values.get("des_label") or des
        intern.specialty_group = group
        intern.phase = phase
        intern.regime = values.get("regime") or PHASE_LABELS[phase]
        intern.faculty = values.get("faculty") or person.faculty or ""
        intern.cohort, intern.seniority = cohort, seniority
        intern.local_rank, intern.local_cohort_size = rank, size
        intern.supernumerary = choice
        if values.get("planned_absence"):
            intern.planned_absence = _yes(values["planned_absence"])
        elif intern.planned_absence is None:
            intern.planned_absence = False


def _import_services(ctx: _Context, lines: list[tuple[int, dict[str, str]]]) -> None:
    s = ctx.session
    services = {sv.number: sv for sv in s.scalars(select(Service).where(
        Service.campaign_id == ctx.campaign.id))}
    seen: dict[str, int] = {}
    for line, values in lines:
        try:
            number = _need(values, "number")
            if number in seen:
                raise Refused(f"service n° {number} déjà présent ligne {seen[number]}")
            department = _need(values, "department")
            if not re.fullmatch(r"\d{2,3}|2[AB]", department.upper()):
                raise Refused(f"département « {department} » invalide")
            fields = {name: _need(values, name) for name in ("establishment", "name", "head")}
        except Refused as exc:
            ctx.report.rejected.append(RejectedLine(line=line, reason=str(exc), values=values))
            continue
        seen[number] = line
        service = services.get(number)
        if service is None:
            service = Service(campaign_id=ctx.campaign.id, number=number)
            s.add(service)
            services[number] = service
            ctx.report.created += 1
        else:
            ctx.report.updated += 1
        service.department = department.upper()
        service.establishment = fields["establishment"][:200]
        service.name = fields["name"][:200]
        service.head = fields["head"][:120]


def _import_posts(ctx: _Context, lines: list[tuple[int, dict[str, str]]]) -> None:
    s = ctx.session
    services = {sv.number: sv for sv in s.scalars(select(Service).where(
        Service.campaign_id == ctx.campaign.id))}
    posts = {p.number: p for p in s.scalars(select(AmphiPost).join(
        Service, Service.id == AmphiPost.service_id).where(
        Service.campaign_id == ctx.campaign.id))}
    seen: dict[str, int] = {}
    for line, values in lines:
        try:
            number = _need(values, "number")
            if number in seen:
                raise Refused(f"poste n° {number} déjà présent ligne {seen[number]}")
            service = services.get(_need(values, "service_number"))
            if service is None:
                raise Refused(f"service n° {values['service_number']} inconnu (importez "
                              "d'abord les services)")
            group = _need(values, "specialty_group")
            regime = _need(values, "regime")
            amphi = ctx.amphi_for(values, group, phase_of(regime))
            _not_started(amphi)
            post = posts.get(number)
            if post is not None:
                if post.taken_by_id is not None:
                    raise Refused("poste déjà pourvu : il ne peut plus être modifié")
                if post.amphi_id is not None:
                    _not_started(s.get(Amphi, post.amphi_id))
            fields = {name: _need(values, name) for name in ("des", "post_type")}
        except Refused as exc:
            ctx.report.rejected.append(RejectedLine(line=line, reason=str(exc), values=values))
            continue
        seen[number] = line
        if post is None:
            post = AmphiPost(number=number, service_id=service.id)
            s.add(post)
            posts[number] = post
            ctx.report.created += 1
        else:
            ctx.report.updated += 1
        post.service_id = service.id
        post.amphi_id = amphi.id if amphi else None
        post.des = fields["des"][:20]
        post.specialty_group = group[:100]
        post.post_type = fields["post_type"][:60]
        post.regime = regime[:60]
        post.earmark = (values.get("earmark") or "").strip()[:120] or None
        post.reserved = _yes(values.get("reserved", ""))


IMPORTERS = {"interns": _import_interns, "services": _import_services, "posts": _import_posts}


def import_file(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                kind: str, filename: str, content: bytes) -> ImportReport:
    """Import a CSV or XLSX file of `kind`; good lines are written, bad ones reported.

    Raises 404, 422 `unreadable_file` / `empty_file` / `missing_columns` / `too_many_lines`.
    """
    campaign = get_amphi_campaign(session, campaign_id)
    lines = read_table(kind, filename, content)
    report = ImportReport(kind=kind, lines=len(lines), created=0,  # type: ignore[arg-type]
                          updated=0, rejected=[])
    amphis = list(session.scalars(select(Amphi).where(Amphi.campaign_id == campaign.id)))
    IMPORTERS[kind](_Context(session, campaign, amphis, report), lines)
    session.flush()
    events.publish(session, "amphi_import", {"campaign_id": campaign.id, "kind": kind,
                                             "created": report.created,
                                             "updated": report.updated},
                   campaign_id=campaign.id)
    audit.record(session, Audit.IMPORTED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"kind": kind, "file": filename[:200],
                                              "created": report.created,
                                              "updated": report.updated,
                                              "rejected": len(report.rejected)})
    session.commit()
    return report
