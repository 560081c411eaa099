"""Matching: uploaded documents — a post's attachment and the pieces of a candidate's file.

Only PDF and office documents are accepted, recognised by their first bytes (and, for
zipped formats, by their inner structure), never by the name alone; the name's extension
must agree with the content. Sizes are limited (`matching_upload_max_bytes`). The bytes
are kept under the data directory with a random name; the database row is the reference:
a new file is written before the commit and removed if the commit fails, the replaced one
is removed after it, so a reader never meets a row without its file.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, forbidden, not_found
from server_stub.core.models import Campaign, Person
from server_stub.matching.access import (
    Action,
    candidate_of,
    is_staff_side,
    load_campaign,
    load_post,
    now,
    require_open,
    require_post_visible,
    roles_in,
    strip_controls,
    supervisor_access,
    utc,
)
from server_stub.matching.models import (
    Application,
    MatchingCandidate,
    MatchingFile,
    MatchingPost,
    MatchingWave,
)
from server_stub.matching.phases import posts_open
from server_stub.matching.schemas import (
    CandidateBrief,
    CandidateFilePublic,
    FilePublic,
    PresentationUpdate,
)
from server_stub.settings import Settings

# extension → (content type, what the content must be)
FORMATS: dict[str, tuple[str, str]] = {
    ".pdf": ("application/pdf", "pdf"),
    ".doc": ("application/msword", "ole"),
    ".xls": ("application/vnd.ms-excel", "ole"),
    ".ppt": ("application/vnd.ms-powerpoint", "ole"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "pptx"),
    ".odt": ("application/vnd.oasis.opendocument.text", "odt"),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    ".odp": ("application/vnd.oasis.opendocument.presentation", "odp"),
    ".rtf": ("application/rtf", "rtf"),
}
ACCEPTED = "PDF, Word, Excel, PowerPoint, OpenDocument ou RTF"
KIND_LABELS = {"attachment": "Fichier descriptif", "cv": "CV", "letter": "Lettre de motivation",
               "contract": "Contrat de formation"}
_ODF = {"application/vnd.oasis.opendocument.text": "odt",
        "application/vnd.oasis.opendocument.spreadsheet": "ods",
        "application/vnd.oasis.opendocument.presentation": "odp"}
_OOXML = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}


def sniff(data: bytes) -> str | None:
    """What the bytes are ("pdf", "ole", "docx", "odt", "rtf", ...), or None."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: legacy Office
        return "ole"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                infos = {i.filename: i for i in archive.infolist()}
                mimetype = infos.get("mimetype")
                if mimetype is not None and mimetype.file_size < 200:
                    kind = _ODF.get(archive.read("mimetype").decode("ascii", "replace").strip())
                    if kind:
                        return kind
                for name, kind in _OOXML.items():
                    if name in infos:
                        return kind
        except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
            return None
    return None


def clean_filename(name: str | None) -> str:
    """The last path component, without control characters, at most 200 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(c for c in unicodedata.normalize("NFC", base)
                   if unicodedata.category(c)[0] != "C").strip().strip(".") or "document"
    stem, dot, ext = base.rpartition(".")
    if dot and len(ext) <= 10:
        return f"{stem[:190]}.{ext}"
    return base[:200]


def human_size(n: int) -> str:
    """"1,9 Mo", "800 Ko", "512 octets"."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} Mo".replace(".", ",")
    if n >= 1000:
        return f"{n // 1000} Ko"
    return f"{n} octets"


def check_upload(settings: Settings, filename: str | None, data: bytes) -> tuple[str, str]:
    """(clean name, content type) of an acceptable document.

    Raises 422 `empty_file`, 413 `too_large`, 415 `unsupported_file_type` (extension) or
    415 `file_type_mismatch` (the content is not what the name says).
    """
    limit = settings.matching_upload_max_bytes
    if not data:
        raise ApiError(422, "empty_file", "Le fichier envoyé est vide.", field="file")
    if len(data) > limit:
        raise ApiError(413, "too_large",
                       f"Fichier trop volumineux : au plus {human_size(limit)}.", field="file")
    name = clean_filename(filename)
    ext = os.path.splitext(name)[1].lower()
    if ext not in FORMATS:
        raise ApiError(415, "unsupported_file_type",
                       f"Type de fichier non accepté : envoyez un document {ACCEPTED}.",
                       field="file")
    content_type, expected = FORMATS[ext]
    if sniff(data) != expected:
        raise ApiError(415, "file_type_mismatch",
                       f"Le contenu du fichier ne correspond pas à un document « {ext} » : "
                       f"envoyez un document {ACCEPTED} valide.", field="file")
    return name, content_type


def file_public(f: MatchingFile) -> FilePublic:
    if f.kind == "attachment":
        path = f"/api/matching/posts/{f.post_id}/attachment"
    else:
        path = f"/api/matching/candidates/{f.candidate_id}/documents/{f.kind}"
    return FilePublic(kind=f.kind, filename=f.filename,  # type: ignore[arg-type]
                      content_type=f.content_type, size=f.size,
                      uploaded_at=utc(f.uploaded_at) or now(), download_path=path)


def stored_path(settings: Settings, f: MatchingFile) -> Path:
    return settings.matching_uploads / str(f.campaign_id) / f.storage_key


@dataclass(frozen=True)
class Download:
    """What a route needs to send a stored file."""

    path: Path
    filename: str
    content_type: str


def _download(settings: Settings, f: MatchingFile | None) -> Download:
    if f is None:
        raise not_found("Aucun fichier n'a été déposé.")
    path = stored_path(settings, f)
    if not path.is_file():
        raise ApiError(404, "file_missing",
                       "Le fichier n'est plus disponible sur le serveur : déposez-le à nouveau.")
    return Download(path, f.filename, f.content_type)


def _store(session: Session, ctx: RequestContext, actor: Person, campaign_id: int,
           existing: MatchingFile | None, new: MatchingFile | None, filename: str,
           content_type: str, data: bytes) -> MatchingFile:
    """Write the bytes, point the row at them and commit; clean up whichever file lost."""
    settings = ctx.settings
    key = secrets.token_hex(20)
    folder = settings.matching_uploads / str(campaign_id)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / key
    tmp = folder / f"{key}.part"
    tmp.write_bytes(data)
    os.replace(tmp, path)
    row = existing or new
    assert row is not None
    old_path = stored_path(settings, existing) if existing is not None else None
    try:
        row.filename = filename
        row.content_type = content_type
        row.size = len(data)
        row.sha256 = hashlib.sha256(data).hexdigest()
        row.storage_key = key
        row.uploaded_at = now()
        row.uploaded_by_id = actor.id
        if existing is None:
            session.add(row)
        session.flush()
        audit.record(session, Action.FILE_UPLOADED, actor_id=actor.id, campaign_id=campaign_id,
                     address=ctx.address,
                     detail={"kind": row.kind, "post_id": row.post_id,
                             "candidate_id": row.candidate_id, "size": row.size})
        session.commit()
    except BaseException:
        session.rollback()
        path.unlink(missing_ok=True)
        raise
    if old_path is not None:
        old_path.unlink(missing_ok=True)
    return row


def _remove(session: Session, ctx: RequestContext, actor: Person, f: MatchingFile) -> None:
    path = stored_path(ctx.settings, f)
    audit.record(session, Action.FILE_DELETED, actor_id=actor.id, campaign_id=f.campaign_id,
                 address=ctx.address,
                 detail={"kind": f.kind, "post_id": f.post_id, "candidate_id": f.candidate_id})
    session.delete(f)
    session.commit()
    path.unlink(missing_ok=True)


# --------------------------------------------------------------------------- post attachment


def _attachment(session: Session, post_id: int) -> MatchingFile | None:
    return session.scalar(select(MatchingFile).where(MatchingFile.post_id == post_id,
                                                     MatchingFile.kind == "attachment"))


def _may_describe(session: Session, campaign: Campaign, post: MatchingPost,
                  viewer: Person) -> None:
    """The referent supervisor during "Mes postes", or staff at any time."""
    require_open(campaign)
    if viewer.role == "staff":
        return
    if supervisor_access(post, viewer) != "referent":
        raise forbidden("Seul le responsable référent du poste peut modifier son fichier "
                        "descriptif.")
    wave = session.get(MatchingWave, post.wave_id)
    assert wave is not None
    if not posts_open(wave, now()):
        raise ApiError(409, "posts_closed",
                       "La période « Mes postes » est fermée : le fichier descriptif ne peut "
                       "plus être modifié.")


def upload_attachment(session: Session, ctx: RequestContext, viewer: Person, post_id: int,
                      filename: str | None, data: bytes) -> FilePublic:
    """Attach (or replace) the post's descriptive file."""
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    _may_describe(session, campaign, post, viewer)
    name, content_type = check_upload(ctx.settings, filename, data)
    existing = _attachment(session, post.id)
    new = None if existing else MatchingFile(campaign_id=campaign.id, post_id=post.id,
                                             kind="attachment")
    events.publish(session, "matching_post_updated", {"post_id": post.id},
                   campaign_id=campaign.id)
    row = _store(session, ctx, viewer, campaign.id, existing, new, name, content_type, data)
    return file_public(row)


def delete_attachment(session: Session, ctx: RequestContext, viewer: Person,
                      post_id: int) -> None:
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    _may_describe(session, campaign, post, viewer)
    f = _attachment(session, post.id)
    if f is None:
        raise not_found("Aucun fichier descriptif n'a été déposé.")
    events.publish(session, "matching_post_updated", {"post_id": post.id},
                   campaign_id=campaign.id)
    _remove(session, ctx, viewer, f)


def attachment_download(session: Session, settings: Settings, viewer: Person,
                        post_id: int) -> Download:
    post = load_post(session, post_id)
    campaign = load_campaign(session, post.campaign_id, viewer)
    require_post_visible(session, campaign, post, viewer)
    return _download(settings, _attachment(session, post.id))


# --------------------------------------------------------------------------- candidate's file


def candidate_brief(candidate: MatchingCandidate, person: Person) -> CandidateBrief:
    return CandidateBrief(id=candidate.id, first_name=person.first_name,
                          last_name=person.last_name, ine=person.ine,
                          specialty=candidate.specialty, subdivision=candidate.subdivision,
                          offset_semester=candidate.offset_semester)


def _may_read_file(session: Session, candidate: MatchingCandidate, viewer: Person) -> None:
    """The candidate, coordinators and staff, and the supervisors of a post he applied to."""
    if candidate.person_id == viewer.id:
        return
    campaign = session.get(Campaign, candidate.campaign_id)
    assert campaign is not None
    if is_staff_side(roles_in(session, campaign, viewer)):
        return
    applied = session.scalar(select(exists().where(
        Application.candidate_id == candidate.id,
        Application.post_id == MatchingPost.id,
        or_(MatchingPost.supervisor_id == viewer.id,
            MatchingPost.second_supervisor_id == viewer.id))))
    if not applied:
        raise forbidden("Ce dossier n'est visible que des responsables des postes demandés.")


def _candidate(session: Session, viewer: Person, candidate_id: int) -> MatchingCandidate:
    candidate = session.get(MatchingCandidate, candidate_id)
    if candidate is None:
        raise not_found("Candidat introuvable.")
    load_campaign(session, candidate.campaign_id, viewer)
    _may_read_file(session, candidate, viewer)
    return candidate


def _file_public(session: Session, candidate: MatchingCandidate) -> CandidateFilePublic:
    person = session.get(Person, candidate.person_id)
    assert person is not None
    docs = session.scalars(select(MatchingFile).where(MatchingFile.candidate_id == candidate.id)
                           .order_by(MatchingFile.kind))
    return CandidateFilePublic(candidate=candidate_brief(candidate, person),
                               presentation=candidate.presentation,
                               documents=[file_public(d) for d in docs])


def candidate_file(session: Session, viewer: Person, candidate_id: int) -> CandidateFilePublic:
    """A candidate's file ("dossier de candidature") as a supervisor or coordinator sees it."""
    return _file_public(session, _candidate(session, viewer, candidate_id))


def my_file(session: Session, viewer: Person, campaign_id: int) -> CandidateFilePublic:
    campaign = load_campaign(session, campaign_id, viewer)
    return _file_public(session, candidate_of(session, campaign, viewer))


def update_presentation(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                        data: PresentationUpdate) -> CandidateFilePublic:
    campaign = load_campaign(session, campaign_id, viewer)
    require_open(campaign)
    candidate = candidate_of(session, campaign, viewer)
    candidate.presentation = strip_controls(data.presentation)
    audit.record(session, Action.PRESENTATION_UPDATED, actor_id=viewer.id,
                 campaign_id=campaign.id, address=ctx.address,
                 detail={"candidate_id": candidate.id})
    session.commit()
    return _file_public(session, candidate)


def _document(session: Session, candidate_id: int, kind: str) -> MatchingFile | None:
    return session.scalar(select(MatchingFile).where(MatchingFile.candidate_id == candidate_id,
                                                     MatchingFile.kind == kind))


def upload_document(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                    kind: str, filename: str | None, data: bytes) -> FilePublic:
    """Deposit (or replace) one piece of my file: CV, motivation letter, training contract."""
    campaign = load_campaign(session, campaign_id, viewer)
    require_open(campaign)
    candidate = candidate_of(session, campaign, viewer)
    name, content_type = check_upload(ctx.settings, filename, data)
    existing = _document(session, candidate.id, kind)
    new = None if existing else MatchingFile(campaign_id=campaign.id, candidate_id=candidate.id,
                                             kind=kind)
    row = _store(session, ctx, viewer, campaign.id, existing, new, name, content_type, data)
    return file_public(row)


def delete_document(session: Session, ctx: RequestContext, viewer: Person, campaign_id: int,
                    kind: str) -> None:
    campaign = load_campaign(session, campaign_id, viewer)
    require_open(campaign)
    candidate = candidate_of(session, campaign, viewer)
    f = _document(session, candidate.id, kind)
    if f is None:
        raise not_found("Ce document n'a pas été déposé.")
    _remove(session, ctx, viewer, f)


def document_download(session: Session, settings: Settings, viewer: Person, candidate_id: int,
                      kind: str) -> Download:
    candidate = _candidate(session, viewer, candidate_id)
    return _download(settings, _document(session, candidate.id, kind))
