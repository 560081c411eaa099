"""Matching: campaign set-up, waves and rounds with dated phases, and what phase it is now.

The phase of a round decides what each role may do: students apply and reorder during
"applications", supervisors rank during "ranking", everybody reads published results.
Staff set the dates (closing times are excluded from their window); a round that has been
run waits for publication whatever its dates say. The time is `clock.now()`.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server_stub.core import audit, events
from server_stub.core.accounts import normalize_email
from server_stub.core.context import RequestContext
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Campaign, Participation, Person
from server_stub.matching.access import (
    COORDINATOR,
    STUDENT,
    Action,
    load_campaign,
    main_role,
    now,
    require_staff,
    roles_in,
    utc,
)
from server_stub.matching.models import (
    MatchingCandidate,
    MatchingPost,
    MatchingRound,
    MatchingWave,
    RoundResult,
)
from server_stub.matching.schemas import (
    CoordinatorAdd,
    MatchingCalendarPublic,
    MatchingCampaignCreate,
    MatchingCampaignPublic,
    MatchingCampaignUpdate,
    MatchingSettings,
    RoundCreate,
    RoundDates,
    RoundPublic,
    ThresholdRule,
    WaveCreate,
    WavePublic,
    WaveUpdate,
)

ON_PLATFORM_DATES = ("applications_opens_at", "applications_closes_at", "ranking_opens_at",
                     "ranking_closes_at", "results_at")
OFF_PLATFORM_DATES = ("opens_at", "closes_at")
DATE_LABELS = {
    "applications_opens_at": "ouverture des candidatures",
    "applications_closes_at": "clôture des candidatures",
    "ranking_opens_at": "ouverture des classements",
    "ranking_closes_at": "clôture des classements",
    "results_at": "résultats",
    "opens_at": "ouverture du tour hors plateforme",
    "closes_at": "clôture du tour hors plateforme",
    "posts_opens_at": "ouverture de « Mes postes »",
    "posts_closes_at": "clôture de « Mes postes »",
}


# --------------------------------------------------------------------------- settings


def settings_of(campaign: Campaign) -> MatchingSettings:
    """The campaign's rules (defaults of PROCEDURES.md for anything not set)."""
    return MatchingSettings.model_validate(campaign.settings or {})


def engine_rules(campaign: Campaign) -> dict[str, Any]:
    s = settings_of(campaign)
    return {"min_ranked_share": s.min_ranked_share, "subdivision_first": s.subdivision_first}


def threshold_for(settings: MatchingSettings, round_number: int) -> ThresholdRule:
    """The rule of this round: the last one whose round number is not above it."""
    rules = sorted(settings.thresholds, key=lambda r: r.round_number)
    chosen = None
    for rule in rules:
        if rule.round_number <= round_number:
            chosen = rule
    if chosen is None:
        chosen = rules[0] if rules else ThresholdRule(round_number=1, share=0, minimum=0)
    return chosen


def required_applications(rule: ThresholdRule, open_posts: int) -> int:
    """"Candidatures suffisantes": at least `share` of the open posts and at least `minimum`
    (and never fewer than one: a student without applications has not enough)."""
    return max(1, rule.minimum, math.ceil(rule.share * open_posts - 1e-9))


# --------------------------------------------------------------------------- phases


def round_start(rnd: MatchingRound) -> datetime | None:
    return utc(rnd.opens_at if rnd.off_platform else rnd.applications_opens_at)


def phase_of(rnd: MatchingRound, at: datetime) -> str:
    """The round's phase at `at` (see `Phase` in the schemas)."""
    if rnd.state == "published":
        return "results"
    if rnd.state == "run":
        return "awaiting_results"
    if rnd.off_platform:
        opens, closes = utc(rnd.opens_at), utc(rnd.closes_at)
        if opens is None or at < opens:
            return "upcoming"
        if closes is None or at < closes:
            return "off_platform"
        return "awaiting_results"
    a_open, a_close = utc(rnd.applications_opens_at), utc(rnd.applications_closes_at)
    r_open, r_close = utc(rnd.ranking_opens_at), utc(rnd.ranking_closes_at)
    if a_open is None or at < a_open:
        return "upcoming"
    if a_close is None or at < a_close:
        return "applications"
    if r_open is None or at < r_open:
        return "awaiting_ranking"
    if r_close is None or at < r_close:
        return "ranking"
    return "awaiting_results"


PHASE_LABELS = {
    "upcoming": "à venir", "applications": "candidatures des étudiants",
    "awaiting_ranking": "attente des classements", "ranking": "classement des candidatures",
    "awaiting_results": "attente des résultats", "off_platform": "tour hors plateforme",
    "results": "résultats publiés",
}


def rounds_of_wave(session: Session, wave_id: int) -> list[MatchingRound]:
    return list(session.scalars(select(MatchingRound).where(MatchingRound.wave_id == wave_id)
                                .order_by(MatchingRound.number)))


def current_round(rounds: list[MatchingRound], at: datetime) -> MatchingRound | None:
    """The last round that has started (the first one before anything starts)."""
    started = [r for r in rounds if (s := round_start(r)) is not None and s <= at]
    if started:
        return started[-1]
    return rounds[0] if rounds else None


def wave_round(session: Session, wave_id: int, round_id: int | None) -> MatchingRound:
    """The round asked for (it must belong to the wave), or the wave's current round."""
    if round_id is not None:
        rnd = session.get(MatchingRound, round_id)
        if rnd is None or rnd.wave_id != wave_id:
            raise not_found("Tour introuvable dans cette vague.", field="round_id")
        return rnd
    rnd = current_round(rounds_of_wave(session, wave_id), now())
    if rnd is None:
        raise ApiError(409, "no_round", "Aucun tour n'est encore prévu pour cette vague.")
    return rnd


def posts_open(wave: MatchingWave, at: datetime) -> bool:
    """Whether supervisors may describe their posts now ("Mes postes"); unset bounds are open."""
    opens, closes = utc(wave.posts_opens_at), utc(wave.posts_closes_at)
    return (opens is None or opens <= at) and (closes is None or at < closes)


def earlier_rounds(session: Session, rnd: MatchingRound) -> list[MatchingRound]:
    return [r for r in rounds_of_wave(session, rnd.wave_id) if r.number < rnd.number]


def require_earlier_published(session: Session, rnd: MatchingRound) -> None:
    """Round n needs the results of rounds 1..n-1 published (they decide who takes part)."""
    pending = [r.number for r in earlier_rounds(session, rnd) if r.state != "published"]
    if pending:
        raise ApiError(409, "previous_round_pending",
                       f"Les résultats du tour {pending[0]} ne sont pas encore publiés.")


def assignments_before(session: Session, rnd: MatchingRound) -> tuple[set[int], dict[int, int]]:
    """Candidates assigned by earlier rounds of the wave, and places they took per post."""
    earlier = [r.id for r in earlier_rounds(session, rnd)]
    assigned: set[int] = set()
    taken: dict[int, int] = defaultdict(int)
    if earlier:
        for cand, post in session.execute(
                select(RoundResult.candidate_id, RoundResult.post_id)
                .where(RoundResult.round_id.in_(earlier), RoundResult.post_id.is_not(None))):
            assigned.add(cand)
            if post is not None:  # (the query keeps only assigned results)
                taken[post] += 1
    return assigned, taken


def published_taken(session: Session, post_ids: list[int] | None = None) -> dict[int, int]:
    """Places taken per post by published rounds (what "restant à attribuer" subtracts)."""
    query = (select(RoundResult.post_id, func.count())
             .join(MatchingRound, MatchingRound.id == RoundResult.round_id)
             .where(MatchingRound.state == "published", RoundResult.post_id.is_not(None))
             .group_by(RoundResult.post_id))
    if post_ids is not None:
        if not post_ids:
            return {}
        query = query.where(RoundResult.post_id.in_(post_ids))
    return {post: n for post, n in session.execute(query) if post is not None}


# --------------------------------------------------------------------------- public shapes


def round_public(rnd: MatchingRound, at: datetime) -> RoundPublic:
    return RoundPublic(
        id=rnd.id, wave_id=rnd.wave_id, number=rnd.number, off_platform=rnd.off_platform,
        applications_opens_at=utc(rnd.applications_opens_at),
        applications_closes_at=utc(rnd.applications_closes_at),
        ranking_opens_at=utc(rnd.ranking_opens_at), ranking_closes_at=utc(rnd.ranking_closes_at),
        results_at=utc(rnd.results_at), opens_at=utc(rnd.opens_at), closes_at=utc(rnd.closes_at),
        state=rnd.state, phase=phase_of(rnd, at),  # type: ignore[arg-type]
        run_at=utc(rnd.run_at), published_at=utc(rnd.published_at))


def wave_public(session: Session, wave: MatchingWave, at: datetime) -> WavePublic:
    rounds = rounds_of_wave(session, wave.id)
    current = current_round(rounds, at)
    return WavePublic(id=wave.id, name=wave.name, position=wave.position,
                      posts_opens_at=utc(wave.posts_opens_at),
                      posts_closes_at=utc(wave.posts_closes_at),
                      posts_open=posts_open(wave, at),
                      current_round_id=current.id if current else None,
                      rounds=[round_public(r, at) for r in rounds])


def campaign_public(session: Session, campaign: Campaign, viewer: Person) -> MatchingCampaignPublic:
    """The campaign with its waves, rounds and current phases, as `viewer` sees it."""
    roles = roles_in(session, campaign, viewer)
    role = main_role(roles)
    at = now()
    waves = session.scalars(select(MatchingWave).where(MatchingWave.campaign_id == campaign.id)
                            .order_by(MatchingWave.position, MatchingWave.id))
    my_wave = None
    if STUDENT in roles:
        my_wave = session.scalar(select(MatchingCandidate.wave_id).where(
            MatchingCandidate.campaign_id == campaign.id,
            MatchingCandidate.person_id == viewer.id))
    return MatchingCampaignPublic(
        id=campaign.id, name=campaign.name, region=campaign.region,
        state=campaign.state,  # type: ignore[arg-type]
        my_role=role,  # type: ignore[arg-type]
        settings=settings_of(campaign), waves=[wave_public(session, w, at) for w in waves],
        my_wave_id=my_wave, server_time=at)


def get_campaign(session: Session, campaign_id: int, viewer: Person) -> MatchingCampaignPublic:
    return campaign_public(session, load_campaign(session, campaign_id, viewer), viewer)


def calendar(session: Session, campaign_id: int) -> MatchingCalendarPublic:
    """The public calendar of a campaign under way or closed. Raises 404 when unknown, of
    another kind, or a draft."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or campaign.kind != "matching" or campaign.state == "draft":
        raise not_found("Campagne d'appariement introuvable.")
    at = now()
    waves = session.scalars(select(MatchingWave).where(MatchingWave.campaign_id == campaign.id)
                            .order_by(MatchingWave.position, MatchingWave.id))
    return MatchingCalendarPublic(
        id=campaign.id, name=campaign.name, region=campaign.region,
        state="closed" if campaign.state == "closed" else "open",
        waves=[wave_public(session, w, at) for w in waves], server_time=at)


# --------------------------------------------------------------------------- staff set-up


def _schedule_changed(session: Session, campaign_id: int, detail: dict[str, Any],
                      ctx: RequestContext, staff: Person) -> None:
    audit.record(session, Action.SCHEDULE_CHANGED, actor_id=staff.id, campaign_id=campaign_id,
                 address=ctx.address, detail=detail)
    events.publish(session, "matching_schedule_changed", {"campaign_id": campaign_id},
                   campaign_id=campaign_id)


def create_campaign(session: Session, ctx: RequestContext, staff: Person,
                    data: MatchingCampaignCreate) -> MatchingCampaignPublic:
    """A new matching campaign, as a draft (only staff see drafts)."""
    require_staff(staff)
    rules = (data.settings or MatchingSettings()).model_dump()
    campaign = Campaign(kind="matching", name=data.name.strip(), region=data.region,
                        state="draft", settings=rules)
    session.add(campaign)
    session.flush()
    audit.record(session, Action.CAMPAIGN_CREATED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"name": campaign.name})
    session.commit()
    return campaign_public(session, campaign, staff)


def update_campaign(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                    data: MatchingCampaignUpdate) -> MatchingCampaignPublic:
    """Rename, open or close the campaign, change its rules (only the fields sent)."""
    require_staff(staff)
    campaign = load_campaign(session, campaign_id, staff)
    changed = sorted(data.model_fields_set)
    if "name" in data.model_fields_set and data.name is not None:
        campaign.name = data.name.strip()
    if "region" in data.model_fields_set:
        campaign.region = data.region
    if "state" in data.model_fields_set and data.state is not None:
        campaign.state = data.state
    if data.settings is not None:
        merged = settings_of(campaign).model_dump()
        merged.update(data.settings.model_dump(exclude_unset=True, exclude_none=True))
        checked = MatchingSettings.model_validate(merged)
        campaign.settings = {**(campaign.settings or {}), **checked.model_dump()}
    audit.record(session, Action.CAMPAIGN_UPDATED, actor_id=staff.id, campaign_id=campaign.id,
                 address=ctx.address, detail={"fields": changed})
    events.publish(session, "matching_schedule_changed", {"campaign_id": campaign.id},
                   campaign_id=campaign.id)
    session.commit()
    return campaign_public(session, campaign, staff)


def _check_order(values: dict[str, datetime | None], names: tuple[str, ...]) -> None:
    """Dates must need a UTC offset and follow each other (422 `invalid_schedule`)."""
    previous: tuple[str, datetime] | None = None
    for name in names:
        value = values.get(name)
        if value is None:
            continue
        if value.tzinfo is None:
            raise ApiError(422, "invalid_schedule",
                           f"La date « {DATE_LABELS[name]} » doit préciser son fuseau horaire "
                           "(par exemple 2026-11-16T09:00:00+01:00).", field=name)
        if previous is not None and value < previous[1]:
            raise ApiError(422, "invalid_schedule",
                           f"La date « {DATE_LABELS[name]} » ne peut pas précéder la date "
                           f"« {DATE_LABELS[previous[0]]} ».", field=name)
        previous = (name, value)


def to_utc(value: datetime | None) -> datetime | None:
    """Stored times are UTC (SQLite keeps no offset)."""
    return None if value is None else value.astimezone(UTC)


def _wave(session: Session, wave_id: int) -> MatchingWave:
    wave = session.get(MatchingWave, wave_id)
    if wave is None:
        raise not_found("Vague introuvable.")
    return wave


def create_wave(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                data: WaveCreate) -> MatchingCampaignPublic:
    require_staff(staff)
    campaign = load_campaign(session, campaign_id, staff)
    _check_order(data.model_dump(), ("posts_opens_at", "posts_closes_at"))
    position = data.position or 1 + (session.scalar(
        select(func.max(MatchingWave.position)).where(MatchingWave.campaign_id == campaign.id))
        or 0)
    wave = MatchingWave(campaign_id=campaign.id, name=data.name.strip(), position=position,
                        posts_opens_at=to_utc(data.posts_opens_at),
                        posts_closes_at=to_utc(data.posts_closes_at))
    session.add(wave)
    session.flush()
    _schedule_changed(session, campaign.id, {"wave_id": wave.id, "created": True}, ctx, staff)
    session.commit()
    return campaign_public(session, campaign, staff)


def update_wave(session: Session, ctx: RequestContext, staff: Person, wave_id: int,
                data: WaveUpdate) -> MatchingCampaignPublic:
    require_staff(staff)
    wave = _wave(session, wave_id)
    campaign = load_campaign(session, wave.campaign_id, staff)
    sent = data.model_fields_set
    if "name" in sent and data.name is not None:
        wave.name = data.name.strip()
    if "position" in sent and data.position is not None:
        wave.position = data.position
    _check_order({n: utc(getattr(wave, n)) if n not in sent else getattr(data, n)
                  for n in ("posts_opens_at", "posts_closes_at")},
                 ("posts_opens_at", "posts_closes_at"))
    for name in ("posts_opens_at", "posts_closes_at"):
        if name in sent:
            setattr(wave, name, to_utc(getattr(data, name)))
    _schedule_changed(session, campaign.id, {"wave_id": wave.id, "fields": sorted(sent)},
                      ctx, staff)
    session.commit()
    return campaign_public(session, campaign, staff)


def _apply_dates(rnd: MatchingRound, data: RoundDates) -> None:
    sent = data.model_fields_set & set(ON_PLATFORM_DATES + OFF_PLATFORM_DATES)
    names = OFF_PLATFORM_DATES + ("results_at",) if rnd.off_platform else ON_PLATFORM_DATES
    for name in sorted(sent):
        if name not in names and getattr(data, name) is not None:
            kind = "hors plateforme" if rnd.off_platform else "sur la plateforme"
            raise ApiError(422, "invalid_schedule",
                           f"La date « {DATE_LABELS[name]} » ne s'applique pas à un tour {kind}.",
                           field=name)
    values = {n: (getattr(data, n) if n in sent else utc(getattr(rnd, n))) for n in names}
    _check_order(values, names)
    for name in sent:
        setattr(rnd, name, to_utc(getattr(data, name)))


def create_round(session: Session, ctx: RequestContext, staff: Person, wave_id: int,
                 data: RoundCreate) -> MatchingCampaignPublic:
    """A round of a wave with its dates; its number must be new in the wave (409)."""
    require_staff(staff)
    wave = _wave(session, wave_id)
    campaign = load_campaign(session, wave.campaign_id, staff)
    if any(r.number == data.number for r in rounds_of_wave(session, wave.id)):
        raise ApiError(409, "round_exists", f"Le tour {data.number} existe déjà dans cette vague.",
                       field="number")
    rnd = MatchingRound(wave_id=wave.id, number=data.number, off_platform=data.off_platform,
                        state="planned")
    _apply_dates(rnd, data)
    session.add(rnd)
    session.flush()
    _schedule_changed(session, campaign.id, {"round_id": rnd.id, "created": True}, ctx, staff)
    session.commit()
    return campaign_public(session, campaign, staff)


def update_round(session: Session, ctx: RequestContext, staff: Person, round_id: int,
                 data: RoundDates) -> MatchingCampaignPublic:
    """Move a round's dates (only the fields sent; null clears). Published rounds are fixed."""
    require_staff(staff)
    rnd = session.get(MatchingRound, round_id)
    if rnd is None:
        raise not_found("Tour introuvable.")
    wave = _wave(session, rnd.wave_id)
    campaign = load_campaign(session, wave.campaign_id, staff)
    if rnd.state == "published":
        raise ApiError(409, "round_published",
                       "Les résultats de ce tour sont publiés : ses dates ne changent plus.")
    _apply_dates(rnd, data)
    _schedule_changed(session, campaign.id,
                      {"round_id": rnd.id, "fields": sorted(data.model_fields_set)}, ctx, staff)
    session.commit()
    return campaign_public(session, campaign, staff)


def add_coordinator(session: Session, ctx: RequestContext, staff: Person, campaign_id: int,
                    data: CoordinatorAdd) -> MatchingCampaignPublic:
    """Give a known person (by email) the coordinator's part in the campaign."""
    require_staff(staff)
    campaign = load_campaign(session, campaign_id, staff)
    email = normalize_email(data.email)
    person = session.scalar(select(Person).where(Person.email == email))
    if person is None:
        raise not_found("Aucun compte n'a cette adresse électronique.", field="email")
    if session.scalar(select(Participation.id).where(
            Participation.campaign_id == campaign.id, Participation.person_id == person.id,
            Participation.role == COORDINATOR)) is None:
        session.add(Participation(campaign_id=campaign.id, person_id=person.id,
                                  role=COORDINATOR))
    audit.record(session, Action.COORDINATOR_ADDED, actor_id=staff.id, subject_id=person.id,
                 campaign_id=campaign.id, address=ctx.address)
    session.commit()
    return campaign_public(session, campaign, staff)


def wave_of_campaign(session: Session, campaign: Campaign, wave_id: int) -> MatchingWave:
    wave = session.get(MatchingWave, wave_id)
    if wave is None or wave.campaign_id != campaign.id:
        raise not_found("Vague introuvable.", field="wave_id")
    return wave


def post_wave(session: Session, post: MatchingPost) -> MatchingWave:
    return _wave(session, post.wave_id)
