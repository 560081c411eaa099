"""Every Qt item model passes pytest-qt's model tester, sorts on SortRole, shows French."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester

from desktop.api.client import AuditEntry, Campaign
from desktop.models import ItemRole, SortRole
from desktop.models.activity import COL_ACTION, COL_AT, COL_DETAIL, ActivityModel
from desktop.models.campaigns import COL_KIND, COL_ROLE, COL_STATE, CampaignModel
from tests.conftest import TEST_EPOCH


def entry(id_: int, action: str, hour: int, **detail: object) -> AuditEntry:
    at = TEST_EPOCH.replace(hour=hour, minute=5) - timedelta(days=1)
    return AuditEntry(id=id_, at=at, action=action, detail=dict(detail) or None,
                      address="192.0.2.7", actor_id=None, subject_id=None, campaign_id=None)


ENTRIES = [entry(3, "login", 9, method="signin_link"),
           entry(2, "contact_updated", 8, fields=["phone", "email"]),
           entry(1, "something_new_from_a_later_server", 7)]


def test_activity_model(qtmodeltester: ModelTester) -> None:
    model = ActivityModel()
    qtmodeltester.check(model)
    model.set_entries(ENTRIES)
    qtmodeltester.check(model)
    model.append_entries([entry(1, "register", 6), entry(0, "register", 5)])
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and model.oldest_id() == 0
    texts = [model.data(model.index(r, COL_ACTION)) for r in range(4)]
    assert texts == ["Connexion", "Coordonnées modifiées", "Autre action", "Création du compte"]
    assert model.data(model.index(0, COL_DETAIL)) == "par lien reçu par courriel"
    assert model.data(model.index(1, COL_DETAIL)) == "téléphone, adresse électronique"
    assert model.data(model.index(0, COL_AT)).endswith(":05")
    assert model.data(model.index(0, 0), ItemRole) is ENTRIES[0]
    assert model.headerData(COL_DETAIL, Qt.Orientation.Horizontal) == "Détail"


def test_activity_sorts_on_the_sort_role(qtmodeltester: ModelTester) -> None:
    model = ActivityModel()
    model.set_entries(ENTRIES)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(COL_AT, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    ids = [proxy.data(proxy.index(r, 0), ItemRole).id for r in range(proxy.rowCount())]
    assert ids == [1, 2, 3]


def test_campaign_model(qtmodeltester: ModelTester) -> None:
    model = CampaignModel()
    qtmodeltester.check(model)
    model.set_campaigns([
        Campaign(id=1, kind="national", name="EDN 2026", region=None, state="wishes_open",
                 my_role="student"),
        Campaign(id=2, kind="amphi", name="ARS Auvergne-Rhône-Alpes",
                 region="Auvergne-Rhône-Alpes", state="paused", my_role=None),
        Campaign(id=3, kind="matching", name="Appariement", region=None,
                 state="a_state_not_known_yet", my_role="supervisor"),
    ])
    qtmodeltester.check(model)
    assert model.data(model.index(0, COL_KIND)) == "Choix national des postes"
    assert model.data(model.index(1, COL_KIND)) == (
        "Choix de stage en amphithéâtre — Auvergne-Rhône-Alpes")
    assert model.data(model.index(1, COL_ROLE)) == "—"
    assert model.data(model.index(2, COL_ROLE)) == "Responsable de terrain de stage"
    assert model.data(model.index(1, COL_STATE)) == "En pause"
    assert "_" not in model.data(model.index(2, COL_STATE))  # never a raw code
    assert model.data(model.index(2, 0), SortRole) == "appariement"
