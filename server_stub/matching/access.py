"""Matching: who may see and do what in a campaign, and the small helpers every use case shares.

A person's part in a matching campaign comes from the campaign's own data, not only from
his account's role: a student is a candidate of one of its waves, a supervisor is the
supervisor or second supervisor of one of its posts, a coordinator has a coordinator
participation; agency staff may do everything. Refusals are `ApiError`s with French
messages; an unknown or draft campaign is a 404 for anyone but staff.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from functools import lru_cache

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from server_stub.core import clock
from server_stub.core.accounts import normalize_name
from server_stub.core.errors import ApiError, forbidden, not_found
from server_stub.core.models import Campaign, Participation, Person, Role
from server_stub.matching.models import MatchingCandidate, MatchingPost


class Action:
    """Audit action names of the matching area (stable: staff filter on them)."""

    CAMPAIGN_CREATED = "matching_campaign_created"
    CAMPAIGN_UPDATED = "matching_campaign_updated"
    SCHEDULE_CHANGED = "matching_schedule_changed"
    COORDINATOR_ADDED = "matching_coordinator_added"
    POSTS_IMPORTED = "matching_posts_imported"
    CANDIDATES_IMPORTED = "matching_candidates_imported"
    POST_UPDATED = "matching_post_updated"
    POST_DESCRIBED = "matching_post_described"
    FILE_UPLOADED = "matching_file_uploaded"
    FILE_DELETED = "matching_file_deleted"
    PRESENTATION_UPDATED = "matching_presentation_updated"
    APPLICATIONS_SAVED = "matching_applications_saved"
    RANKING_SAVED = "matching_ranking_saved"
    OBSERVATION_SAVED = "matching_observation_saved"
    ROUND_RUN = "matching_round_run"
    ROUND_PUBLISHED = "matching_round_published"
    OUTCOME_RECORDED = "matching_outcome_recorded"
    OUTCOME_DELETED = "matching_outcome_deleted"
    EXPORTED = "matching_exported"


STAFF = "staff"
COORDINATOR = "coordinator"
SUPERVISOR = "supervisor"
STUDENT = "student"
_PRIORITY = (STAFF, COORDINATOR, SUPERVISOR, STUDENT)


def now() -> datetime:
    """The server's time; read through the module so tests can move it (`clock.now`)."""
    return clock.now()


def utc(value: datetime | None) -> datetime | None:
    return None if value is None else clock.as_utc(value)


# --------------------------------------------------------------------------- campaign


def load_campaign(session: Session, campaign_id: int, viewer: Person) -> Campaign:
    """The matching campaign; 404 when unknown, of another kind, or a draft (except staff)."""
    campaign = session.get(Campaign, campaign_id)
    if (campaign is None or campaign.kind != "matching"
            or (campaign.state == "draft" and viewer.role != Role.STAFF.value)):
        raise not_found("Campagne d'appariement introuvable.")
    return campaign


def roles_in(session: Session, campaign: Campaign, person: Person) -> set[str]:
    """Every part `person` plays in the campaign (possibly several, possibly none)."""
    roles: set[str] = set()
    if person.role == Role.STAFF.value:
        roles.add(STAFF)
    if session.scalar(select(exists().where(
            Participation.campaign_id == campaign.id, Participation.person_id == person.id,
            Participation.role == COORDINATOR))):
        roles.add(COORDINATOR)
    # A supervisor is one of a post, or one the agency invited before importing his posts.
    if session.scalar(select(exists().where(
            MatchingPost.campaign_id == campaign.id,
            or_(MatchingPost.supervisor_id == person.id,
                MatchingPost.second_supervisor_id == person.id)))) or session.scalar(
            select(exists().where(Participation.campaign_id == campaign.id,
                                  Participation.person_id == person.id,
                                  Participation.role == SUPERVISOR))):
        roles.add(SUPERVISOR)
    if session.scalar(select(exists().where(
            MatchingCandidate.campaign_id == campaign.id,
            MatchingCandidate.person_id == person.id))):
        roles.add(STUDENT)
    return roles


def main_role(roles: set[str]) -> str:
    """The widest of a person's parts; 403 when he takes no part in the campaign."""
    for role in _PRIORITY:
        if role in roles:
            return role
    raise forbidden("Vous ne participez pas à cette campagne d'appariement.")


def is_staff_side(roles: set[str]) -> bool:
    """Coordinators and agency staff: they see rankings and unpublished results."""
    return bool(roles & {STAFF, COORDINATOR})


def require_staff_side(roles: set[str]) -> None:
    if not is_staff_side(roles):
        raise forbidden("Cette action est réservée aux coordonnateurs et aux agents de l'agence.")


def require_staff(person: Person) -> None:
    if person.role != Role.STAFF.value:
        raise forbidden("Cette action est réservée aux agents de l'agence.")


def require_open(campaign: Campaign) -> None:
    """Refuse changes once the campaign is closed (409 `campaign_closed`)."""
    if campaign.state == "closed":
        raise ApiError(409, "campaign_closed", "Cette campagne d'appariement est close.")


def candidate_of(session: Session, campaign: Campaign, person: Person) -> MatchingCandidate:
    """The person's candidate record in the campaign; 403 when he is not a candidate."""
    candidate = session.scalar(select(MatchingCandidate).where(
        MatchingCandidate.campaign_id == campaign.id, MatchingCandidate.person_id == person.id))
    if candidate is None:
        raise forbidden("Vous n'êtes pas candidat dans cette campagne d'appariement.")
    return candidate


# --------------------------------------------------------------------------- posts


def load_post(session: Session, post_id: int) -> MatchingPost:
    post = session.get(MatchingPost, post_id)
    if post is None:
        raise not_found("Poste introuvable.")
    return post


def supervisor_access(post: MatchingPost, person: Person) -> str | None:
    """"referent" (ranks, describes), "reader" (second supervisor with read access) or None."""
    if post.supervisor_id == person.id:
        return "referent"
    if post.second_supervisor_id == person.id:
        return "referent" if post.second_supervisor_access == "rank" else "reader"
    return None


def require_post_visible(session: Session, campaign: Campaign, post: MatchingPost,
                         viewer: Person) -> None:
    """Its supervisors, coordinators and staff see a post; students only the validated posts
    of their own wave (403 otherwise)."""
    if supervisor_access(post, viewer) or is_staff_side(roles_in(session, campaign, viewer)):
        return
    candidate = session.scalar(select(MatchingCandidate).where(
        MatchingCandidate.campaign_id == campaign.id, MatchingCandidate.person_id == viewer.id))
    if candidate is None:
        raise forbidden("Ce poste n'est pas l'un des vôtres.")
    if candidate.wave_id != post.wave_id or not post.validated:
        raise forbidden("Ce poste n'est pas ouvert à vos candidatures.")


# --------------------------------------------------------------------------- text, geography


@lru_cache(maxsize=65_536)
def fold(text: str | None) -> str:
    """Case- and accent-insensitive form for searching ("Médecine" finds "MEDECINE").

    Cached: dashboards fold the same few subdivisions and specialties thousands of times.
    """
    return normalize_name(text)


def matches_query(query: str | None, *values: str | None) -> bool:
    """Every word of `query` appears in one of `values` (folded); True without a query."""
    words = fold(query).split()
    if not words:
        return True
    haystack = " ".join(fold(v) for v in values if v)
    return all(w in haystack for w in words)


REGIONS = {
    "AMIENS": "Hauts-de-France", "LILLE": "Hauts-de-France",
    "ANGERS": "Pays de la Loire", "NANTES": "Pays de la Loire",
    "ANTILLES GUYANE": "Antilles-Guyane", "OCEAN INDIEN": "Océan Indien",
    "BESANCON": "Bourgogne-Franche-Comté", "DIJON": "Bourgogne-Franche-Comté",
    "BORDEAUX": "Nouvelle-Aquitaine", "LIMOGES": "Nouvelle-Aquitaine",
    "POITIERS": "Nouvelle-Aquitaine",
    "BREST": "Bretagne", "RENNES": "Bretagne",
    "CAEN": "Normandie", "ROUEN": "Normandie",
    "CLERMONT FERRAND": "Auvergne-Rhône-Alpes", "GRENOBLE": "Auvergne-Rhône-Alpes",
    "LYON": "Auvergne-Rhône-Alpes", "SAINT ETIENNE": "Auvergne-Rhône-Alpes",
    "ILE DE FRANCE": "Île-de-France",
    "MARSEILLE": "Provence-Alpes-Côte d'Azur", "NICE": "Provence-Alpes-Côte d'Azur",
    "MONTPELLIER": "Occitanie", "TOULOUSE": "Occitanie",
    "NANCY": "Grand Est", "REIMS": "Grand Est", "STRASBOURG": "Grand Est",
    "TOURS": "Centre-Val de Loire",
}


def region_of(subdivision: str | None) -> str | None:
    """The region of a subdivision ("SUBDI LYON", "Lyon" → "Auvergne-Rhône-Alpes")."""
    key = fold(subdivision).upper()
    if key.startswith("SUBDI "):
        key = key[6:]
    elif key.startswith("SUBDIVISION DE "):
        key = key[15:]
    return REGIONS.get(key)


def same_text(a: str | None, b: str | None) -> bool:
    """Filters compare subdivisions, specialties and regions loosely (case, accents)."""
    return fold(a) == fold(b)


def strip_controls(text: str | None) -> str | None:
    """Trim, drop control characters other than newlines and tabs; empty → None."""
    if text is None:
        return None
    clean = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")
    clean = clean.strip()
    return clean or None
