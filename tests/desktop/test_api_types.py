"""The answer types generated from the server's document (desktop/api/schema.py) decode
like the hand-written ones did: aware datetimes, tuples, conveniences, French errors."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.api.client import ApiError, Health, Profile, decode, decode_list, encode
from desktop.api.matching import MatchingCampaign
from desktop.api.national import ListingRow, WishWrite

ROOT = Path(__file__).resolve().parents[2]
PERSON = {"id": 1, "role": "student", "last_name": "Lefèvre", "first_name": "Camille",
          "birth_date": "2000-03-14", "birth_town": None, "ine": None, "email": None,
          "phone": None, "address": None, "faculty": None, "secret_question": None,
          "campaigns": [{"id": 2, "kind": "amphi", "name": "ARS", "region": None,
                         "state": "open", "my_role": "student"}], "a_later_field": 1}


def test_datetimes_are_aware_even_when_the_server_omits_the_offset() -> None:
    health = decode(Health, {"status": "ok", "version": "1", "database": "ok",
                             "time": "2026-09-14T07:32:00"})
    assert health.time.utcoffset() is not None and health.time.utcoffset().total_seconds() == 0


def test_answers_are_frozen_hashable_and_keep_their_conveniences() -> None:
    profile = decode(Profile, PERSON)
    assert isinstance(profile.campaigns, tuple) and hash(profile)
    assert profile.roles == {"student"} and profile.kinds_as("student") == {"amphi"}
    assert profile.display_name == "Camille Lefèvre"
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.first_name = "Zoé"  # type: ignore[misc]
    assert dataclasses.replace(profile, first_name="Zoé").display_name == "Zoé Lefèvre"
    assert decode(Profile, encode(profile)) == profile
    assert decode_list(Profile, [PERSON, PERSON]) == [profile, profile]


def test_a_malformed_answer_is_a_french_bad_response_never_a_pydantic_error() -> None:
    for wrong in ({**PERSON, "id": "un"}, {**PERSON, "campaigns": None}, [PERSON], "x"):
        with pytest.raises(ApiError) as error:
            decode(Profile, wrong)
        assert error.value.code == "bad_response" and "serveur" in error.value.message
    with pytest.raises(ApiError):
        decode_list(ListingRow, [{"position": 1}])
    with pytest.raises(ApiError):
        decode_list(ListingRow, {"position": 1})


def test_nested_answers_have_the_conveniences_too() -> None:
    dates = ("applications_opens_at", "applications_closes_at", "ranking_opens_at",
             "ranking_closes_at", "results_at", "opens_at", "closes_at", "run_at",
             "published_at")
    rnd = {"id": 7, "wave_id": 3, "number": 1, "off_platform": False, "state": "open",
           "phase": "applications", **dict.fromkeys(dates)}
    campaign = decode(MatchingCampaign, {
        "id": 1, "name": "A", "state": "open", "my_role": "student", "region": None,
        "settings": {}, "server_time": "2026-09-14T07:32:00Z", "my_wave_id": 3,
        "waves": [{"id": 3, "name": "V1", "position": 1, "posts_open": True,
                   "current_round_id": 7, "rounds": [rnd], "posts_opens_at": None,
                   "posts_closes_at": None}]})
    wave = campaign.wave()
    assert wave is not None and wave.current_round is campaign.round(7)
    assert WishWrite.__dataclass_fields__.keys() > {"receipt", "wishes"}


FRESH = """
import sys
if sys.argv[1] == "qt-first":
    import PySide6.QtCore
import desktop.api.client as client
import desktop.api.amphi, desktop.api.matching, desktop.api.national
from desktop.api import schema
for name in schema.__all__:
    client.adapter(getattr(schema, name)).core_schema
print("decoders", len(schema.__all__))
"""


@pytest.mark.parametrize("order", ["qt-first", "api-first"])
def test_the_api_types_load_in_a_fresh_process_whatever_comes_first(order: str) -> None:
    """pydantic imported under PySide6's import hook can fail (a circular ImportError):
    the client's start must not depend on which of the two a module imports first."""
    done = subprocess.run([sys.executable, "-c", FRESH, order], capture_output=True,
                          text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("decoders")
