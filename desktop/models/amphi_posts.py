"""The posts of an amphitheatre: one row per post, its filter proxy, and the grouped tree.

Filtering must stay instant at 10,000 posts (≤ 50 ms per keystroke), so everything a
filter looks at is computed once when the posts arrive: the normalised value of every
searchable field (casefolded, accents removed) and one search text per post. A filter
change runs one Python pass over those keys to build the accepted set; the proxy's
`filterAcceptsRow` is then a list lookup. Sorting happens in the source model on
precomputed keys (`PostsModel.sort`), not in the proxy's `lessThan`, for the same reason.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.api.amphi import Post, Service
from desktop.models import QT_TRANSLATE_NOOP, ItemRole, SortRole

AnyIndex = QModelIndex | QPersistentModelIndex
CONTEXT = "AmphiPosts"

COL_NUMBER = 0
COL_DEPARTMENT = 1
COL_ESTABLISHMENT = 2
COL_SERVICE = 3
COL_HEAD = 4
COL_DES = 5
COL_TYPE = 6
COL_REGIME = 7
COL_EARMARK = 8
COL_STATE = 9
COL_ACTION = 10  # « Choisir » on the posts I may take now (the live session only)
COLUMNS = 11

HEADERS = {
    COL_NUMBER: QT_TRANSLATE_NOOP(CONTEXT, "N° poste"),
    COL_DEPARTMENT: QT_TRANSLATE_NOOP(CONTEXT, "Dépt"),
    COL_ESTABLISHMENT: QT_TRANSLATE_NOOP(CONTEXT, "Établissement"),
    COL_SERVICE: QT_TRANSLATE_NOOP(CONTEXT, "Service"),
    COL_HEAD: QT_TRANSLATE_NOOP(CONTEXT, "Chef de service"),
    COL_DES: QT_TRANSLATE_NOOP(CONTEXT, "DES"),
    COL_TYPE: QT_TRANSLATE_NOOP(CONTEXT, "Type"),
    COL_REGIME: QT_TRANSLATE_NOOP(CONTEXT, "Régime"),
    COL_EARMARK: QT_TRANSLATE_NOOP(CONTEXT, "Fléchage"),
    COL_STATE: QT_TRANSLATE_NOOP(CONTEXT, "État"),
    COL_ACTION: QT_TRANSLATE_NOOP(CONTEXT, "Choix"),
}

# Fields of the advanced search (several values each): name → (column, French label).
FILTER_FIELDS: dict[str, tuple[int, str]] = {
    "department": (COL_DEPARTMENT, QT_TRANSLATE_NOOP(CONTEXT, "Département")),
    "establishment": (COL_ESTABLISHMENT, QT_TRANSLATE_NOOP(CONTEXT, "Établissement")),
    "service": (COL_SERVICE, QT_TRANSLATE_NOOP(CONTEXT, "Service")),
    "head": (COL_HEAD, QT_TRANSLATE_NOOP(CONTEXT, "Chef de service")),
    "des": (COL_DES, QT_TRANSLATE_NOOP(CONTEXT, "DES")),
    "post_type": (COL_TYPE, QT_TRANSLATE_NOOP(CONTEXT, "Type")),
    "regime": (COL_REGIME, QT_TRANSLATE_NOOP(CONTEXT, "Régime")),
    "earmark": (COL_EARMARK, QT_TRANSLATE_NOOP(CONTEXT, "Fléchage")),
}

QUICK_ALL = "all"
QUICK_TAKEN = "taken"
QUICK_FREE = "free"

TAKEN_COLOUR = QColor("#b42318")
FREE_COLOUR = QColor("#067647")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def normalise(text: str) -> str:
    """Casefolded, without accents: what searches compare."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def field_text(post: Post, column: int) -> str:
    if column == COL_NUMBER:
        return post.number
    if column == COL_DEPARTMENT:
        return post.department
    if column == COL_ESTABLISHMENT:
        return post.establishment
    if column == COL_SERVICE:
        return post.service
    if column == COL_HEAD:
        return post.head
    if column == COL_DES:
        return post.des + (" " + _t("(réservé)") if post.reserved else "")
    if column == COL_TYPE:
        return post.post_type
    if column == COL_REGIME:
        return post.regime
    if column == COL_EARMARK:
        return post.earmark or ""
    if column == COL_ACTION:
        return ""
    return state_text(post)


def state_text(post: Post) -> str:
    if post.taken:
        who = f" ({post.taken_by_name})" if post.taken_by_name else ""
        return _t("Pourvu") + who
    return _t("Libre")


def filter_value(post: Post, name: str) -> str:
    """The raw value of an advanced-search field (what the value lists offer)."""
    if name == "des":
        return post.des
    if name == "earmark":
        return post.earmark or ""
    return field_text(post, FILTER_FIELDS[name][0])


def _number_key(number: str) -> tuple[int, Any]:
    return (0, int(number)) if number.isdigit() else (1, normalise(number))


def _padded(text: str) -> str:
    return text.zfill(12) if text.isdigit() else "~" + normalise(text)


def sortable(post: Post, column: int) -> str:
    """One comparable string per cell (the SortRole): numbers padded, text normalised."""
    if column == COL_NUMBER:
        return _padded(post.number)
    if column == COL_DEPARTMENT:
        return _padded(post.department)
    if column == COL_STATE:
        return ("1" if post.taken else "0") + _padded(post.number)
    return normalise(field_text(post, column))


class PostsModel(QAbstractTableModel):
    """One row per post; keeps the precomputed filter and sort keys next to the rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._posts: list[Post] = []
        self._row_of: dict[int, int] = {}
        self.keys: dict[str, list[str]] = {name: [] for name in FILTER_FIELDS}
        self.search_text: list[str] = []
        self.taken: list[bool] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self.allowed: set[int] | None = None  # post ids I may take now (live session)
        self.favourite_rank: dict[int, int] = {}  # post id → place in my favourites
        # The live session's default order (`sort(-1)`): free posts first, my favourites
        # (in my order) on top of each, then by number.
        self.priority_order = False

    # ---------------------------------------------------------------- data in

    def set_posts(self, posts: Sequence[Post]) -> None:
        self.beginResetModel()
        self._posts = list(posts)
        self._rebuild_keys()
        self.endResetModel()

    def _rebuild_keys(self) -> None:
        posts = self._posts
        self._row_of = {p.id: i for i, p in enumerate(posts)}
        self.keys = {name: [normalise(filter_value(p, name)) for p in posts]
                     for name in FILTER_FIELDS}
        self.search_text = [normalise(" ".join((p.number, p.department, p.establishment,
                                                p.service, p.head, p.des, p.post_type,
                                                p.regime, p.earmark or "")))
                            for p in posts]
        self.taken = [p.taken for p in posts]

    def update_post(self, post: Post) -> bool:
        """Replace one post (taken by someone, live); False when it is not listed."""
        row = self._row_of.get(post.id)
        if row is None:
            return False
        self._posts[row] = post
        self.taken[row] = post.taken
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMNS - 1))
        return True

    def set_allowed(self, post_ids: set[int] | None) -> None:
        """Which posts show a « Choisir » action (None: no choosing now)."""
        self.allowed = post_ids
        if self._posts:
            self.dataChanged.emit(self.index(0, COL_STATE),
                                  self.index(len(self._posts) - 1, COL_STATE))

    def set_favourites(self, post_ids: Sequence[int]) -> None:
        """The posts of my favourites, in my order: shown in bold, first in the live list."""
        rank: dict[int, int] = {}
        for post_id in post_ids:
            rank.setdefault(post_id, len(rank))
        self.favourite_rank = rank
        if self._posts:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._posts) - 1,
                                                               COLUMNS - 1))

    def priority_key(self, post: Post) -> Any:
        """Free before taken; among each, my favourites first (in my order), then by
        number."""
        rank = self.favourite_rank.get(post.id)
        return (post.taken, rank is None, rank or 0, _number_key(post.number))

    def posts(self) -> list[Post]:
        return list(self._posts)

    def post(self, post_id: int) -> Post | None:
        row = self._row_of.get(post_id)
        return self._posts[row] if row is not None else None

    def row_of(self, post_id: int) -> int | None:
        return self._row_of.get(post_id)

    def values(self, name: str) -> list[str]:
        """Distinct raw values of an advanced-search field, sorted for a list to pick from."""
        found = {filter_value(p, name) for p in self._posts}
        return sorted(found, key=lambda v: (_number_key(v) if name == "department"
                                            else (0, normalise(v))))

    # ---------------------------------------------------------------- Qt

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = HEADERS.get(section)
            return _t(title) if title else None
        return None

    def sort_key(self, post: Post, column: int) -> Any:
        if column == COL_NUMBER:
            return _number_key(post.number)
        if column == COL_DEPARTMENT:
            return (_number_key(post.department), normalise(post.establishment),
                    normalise(post.service), _number_key(post.number))
        if column == COL_STATE:
            return (post.taken, _number_key(post.number))
        return (normalise(field_text(post, column)), _number_key(post.number))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._posts)):
            return None
        post = self._posts[index.row()]
        column = index.column()
        if role == ItemRole:
            return post
        if role == SortRole:
            return sortable(post, column)
        mine = self.allowed is not None and post.id in self.allowed
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ACTION:
                return _t("Choisir") if mine else ""
            return field_text(post, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_ACTION:
                return _t("Choisir ce poste (confirmation demandée)") if mine else None
            text = field_text(post, column)
            if column == COL_STATE and mine:
                text = _t("Libre — vous pouvez le choisir")
            rank = self.favourite_rank.get(post.id)
            if rank is not None and column in (COL_NUMBER, COL_ESTABLISHMENT, COL_SERVICE):
                text += " — " + _t("favori n° %1").replace("%1", str(rank + 1))
            return text
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE:
            return QBrush(TAKEN_COLOUR if post.taken else FREE_COLOUR)
        if role == Qt.ItemDataRole.FontRole and post.id in self.favourite_rank \
                and column in (COL_NUMBER, COL_ESTABLISHMENT, COL_SERVICE):
            return self._bold
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows on precomputed keys (fast at 10,000 posts); column -1 is the
        priority order when `priority_order` is set (no header sorted)."""
        if column == -1 and self.priority_order:
            self._sort_by(self.priority_key, False)
        elif 0 <= column < COLUMNS:
            self._sort_by(lambda p: self.sort_key(p, column),
                          order == Qt.SortOrder.DescendingOrder)

    def _sort_by(self, key: Callable[[Post], Any], reverse: bool) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self._posts[i.row()].id for i in old]
        self._posts.sort(key=key, reverse=reverse)
        self._rebuild_keys()
        self.changePersistentIndexList(
            old, [self.index(self._row_of[pid], i.column()) for pid, i in zip(old_ids, old,
                                                                              strict=True)])
        self.layoutChanged.emit()


class PostsFilterProxy(QSortFilterProxyModel):
    """Tous / Pourvus / Non pourvus, a free text, and several values per field.

    The accepted rows are computed in one pass over the source's precomputed keys;
    sorting is delegated to the source model.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.quick = QUICK_ALL
        self.text = ""
        self.criteria: dict[str, list[str]] = {}
        self.only: set[int] | None = None  # restrict to these post ids (my favourites)
        self._accepted: list[bool] = []
        self.setDynamicSortFilter(False)
        # While no view shows the rows (the grouped tree is on screen), the accepted set
        # is still computed but Qt's row mapping is rebuilt only when shown again.
        self.deferred = False
        self._stale = False

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # noqa: N802 - Qt override
        assert isinstance(model, PostsModel)
        super().setSourceModel(model)
        model.modelReset.connect(self._recompute_and_invalidate)
        model.layoutChanged.connect(self._recompute_and_invalidate)
        self._recompute()

    @property
    def posts_model(self) -> PostsModel:
        model = self.sourceModel()
        assert isinstance(model, PostsModel)
        return model

    def set_quick(self, quick: str) -> None:
        self.quick = quick
        self._recompute_and_invalidate()

    def set_text(self, text: str) -> None:
        """A longer text (the next keystroke) only narrows: refine the accepted rows."""
        old, self.text = self.text, text
        words, old_words = normalise(text).split(), normalise(old).split()
        narrowing = (bool(old_words) and len(words) >= len(old_words)
                     and all(w.startswith(o) or o in w
                             for w, o in zip(words, old_words, strict=False))
                     and len(self._accepted) == self.posts_model.rowCount())
        if not narrowing:
            self._recompute_and_invalidate()
            return
        texts = self.posts_model.search_text
        if not self.deferred:
            self.beginFilterChange()
        self._accepted = [ok and all(w in texts[i] for w in words)
                          for i, ok in enumerate(self._accepted)]
        if self.deferred:
            self._stale = True
        else:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_criteria(self, criteria: Mapping[str, Iterable[str]]) -> None:
        self.criteria = {k: list(v) for k, v in criteria.items() if k in FILTER_FIELDS and v}
        self._recompute_and_invalidate()

    def set_only(self, post_ids: set[int] | None) -> None:
        self.only = set(post_ids) if post_ids is not None else None
        self._recompute_and_invalidate()

    def is_filtered(self) -> bool:
        return (self.quick != QUICK_ALL or bool(self.text.strip()) or bool(self.criteria)
                or self.only is not None)

    def refilter(self) -> None:
        """Recompute after posts changed state (a choice in the live session)."""
        self._recompute_and_invalidate()

    def accepted_ids(self) -> list[int]:
        posts = self.posts_model.posts()
        return [posts[i].id for i, ok in enumerate(self._accepted) if ok]

    def _recompute(self) -> None:
        model = self.sourceModel()
        if not isinstance(model, PostsModel):
            self._accepted = []
            return
        n = model.rowCount()
        accepted = [True] * n
        if self.quick == QUICK_TAKEN:
            accepted = list(model.taken)
        elif self.quick == QUICK_FREE:
            accepted = [not t for t in model.taken]
        for name, values in self.criteria.items():
            wanted = {normalise(v) for v in values}
            keys = model.keys[name]
            accepted = [ok and keys[i] in wanted for i, ok in enumerate(accepted)]
        if self.only is not None:
            only = self.only
            posts = model.posts()
            accepted = [ok and posts[i].id in only for i, ok in enumerate(accepted)]
        words = normalise(self.text).split()
        if words:
            texts = model.search_text
            accepted = [ok and all(w in texts[i] for w in words)
                        for i, ok in enumerate(accepted)]
        self._accepted = accepted

    def _recompute_and_invalidate(self) -> None:
        if self.deferred:
            self._recompute()
            self._stale = True
            return
        self.beginFilterChange()
        self._recompute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_deferred(self, deferred: bool) -> None:
        """Defer Qt's row mapping while no view shows this proxy; catch up when shown."""
        self.deferred = deferred
        if not deferred and self._stale:
            self._stale = False
            self.beginFilterChange()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepted_count(self) -> int:
        return sum(self._accepted)

    def filterAcceptsRow(self, source_row: int, _parent: AnyIndex) -> bool:  # noqa: N802
        accepted = self._accepted
        return source_row < len(accepted) and accepted[source_row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.posts_model.sort(column, order)


# --------------------------------------------------------------------------- grouped

GCOL_NAME = 0
GCOL_ESTABLISHMENT = 1
GCOL_DEPARTMENT = 2
GCOL_HEAD = 3
GCOL_DES = 4
GCOL_SUMMARY = 5
GCOLUMNS = 6

GHEADERS = {
    GCOL_NAME: QT_TRANSLATE_NOOP(CONTEXT, "Service / poste"),
    GCOL_ESTABLISHMENT: QT_TRANSLATE_NOOP(CONTEXT, "Établissement"),
    GCOL_DEPARTMENT: QT_TRANSLATE_NOOP(CONTEXT, "Dépt"),
    GCOL_HEAD: QT_TRANSLATE_NOOP(CONTEXT, "Chef de service"),
    GCOL_DES: QT_TRANSLATE_NOOP(CONTEXT, "DES"),
    GCOL_SUMMARY: QT_TRANSLATE_NOOP(CONTEXT, "Postes"),
}


def summary_text(total: int, free: int) -> str:
    """« 4 postes - 4 disponibles » (French plural rules: 0 and 1 are singular)."""
    posts = _t("%1 poste") if total <= 1 else _t("%1 postes")
    free_text = _t("%1 disponible") if free <= 1 else _t("%1 disponibles")
    return f"{posts.replace('%1', str(total))} - {free_text.replace('%1', str(free))}"


class ServiceGroup:
    __slots__ = ("posts", "service", "texts")

    def __init__(self, service: Service, posts: list[Post]) -> None:
        self.service = service
        self.posts = posts
        self.texts: dict[int, str] | None = None  # display texts, computed once (painting)

    @property
    def free(self) -> int:
        return sum(1 for p in self.posts if not p.taken)


class ServiceTreeModel(QAbstractItemModel):
    """Services (sorted by department, establishment, service) with their posts below.

    Top-level rows are services with « n postes - k disponibles »; children are posts.
    It shows the posts it is given (the filter proxy's accepted set).
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[ServiceGroup] = []
        self._all: list[ServiceGroup] = []
        self._group_of: dict[int, int] = {}
        self._bold = QFont()  # built once: data() is called for every painted cell
        self._bold.setBold(True)

    def set_offer(self, services: Sequence[Service], posts: Iterable[Post]) -> None:
        """All the posts, grouped and sorted once; `show_only` then filters linearly."""
        by_service: dict[int, list[Post]] = {}
        for post in posts:
            by_service.setdefault(post.service_id, []).append(post)
        known = {s.id: s for s in services}
        groups = []
        for sid, members in by_service.items():
            service = known.get(sid) or Service(
                id=sid, establishment=members[0].establishment, name=members[0].service,
                head=members[0].head, department=members[0].department,
                number=members[0].service_number, post_count=len(members), free_count=0)
            members.sort(key=lambda p: _number_key(p.number))
            groups.append(ServiceGroup(service, members))
        groups.sort(key=lambda g: (_number_key(g.service.department),
                                   normalise(g.service.establishment),
                                   normalise(g.service.name)))
        self._all = groups
        self._publish(groups)

    def show_only(self, post_ids: set[int] | None) -> None:
        """Keep the posts in `post_ids` (None: all), in the precomputed order (no sort)."""
        if post_ids is None:
            self._publish(self._all)
            return
        shown = []
        for group in self._all:
            members = [p for p in group.posts if p.id in post_ids]
            if members:
                shown.append(ServiceGroup(group.service, members))
        self._publish(shown)

    def _publish(self, groups: list[ServiceGroup]) -> None:
        self.beginResetModel()
        self._groups = groups
        self._group_of = {g.service.id: i for i, g in enumerate(groups)}
        self.endResetModel()

    def update_post(self, post: Post) -> None:
        for group in self._all:
            if group.service.id == post.service_id:
                group.posts[:] = [post if p.id == post.id else p for p in group.posts]
        row = self._group_of.get(post.service_id)
        if row is None:
            return
        group = self._groups[row]
        group.texts = None
        for i, existing in enumerate(group.posts):
            if existing.id == post.id:
                group.posts[i] = post
                parent = self.index(row, 0)
                self.dataChanged.emit(self.index(i, 0, parent),
                                      self.index(i, GCOLUMNS - 1, parent))
                self.dataChanged.emit(self.index(row, 0), self.index(row, GCOLUMNS - 1))
                return

    def groups(self) -> list[ServiceGroup]:
        """The groups shown (after the filters)."""
        return list(self._groups)

    def all_groups(self) -> list[ServiceGroup]:
        """Every service of the offer, filters aside."""
        return list(self._all)

    # ---------------------------------------------------------------- Qt

    def index(self, row: int, column: int,
              parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= GCOLUMNS or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, 0)
        if parent.internalId() != 0 or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].posts):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override] # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(int(index.internalId()) - 1, 0, 0)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0 \
                and parent.row() < len(self._groups):
            return len(self._groups[parent.row()].posts)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return GCOLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            title = GHEADERS.get(section)
            return _t(title) if title else None
        return None

    def item(self, index: AnyIndex) -> Post | ServiceGroup | None:
        if not index.isValid():
            return None
        ident = int(index.internalId())
        if ident == 0:
            return self._groups[index.row()] if index.row() < len(self._groups) else None
        group = self._groups[ident - 1]
        return group.posts[index.row()] if index.row() < len(group.posts) else None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index)
        if item is None:
            return None
        column = index.column()
        if role == ItemRole:
            return item
        if isinstance(item, ServiceGroup):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        SortRole):
                if item.texts is None:
                    service = item.service
                    item.texts = {
                        GCOL_NAME: service.name, GCOL_ESTABLISHMENT: service.establishment,
                        GCOL_DEPARTMENT: service.department, GCOL_HEAD: service.head,
                        GCOL_DES: ", ".join(sorted({p.des for p in item.posts})),
                        GCOL_SUMMARY: summary_text(len(item.posts), item.free)}
                return item.texts.get(column, "")
            if role == Qt.ItemDataRole.FontRole and column in (GCOL_NAME, GCOL_SUMMARY):
                return self._bold
            if role == Qt.ItemDataRole.ForegroundRole and column == GCOL_SUMMARY:
                return QBrush(FREE_COLOUR if item.free else TAKEN_COLOUR)
            return None
        post = item
        kind = post.post_type + (" · " + _t("Fléchage : %1").replace("%1", post.earmark)
                                 if post.earmark else "")
        texts = {GCOL_NAME: _t("Poste %1").replace("%1", post.number),
                 GCOL_ESTABLISHMENT: kind, GCOL_DEPARTMENT: "", GCOL_HEAD: "",
                 GCOL_DES: field_text(post, COL_DES), GCOL_SUMMARY: state_text(post)}
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            return texts.get(column, "")
        if role == Qt.ItemDataRole.ForegroundRole and column == GCOL_SUMMARY:
            return QBrush(TAKEN_COLOUR if post.taken else FREE_COLOUR)
        return None
