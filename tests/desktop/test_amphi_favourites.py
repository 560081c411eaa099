"""Favourites: add a service or a post (the one-time single-post warning), reorder by drag
and drop (between rows only, one data-layer call per drop), Ctrl+Up/Down and typing the
number, « k disponibles - n favoris »; offline edits kept in the local store and sent on
reconnection, merged with changes made elsewhere meanwhile."""

from __future__ import annotations

import random
from typing import Any

import httpx
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop.api.amphi import Favourite
from desktop.models.amphi_favourites import COL_AVAILABLE, COL_ESTIMATE, FavouritesModel
from desktop.models.amphi_posts import ServiceGroup
from tests.desktop.amphi_helpers import MakeApp, Run, amphi_server, intern_page, world
from tests.desktop.conftest import until
from tests.server.test_amphi_support import World


def fav(n: int, post_ids: tuple[int, ...] = (1, 2)) -> Favourite:
    return Favourite(id=n, position=n, kind="service", service_id=n, post_id=None,
                     establishment=f"CH {n}", service=f"Service {n}", head="Dr X",
                     post_ids=post_ids, available=len(post_ids), favourites=len(post_ids))


def test_model_moves_rows_like_kdab_and_counts_availability(qtmodeltester: Any) -> None:
    model = FavouritesModel()
    moves: list[tuple[tuple[str, int], int]] = []
    model.on_move = lambda key, position: moves.append((key, position))
    model.set_items([fav(1), fav(2), fav(3), fav(4)])
    qtmodeltester.check(model)
    # Only the root accepts drops: a drop never lands on (overwrites) a row.
    assert model.flags(QModelIndex()) & Qt.ItemFlag.ItemIsDropEnabled
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDropEnabled
    data = model.mimeData([model.index(0, 1)])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(2, 0))
    # Drop row 0 between rows 2 and 3: one moveRows, one data-layer call, nothing removed.
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert [f.id for f in model.items()] == [2, 3, 1, 4]
    assert moves == [(("service", 1), 3)]
    assert model.move_row(3, 0) and [f.id for f in model.items()] == [4, 2, 3, 1]
    assert not model.move_row(0, 0)
    model.mark_taken(1)
    assert model.data(model.index(1, COL_AVAILABLE)) == "1 disponible - 2 favoris"
    model.mark_taken(2)
    assert model.data(model.index(1, COL_AVAILABLE)) == "0 disponible - 2 favoris"
    assert model.data(model.index(1, COL_AVAILABLE), Qt.ItemDataRole.ForegroundRole) \
        .color().name() == "#b42318"


def server_order(w: World, token: str) -> list[tuple[str, int]]:
    r = w.client.get(f"{w.base}/favourites", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200, r.text
    return [(i["kind"], i["post_id"] or i["service_id"]) for i in r.json()["items"]]


def test_favourites_drag_reorder_keys_and_warning_against_the_server(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    me = w.interns[0]
    app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, me.email)
        view = page.favourites_view
        assert page.sync is not None
        # No favourite yet: the tab says how to add one, and leads to « Postes ».
        page.tabs.setCurrentWidget(view)
        assert view.stack.currentWidget() is view.empty
        assert "Ajouter aux favoris" in view.empty_text.text()
        assert "« Postes »" in view.empty_text.text()
        view.empty_button.click()
        assert page.tabs.currentWidget() is page.posts_view
        groups = page.posts_view.tree_model.groups()
        # Add the three services (from the grouped view), then one single post.
        for n, group in enumerate(groups, 1):
            page._add_favourite(group)
            await until(lambda n=n: len(server_order(w, me.token)) == n)
        single = next(p for p in page.posts_view.model.posts() if p.number == "2001")
        page._add_favourite(single)
        await until(lambda: len(server_order(w, me.token)) == 4)
        assert view.stack.currentWidget() is view.table
        await until(lambda: hasattr(view, "single_post_box"))
        assert "service entier" in view.single_post_box.text()
        view.single_post_box.accept()
        services = [("service", g.service.id) for g in groups]
        assert server_order(w, me.token) == [*services, ("post", single.id)]
        model = view.model
        assert model.data(model.index(0, COL_AVAILABLE)) == "2 disponibles - 2 favoris"
        # Drag the single post (row 3) to the top: one move on the server.
        page.tabs.setCurrentWidget(view)
        data = model.mimeData([model.index(3, 1)])
        model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
        expected = [("post", single.id), *services]
        assert model.keys() == expected  # at once, before the server answers
        await until(lambda: server_order(w, me.token) == expected)
        # Ctrl+Down on the first row, then « Déplacer en position » 4.
        view.table.select_row(0)
        view.table.setFocus()
        QTest.keyClick(view.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
        expected = [services[0], ("post", single.id), services[1], services[2]]
        assert model.keys() == expected, (model.keys(), services, single.id)
        await until(lambda: server_order(w, me.token) == expected)
        view.table.select_row(0)
        view.position_spin.setValue(4)
        view.move_button.click()
        expected = [("post", single.id), services[1], services[2], services[0]]
        await until(lambda: server_order(w, me.token) == expected,
                    message=f"{server_order(w, me.token)} {model.keys()} {expected}")
        assert view.state_label.text() == "4 favoris — enregistrés sur le serveur"
        # A burst of moves (faster than the answers): sent in order, nothing lost or undone.
        rng = random.Random(7)
        for _ in range(10):
            model.move_row(rng.randrange(4), rng.randrange(4))
        final = model.keys()
        await until(lambda: server_order(w, me.token) == final and page.sync._pending == 0,
                    message=f"{server_order(w, me.token)} != {final}")
        await until(lambda: model.keys() == final and page.sync.keys() == final)
        # A second device (the same intern over plain HTTP) removes one: pushed here.
        listing = w.client.get(f"{w.base}/favourites", headers=me.h).json()
        last = listing["items"][-1]["id"]
        r = w.client.delete(f"{w.base}/favourites/{last}", headers=me.h)
        assert r.status_code == 200
        await until(lambda: len(model.items()) == 3)

    arun(scenario(), timeout=60)


def test_offline_edits_are_kept_then_sent_and_merged(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    me = w.interns[0]
    app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, me.email)
        sync = page.sync
        assert sync is not None
        groups = page.posts_view.tree_model.groups()
        await sync.add(_favourite(groups[0]))
        await sync.add(_favourite(groups[1]))
        assert server_order(w, me.token) == [("service", groups[0].service.id),
                                             ("service", groups[1].service.id)]
        server.stop()
        await until(lambda: app.api.online is False or not app.live.is_connected)
        # Offline, the page opens again from the local copy (offer, call list, favourites).
        page.reset()
        await page.load()
        assert page.posts_view.model.rowCount() == 6
        assert page.info_view.call_model.rowCount() == 2
        sync = page.sync
        assert sync is not None and len(sync.items) == 2 and sync.from_cache, (
            sync.from_cache, page.banner.text, page.favourites_view.banner.text, sync.version)
        assert page.favourites_view.model.rowCount() == 2
        # Offline: add the third service and move it first; nothing is lost.
        await sync.add(_favourite(groups[2]))
        await sync.move(("service", groups[2].service.id), 1)
        assert sync.dirty
        assert page.favourites_view.state_label.text().startswith("3 favoris — modifications "
                                                                  "hors ligne")
        cached = app.store.cache_get(app.account.server, app.account.email,
                                     f"amphi.favourites.{sync.amphi_id}")
        assert cached is not None and cached.value["dirty"] is True
        assert len(app.store.pending(app.account.server, app.account.email,
                                     kind="amphi_favourites")) == 1
        server.start()
        # Meanwhile another device removed the first one and added a post.
        with httpx.Client(base_url=server.url, timeout=10) as client:
            listing = client.get(f"{w.base}/favourites", headers=me.h).json()
            client.delete(f"{w.base}/favourites/{listing['items'][0]['id']}", headers=me.h)
            client.post(f"{w.base}/favourites", headers=me.h, json={"post_id": w.posts["2001"]})
        await until(lambda: not sync.dirty, timeout=20, message="offline edits not sent")
        # My order kept (the removal elsewhere is overridden by my list), the other
        # device's addition put after it; the notice says so.
        assert server_order(w, me.token) == [
            ("service", groups[2].service.id), ("service", groups[0].service.id),
            ("service", groups[1].service.id), ("post", w.posts["2001"])]
        assert "autre appareil" in page.favourites_view.banner.text
        assert app.store.pending(app.account.server, app.account.email,
                                 kind="amphi_favourites") == []

    arun(scenario(), timeout=90)


def _favourite(group: ServiceGroup) -> Favourite:
    from desktop.sync.amphi import favourite_for_service

    return favourite_for_service(group.service, group.posts)


def test_estimate_column_follows_the_others_choices_and_absences(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    """« À mon tour (estimation) » from the server, refreshed by live events."""
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    first, me = w.interns
    fav_url = f"{w.base}/favourites"
    for who, body in ((first, {"post_id": w.posts["2003"]}), (me, {"post_id": w.posts["2003"]}),
                      (me, {"service_id": w.services["1201"]})):
        assert w.client.post(fav_url, headers=who.h, json=body).status_code == 200
    app = make_app(server.url)

    async def scenario() -> None:
        _window, page = await intern_page(qtbot, app, me.email)
        view = page.favourites_view
        model = view.model
        assert not view.table.isColumnHidden(COL_ESTIMATE)

        def column() -> list[str]:
            return [model.data(model.index(r, COL_ESTIMATE)) for r in range(model.rowCount())]

        await until(lambda: column() == ["probablement pris", "probablement libre"],
                    message=str(column()))
        tip = model.data(model.index(0, COL_ESTIMATE), Qt.ItemDataRole.ToolTipRole)
        assert tip.startswith("Estimation") and "0 place" in tip
        assert "chacun des 1 internes" in view.estimate_note.text()
        assert "non disponible" not in view.estimate_note.text()
        # Staff mark the first intern absent: the live event refreshes the estimate.
        r = w.client.patch(f"/api/staff/amphi/interns/{first.intern_id}", headers=w.staff.h,
                           json={"planned_absence": True})
        assert r.status_code == 200
        await until(lambda: column() == ["probablement libre", "probablement libre"],
                    message=str(column()))
        assert "personne n'est plus appelé avant vous" in view.estimate_note.text()
        # My own edit (another device) refreshes it too: a new row gets its estimate.
        assert w.client.post(fav_url, headers=me.h,
                             json={"service_id": w.services["1101"]}).status_code == 200
        await until(lambda: column() == ["probablement libre", "probablement libre",
                                         "réservé à un autre DES"], message=str(column()))

    arun(scenario(), timeout=60)
