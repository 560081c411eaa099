"""Favourites (a whole service or one post, ordered, unlimited) and saved searches.

Favourites live on the server per intern and amphitheatre; every change bumps the list's
`version`. A client that edited offline sends its whole list with the version it started
from (`replace`): an older version is refused (409 `version_conflict`) so that edits made
meanwhile on another device are never lost silently. Favourites help; they never choose.
Editable from the opening of the amphitheatre until it finishes; the proxy holder edits
them as the intern would.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from server_stub.amphi.common import (
    LIVE_STATES,
    VISIBLE_TO_INTERNS,
    Actor,
    Audit,
    actor_in,
    get_amphi,
)
from server_stub.amphi.models import (
    Amphi,
    AmphiFavourite,
    AmphiFavouriteList,
    AmphiPost,
    AmphiState,
    SavedSearch,
    Service,
)
from server_stub.amphi.schemas import (
    FavouriteAdd,
    FavouriteAdded,
    FavouriteList,
    FavouritePublic,
    FavouriteReplace,
    FavouriteTarget,
    SavedSearchIn,
    SavedSearchPublic,
)
from server_stub.core import audit, events
from server_stub.core.clock import as_utc, now
from server_stub.core.context import RequestContext
from server_stub.core.db import execute_dml
from server_stub.core.errors import ApiError, not_found
from server_stub.core.models import Person

EDITABLE = (AmphiState.OPEN.value, *LIVE_STATES)
MAX_SAVED_SEARCHES = 100


def _check_state(amphi: Amphi, editing: bool) -> None:
    allowed = EDITABLE if editing else VISIBLE_TO_INTERNS
    if amphi.state not in allowed:
        if amphi.state == AmphiState.FINISHED.value:
            raise ApiError(409, "amphi_finished",
                           "L'amphithéâtre est terminé : les favoris ne se modifient plus.")
        raise ApiError(409, "amphi_not_open",
                       "Les favoris s'ouvrent avec l'amphithéâtre, une semaine avant la session.")


def _lock_list(session: Session, actor: Actor, amphi: Amphi) -> AmphiFavouriteList:
    """The intern's list row, locked for this transaction (created on first use)."""
    done = execute_dml(session, update(AmphiFavouriteList).where(
        AmphiFavouriteList.intern_id == actor.intern.id,
        AmphiFavouriteList.amphi_id == amphi.id).values(version=AmphiFavouriteList.version))
    if done.rowcount == 0:
        session.add(AmphiFavouriteList(intern_id=actor.intern.id, amphi_id=amphi.id, version=0,
                                       single_post_warned=False, updated_at=now()))
        session.flush()
    row = session.scalar(select(AmphiFavouriteList).where(
        AmphiFavouriteList.intern_id == actor.intern.id, AmphiFavouriteList.amphi_id == amphi.id)
        .execution_options(populate_existing=True))
    assert row is not None
    return row


def _items(session: Session, intern_id: int, amphi_id: int) -> list[AmphiFavourite]:
    return list(session.scalars(select(AmphiFavourite).where(
        AmphiFavourite.intern_id == intern_id, AmphiFavourite.amphi_id == amphi_id)
        .order_by(AmphiFavourite.position, AmphiFavourite.id)))


def _view(session: Session, actor: Actor, amphi: Amphi) -> FavouriteList:
    meta = session.scalar(select(AmphiFavouriteList).where(
        AmphiFavouriteList.intern_id == actor.intern.id, AmphiFavouriteList.amphi_id == amphi.id))
    items = _items(session, actor.intern.id, amphi.id)
    services = {s.id: s for s in session.scalars(select(Service).where(
        Service.id.in_({f.service_id for f in items})))}
    posts_of: dict[int, list[AmphiPost]] = defaultdict(list)
    for post in session.scalars(select(AmphiPost).where(
            AmphiPost.amphi_id == amphi.id,
            AmphiPost.service_id.in_(list(services))).order_by(AmphiPost.id)):
        posts_of[post.service_id].append(post)
    out = []
    for f in items:
        s = services[f.service_id]
        covered = [p for p in posts_of[s.id] if f.post_id is None or p.id == f.post_id]
        out.append(FavouritePublic(
            id=f.id, position=f.position, kind="service" if f.post_id is None else "post",
            service_id=s.id, post_id=f.post_id, establishment=s.establishment, service=s.name,
            head=s.head, post_ids=[p.id for p in covered],
            available=sum(1 for p in covered if p.taken_by_id is None),
            favourites=len(covered)))
    return FavouriteList(amphi_id=amphi.id, intern_id=actor.intern.id,
                         version=meta.version if meta else 0,
                         single_post_warned=meta.single_post_warned if meta else False,
                         items=out)


def _target(session: Session, amphi: Amphi, target: FavouriteTarget, field: str
            ) -> tuple[str, int, int | None]:
    """("service:<id>" | "post:<id>", service id, post id). Raises 404 / 422."""
    if target.post_id is not None:
        post = session.get(AmphiPost, target.post_id)
        if post is None or post.amphi_id != amphi.id:
            raise not_found("Ce poste n'est pas proposé dans cet amphithéâtre.",
                            field=f"{field}post_id")
        if target.service_id is not None and target.service_id != post.service_id:
            raise ApiError(422, "invalid_request", "Ce poste n'appartient pas à ce service.",
                           field=f"{field}service_id")
        return f"post:{post.id}", post.service_id, post.id
    if target.service_id is None:
        raise ApiError(422, "invalid_request", "Indiquez un service ou un poste.",
                       field=f"{field}service_id")
    offered = session.scalar(select(func.count()).where(
        AmphiPost.service_id == target.service_id, AmphiPost.amphi_id == amphi.id))
    if not offered:
        raise not_found("Ce service ne propose aucun poste dans cet amphithéâtre.",
                        field=f"{field}service_id")
    return f"service:{target.service_id}", target.service_id, None


def _changed(session: Session, ctx: RequestContext, actor: Actor, meta: AmphiFavouriteList,
             amphi: Amphi, what: str) -> None:
    meta.version += 1
    meta.updated_at = now()
    # The intern's other devices (and the client of his proxy holder) reload the list.
    events.publish(session, "amphi_favourites",
                   {"amphi_id": amphi.id, "intern_id": actor.intern.id,
                    "version": meta.version},
                   campaign_id=amphi.campaign_id, audience_id=actor.intern.person_id)
    audit.record(session, Audit.FAVOURITES_CHANGED, actor_id=actor.person.id,
                 subject_id=actor.intern.person_id, campaign_id=amphi.campaign_id,
                 address=ctx.address, detail={"amphi_id": amphi.id, "change": what,
                                              "version": meta.version})


def _renumber(items: list[AmphiFavourite]) -> None:
    for n, item in enumerate(items, start=1):
        item.position = n


def get_favourites(session: Session, person: Person, amphi_id: int) -> FavouriteList:
    amphi = get_amphi(session, amphi_id)
    actor = actor_in(session, person, amphi)
    _check_state(amphi, editing=False)
    return _view(session, actor, amphi)


def _begin(session: Session, person: Person, amphi_id: int
           ) -> tuple[Amphi, Actor, AmphiFavouriteList]:
    amphi = get_amphi(session, amphi_id)
    actor = actor_in(session, person, amphi)
    _check_state(amphi, editing=True)
    return amphi, actor, _lock_list(session, actor, amphi)


def add(session: Session, ctx: RequestContext, person: Person, amphi_id: int,
        data: FavouriteAdd) -> FavouriteAdded:
    """Add a service or a post (last, or at `position`). Raises 404, 409
    `already_favourite` / `amphi_not_open` / `amphi_finished`, 422."""
    amphi, actor, meta = _begin(session, person, amphi_id)
    key, service_id, post_id = _target(session, amphi, data, "")
    items = _items(session, actor.intern.id, amphi.id)
    if any(i.target == key for i in items):
        raise ApiError(409, "already_favourite", "Ce favori est déjà dans votre liste.")
    item = AmphiFavourite(intern_id=actor.intern.id, amphi_id=amphi.id, target=key,
                          service_id=service_id, post_id=post_id, position=0)
    session.add(item)
    at = len(items) if data.position is None else min(data.position - 1, len(items))
    items.insert(at, item)
    _renumber(items)
    first_single = post_id is not None and not meta.single_post_warned
    if first_single:
        meta.single_post_warned = True
    _changed(session, ctx, actor, meta, amphi, "add")
    session.commit()
    view = _view(session, actor, amphi)
    return FavouriteAdded(**view.model_dump(), first_single_post=first_single)


def remove(session: Session, ctx: RequestContext, person: Person, amphi_id: int,
           favourite_id: int) -> FavouriteList:
    amphi, actor, meta = _begin(session, person, amphi_id)
    items = _items(session, actor.intern.id, amphi.id)
    item = next((i for i in items if i.id == favourite_id), None)
    if item is None:
        raise not_found("Ce favori n'est pas dans votre liste.")
    items.remove(item)
    session.delete(item)
    _renumber(items)
    _changed(session, ctx, actor, meta, amphi, "remove")
    session.commit()
    return _view(session, actor, amphi)


def move(session: Session, ctx: RequestContext, person: Person, amphi_id: int,
         favourite_id: int, position: int) -> FavouriteList:
    """Put a favourite at `position` (1 = first; beyond the end = last)."""
    amphi, actor, meta = _begin(session, person, amphi_id)
    items = _items(session, actor.intern.id, amphi.id)
    item = next((i for i in items if i.id == favourite_id), None)
    if item is None:
        raise not_found("Ce favori n'est pas dans votre liste.")
    items.remove(item)
    items.insert(min(position - 1, len(items)), item)
    _renumber(items)
    _changed(session, ctx, actor, meta, amphi, "move")
    session.commit()
    return _view(session, actor, amphi)


def replace(session: Session, ctx: RequestContext, person: Person, amphi_id: int,
            data: FavouriteReplace) -> FavouriteList:
    """Replace the whole ordered list (offline sync). Raises 409 `version_conflict` when
    the list changed since `base_version`; 422 `duplicate_favourite`."""
    amphi, actor, meta = _begin(session, person, amphi_id)
    if data.base_version != meta.version:
        raise ApiError(409, "version_conflict",
                       "Vos favoris ont été modifiés depuis (sur un autre appareil ?) : "
                       "rechargez-les, puis refaites vos changements.", field="base_version")
    wanted: list[tuple[str, int, int | None]] = []
    seen: set[str] = set()
    for n, target in enumerate(data.items):
        key, service_id, post_id = _target(session, amphi, target, f"items[{n}].")
        if key in seen:
            raise ApiError(422, "duplicate_favourite",
                           f"Le favori n° {n + 1} figure deux fois dans la liste.",
                           field=f"items[{n}]")
        seen.add(key)
        wanted.append((key, service_id, post_id))
    existing = {i.target: i for i in _items(session, actor.intern.id, amphi.id)}
    for key, item in existing.items():
        if key not in seen:
            session.delete(item)
    session.flush()
    for n, (key, service_id, post_id) in enumerate(wanted, start=1):
        kept = existing.get(key)
        if kept is None:
            session.add(AmphiFavourite(intern_id=actor.intern.id, amphi_id=amphi.id, target=key,
                                       service_id=service_id, post_id=post_id, position=n))
        else:
            kept.position = n
    if any(post_id is not None for _, _, post_id in wanted):
        meta.single_post_warned = True
    _changed(session, ctx, actor, meta, amphi, "replace")
    session.commit()
    return _view(session, actor, amphi)


# --------------------------------------------------------------------------- saved searches

Scalar = str | int | float | bool | None


def _check_criteria(criteria: dict[str, Any]) -> dict[str, Any]:
    """Criteria are the client's: field name → a value or a list of values (JSON scalars)."""
    for key, value in criteria.items():
        if not key or len(key) > 60:
            raise ApiError(422, "invalid_request",
                           "Chaque critère doit avoir un nom de 1 à 60 caractères.",
                           field="criteria")
        values = value if isinstance(value, list) else [value]
        if len(values) > 500 or not all(
                isinstance(v, Scalar) and (not isinstance(v, str) or len(v) <= 200)
                for v in values):
            raise ApiError(422, "invalid_request",
                           f"Le critère « {key} » doit être une valeur ou une liste de valeurs "
                           "simples (textes de 200 caractères au plus).",
                           field=f"criteria.{key}")
    return criteria


def _search_public(s: SavedSearch) -> SavedSearchPublic:
    return SavedSearchPublic(id=s.id, name=s.name, criteria=s.criteria or {},
                             created_at=as_utc(s.created_at), updated_at=as_utc(s.updated_at))


def list_searches(session: Session, person: Person) -> list[SavedSearchPublic]:
    rows = session.scalars(select(SavedSearch).where(SavedSearch.person_id == person.id)
                           .order_by(SavedSearch.name, SavedSearch.id))
    return [_search_public(s) for s in rows]


def _name_taken(session: Session, person: Person, name: str, other: int | None) -> bool:
    query = select(SavedSearch.id).where(SavedSearch.person_id == person.id,
                                         SavedSearch.name == name)
    if other is not None:
        query = query.where(SavedSearch.id != other)
    return session.scalar(query) is not None


def _name_error() -> ApiError:
    return ApiError(409, "name_taken", "Vous avez déjà une recherche sauvegardée sous ce nom.",
                    field="name")


def create_search(session: Session, ctx: RequestContext, person: Person,
                  data: SavedSearchIn) -> SavedSearchPublic:
    """Save criteria under a name. Raises 409 `name_taken` / `too_many_saved_searches`."""
    name = data.name.strip()
    criteria = _check_criteria(data.criteria)
    if not name:
        raise ApiError(422, "invalid_request", "Donnez un nom à la recherche.", field="name")
    if _name_taken(session, person, name, None):
        raise _name_error()
    count = session.scalar(select(func.count()).where(SavedSearch.person_id == person.id))
    if (count or 0) >= MAX_SAVED_SEARCHES:
        raise ApiError(409, "too_many_saved_searches",
                       f"Vous avez déjà {MAX_SAVED_SEARCHES} recherches sauvegardées : "
                       "supprimez-en une.")
    at = now()
    row = SavedSearch(person_id=person.id, name=name, criteria=criteria, created_at=at,
                      updated_at=at)
    session.add(row)
    session.flush()
    audit.record(session, Audit.SAVED_SEARCH, actor_id=person.id, subject_id=person.id,
                 address=ctx.address, detail={"id": row.id, "change": "create"})
    session.commit()
    return _search_public(row)


def _own_search(session: Session, person: Person, search_id: int) -> SavedSearch:
    row = session.get(SavedSearch, search_id)
    if row is None or row.person_id != person.id:
        raise not_found("Recherche sauvegardée introuvable.")
    return row


def update_search(session: Session, ctx: RequestContext, person: Person, search_id: int,
                  data: SavedSearchIn) -> SavedSearchPublic:
    row = _own_search(session, person, search_id)
    name = data.name.strip()
    if not name:
        raise ApiError(422, "invalid_request", "Donnez un nom à la recherche.", field="name")
    if _name_taken(session, person, name, row.id):
        raise _name_error()
    row.name = name
    row.criteria = _check_criteria(data.criteria)
    row.updated_at = now()
    audit.record(session, Audit.SAVED_SEARCH, actor_id=person.id, subject_id=person.id,
                 address=ctx.address, detail={"id": row.id, "change": "update"})
    session.commit()
    return _search_public(row)


def delete_search(session: Session, ctx: RequestContext, person: Person, search_id: int) -> None:
    row = _own_search(session, person, search_id)
    session.delete(row)
    audit.record(session, Audit.SAVED_SEARCH, actor_id=person.id, subject_id=person.id,
                 address=ctx.address, detail={"id": search_id, "change": "delete"})
    session.commit()
