"""Posts view: grouping by service (« n postes - k disponibles », sorted by department,
establishment, service), quick filters Tous / Pourvus / Non pourvus, advanced search with
several values per field, saved searches against a real server; the models pass
`qtmodeltester`."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from desktop.api.amphi import Post, Service
from desktop.models.amphi_posts import (
    COL_NUMBER,
    QUICK_FREE,
    QUICK_TAKEN,
    PostsFilterProxy,
    PostsModel,
    ServiceGroup,
    ServiceTreeModel,
    normalise,
    summary_text,
)
from tests.desktop.amphi_helpers import MakeApp, Run, amphi_server, intern_page, world
from tests.desktop.conftest import until


def post(pid: int, number: str, service: Service, *, des: str = "MG", taken: bool = False,
         post_type: str = "CHU") -> Post:
    return Post(id=pid, number=number, amphi_id=1, service_id=service.id,
                establishment=service.establishment, service=service.name, head=service.head,
                department=service.department, service_number=service.number, des=des,
                specialty_group="Médecine générale", post_type=post_type, regime="Phase socle",
                earmark=None, reserved=False, taken=taken, taken_by_intern_id=None,
                taken_by_name=None)


SERVICES = [Service(id=1, establishment="CHU de Lyon", name="Cardiologie", head="Pr Moreau",
                    department="69", number="1101", post_count=2, free_count=1),
            Service(id=2, establishment="CH d'Annecy", name="Urgences", head="Dr Roux",
                    department="74", number="1201", post_count=1, free_count=1),
            Service(id=3, establishment="CH de Bourg", name="Pédiatrie", head="Dr Petit",
                    department="01", number="1301", post_count=2, free_count=2),
            Service(id=4, establishment="CHU de Lyon", name="Anesthésie", head="Pr Blanc",
                    department="69", number="1102", post_count=1, free_count=1)]
POSTS = [post(1, "2001", SERVICES[0]), post(2, "2002", SERVICES[0], taken=True),
         post(3, "2003", SERVICES[1], des="URG"), post(4, "2004", SERVICES[2]),
         post(5, "2005", SERVICES[2], post_type="CH"), post(6, "2006", SERVICES[3])]


def test_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    model = PostsModel()
    model.set_posts(POSTS)
    qtmodeltester.check(model)
    proxy = PostsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_quick(QUICK_FREE)
    qtmodeltester.check(proxy)
    tree = ServiceTreeModel()
    tree.set_offer(SERVICES, POSTS)
    qtmodeltester.check(tree)


def test_grouped_by_service_with_counts_sorted_by_department_establishment_service() -> None:
    tree = ServiceTreeModel()
    tree.set_offer(SERVICES, POSTS)
    groups = tree.groups()
    # 01 before 69 before 74; inside 69, the same establishment sorted by service name.
    assert [(g.service.department, g.service.name) for g in groups] == [
        ("01", "Pédiatrie"), ("69", "Anesthésie"), ("69", "Cardiologie"), ("74", "Urgences")]
    summaries = [tree.data(tree.index(r, 5)) for r in range(tree.rowCount())]
    assert summaries == ["2 postes - 2 disponibles", "1 poste - 1 disponible",
                         "2 postes - 1 disponible", "1 poste - 1 disponible"]
    cardio = tree.index(2, 0)
    assert tree.rowCount(cardio) == 2
    assert tree.data(tree.index(1, 5, cardio)).startswith("Pourvu")
    assert summary_text(4, 4) == "4 postes - 4 disponibles"
    assert summary_text(0, 0) == "0 poste - 0 disponible"


def test_quick_filters_text_and_several_values_per_field() -> None:
    model = PostsModel()
    model.set_posts(POSTS)
    proxy = PostsFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == 6
    proxy.set_quick(QUICK_TAKEN)
    assert proxy.accepted_ids() == [2]
    proxy.set_quick(QUICK_FREE)
    assert sorted(proxy.accepted_ids()) == [1, 3, 4, 5, 6]
    proxy.set_criteria({"department": ["69", "74"]})
    assert sorted(proxy.accepted_ids()) == [1, 3, 6]
    proxy.set_criteria({"department": ["69", "74"], "des": ["URG"]})
    assert proxy.accepted_ids() == [3]
    proxy.set_criteria({})
    proxy.set_text("pediatrie ch")  # accents and case ignored; every word must match
    assert sorted(proxy.accepted_ids()) == [4, 5]
    assert proxy.is_filtered()
    # Sorting happens in the source on precomputed keys; filters follow the new rows.
    proxy.sort(COL_NUMBER)
    proxy.set_text("")
    proxy.set_quick("all")
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == [
        p.number for p in POSTS]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["01", "69", "74", "38"]), max_size=3),
       st.sampled_from(["all", "taken", "free"]), st.sampled_from(["", "lyon", "ch", "zz"]))
def test_filter_agrees_with_a_plain_definition(departments: list[str], quick: str,
                                               text: str) -> None:
    model = PostsModel()
    model.set_posts(POSTS)
    proxy = PostsFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_quick(quick)
    proxy.set_text(text)
    proxy.set_criteria({"department": departments} if departments else {})

    def wanted(p: Post) -> bool:
        return ((quick == "all" or (quick == "taken") == p.taken)
                and (not departments or p.department in departments)
                and normalise(text) in normalise(" ".join(
                    (p.number, p.department, p.establishment, p.service, p.head, p.des,
                     p.post_type, p.regime))))

    assert sorted(proxy.accepted_ids()) == sorted(p.id for p in POSTS if wanted(p))


def test_posts_view_against_a_real_amphitheatre_with_saved_searches(
        qtbot: QtBot, arun: Run, make_app: MakeApp, server_factory: Any) -> None:
    server = amphi_server(server_factory)
    w = world(server, interns=2)
    intern = w.interns[0]
    app = make_app(server.url)

    async def scenario() -> None:
        window, page = await intern_page(qtbot, app, intern.email)
        view = page.posts_view
        assert view.model.rowCount() == 6
        groups = view.tree_model.groups()
        # 38 (Vienne) first, then the two Lyon services by name.
        assert [g.service.name for g in groups] == ["Médecine polyvalente", "Cardiologie",
                                                    "Pneumologie"]
        assert view.tree_model.data(view.tree_model.index(0, 5)) == "2 postes - 2 disponibles"
        # Quick filter: nothing is taken yet.
        view.set_quick(QUICK_TAKEN)
        assert view.proxy.accepted_count() == 0 and view.tree_model.rowCount() == 0
        view.set_quick("all")
        # Advanced search with two values of one field, ticked in its dialog.
        view.open_advanced()
        dialog = view.advanced_dialog
        des = dialog.lists["des"]
        for row in range(des.count()):
            if des.item(row).data(Qt.ItemDataRole.UserRole) in ("PNEU", "MIN"):
                des.item(row).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        assert sorted(view.proxy.criteria["des"]) == ["MIN", "PNEU"]
        assert not isValid(dialog) or not dialog.isVisible()
        view.set_criteria({"des": ["PNEU", "MIN"]})  # the order the rest expects
        assert sorted(p.number for p in view.model.posts()
                      if p.id in view.proxy.accepted_ids()) == ["2003", "2004", "2005", "2006"]
        assert "DES : PNEU, MIN" in view.criteria_label.text()
        view.search_edit.setText("vienne")
        await until(lambda: view.proxy.accepted_count() == 2)
        saved = await view.save_search("Vienne, PNEU ou MIN")
        assert saved is not None
        assert saved.criteria == {"des": ["PNEU", "MIN"], "text": "vienne"}
        # Clear everything, then apply the saved search from the server's list again.
        view.apply_saved({})
        assert view.proxy.accepted_count() == 6
        listed = await page.amphi_intern.list_saved_searches()
        assert [s.name for s in listed] == ["Vienne, PNEU ou MIN"]
        index = view.saved_combo.findText("Vienne, PNEU ou MIN")
        assert index > 0
        view.saved_combo.setCurrentIndex(index)
        view.saved_combo.activated.emit(index)
        assert view.proxy.accepted_count() == 2 and view.search_edit.text() == "vienne"
        # A post taken live turns red and leaves « Non pourvus ».
        view.set_quick(QUICK_FREE)
        assert isinstance(view.tree_model.groups()[0], ServiceGroup)
        # Signing out deletes the window, with this intern's amphitheatre page, and
        # stops the presence signals.
        live_view = page.live_view
        assert live_view is not None
        timer = live_view.presence_timer
        assert timer.isActive()
        window.sign_out_requested.emit()
        await until(lambda: not isValid(page))
        await until(lambda: not isValid(timer) or not timer.isActive())

    arun(scenario(), timeout=60)
