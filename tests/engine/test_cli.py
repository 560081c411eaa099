"""Command line: `python -m server_stub.engine serial|match|ranks FILE|-`, run for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]

SERIAL = {
    "cells": [{"id": "LYON|Cardiologie", "capacity": 14, "reserved_for": None}],
    "students": [{"id": "S1", "rank": 1, "demoted_behind": None, "assigned": None,
                  "supernumerary": False, "des": None,
                  "wishes": ["LYON|Cardiologie", "REIMS|Anesthésie"]}],
}
MATCH = {
    "rules": {"min_ranked_share": 0.8, "subdivision_first": True},
    "posts": [{"id": "P1", "capacity": 2, "subdivision": "LYON", "ranking": ["S1"],
               "rejected": []}],
    "students": [{"id": "S1", "subdivision": "LYON", "wishes": ["P1"]},
                 {"id": "S2", "subdivision": "LYON", "wishes": []}],
}
RANKS = {
    "normal_seniority": {"2018": 4, "2019": 2, "2020": 0},
    "students": [{"id": "A", "cohort": 2019, "seniority": 3, "local_rank": 80,
                  "local_cohort_size": 100}],
}


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "server_stub.engine", *args], input=stdin,
                          capture_output=True, cwd=ROOT, env=env, timeout=60)


def test_serial_from_file_matches_the_contract(tmp_path: Path) -> None:
    instance = {**SERIAL, "cells": [*SERIAL["cells"], {"id": "REIMS|Anesthésie", "capacity": 0}]}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(instance, ensure_ascii=False), encoding="utf-8")
    proc = run("serial", str(path))
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.decode("utf-8"))
    assert out["order"] == ["S1"]
    assert out["students"]["S1"]["wishes"][1] == {
        "cell": "REIMS|Anesthésie", "taken_before": 0, "capacity": 0, "exhausted": True,
        "eligible": True}
    assert out["cells"]["LYON|Cardiologie"] == {
        "capacity": 14, "remaining": 13, "first_rank": 1, "last_rank": 1,
        "holders": [{"student": "S1", "rank": 1, "wish": 0, "state": "simulated"}]}


@pytest.mark.parametrize(
    ("command", "instance", "expected"),
    [
        ("match", MATCH, {"assignments": {"S1": "P1", "S2": None},
                          "posts": {"P1": {"valid": True, "violations": [],
                                           "assigned": ["S1"]}}}),
        ("ranks", RANKS, {"order": ["A"], "students": {"A": {
            "theoretical_cohort": 2019, "cohort_size": 1, "updated_rank": 0.8,
            "call_rank": 1}}}),
    ],
)
def test_match_and_ranks_from_stdin(command: str, instance: Any, expected: Any) -> None:
    proc = run(command, "-", stdin=json.dumps(instance).encode())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == expected


@pytest.mark.parametrize(
    ("command", "payload", "culprit"),
    [
        ("serial", b'{"cells": [', "malformed JSON"),
        ("serial", b"\xff\xfe", "malformed JSON"),
        ("serial", json.dumps({**SERIAL, "cells": []}).encode(), "'LYON|Cardiologie'"),
        ("serial", json.dumps({"cells": [{"id": "C", "capacity": -1}], "students": []}).encode(),
         "cell 'C': negative capacity -1"),
        ("serial", json.dumps({"cells": [], "students": [
            {"id": "S", "rank": 1}, {"id": "S", "rank": 2}]}).encode(), "duplicate student 'S'"),
        ("serial", json.dumps({"cells": [], "students": [{"id": "S", "rank": "1"}]}).encode(),
         "student 'S': 'rank' must be an integer"),
        ("match", json.dumps({**MATCH, "posts": [{**MATCH["posts"][0],
                                                  "ranking": ["S1", "S2"]}]}).encode(),
         "ranking of post 'P1' names 'S2', who did not apply"),
        ("ranks", b"[]", "instance must be an object"),
    ],
)
def test_bad_input_exits_2_with_one_line(command: str, payload: bytes, culprit: str) -> None:
    proc = run(command, "-", stdin=payload)
    assert proc.returncode == 2
    assert proc.stdout == b""
    err = proc.stderr.decode("utf-8")
    assert err.count("\n") == 1 and culprit in err
    assert "Traceback" not in err


def test_usage_and_missing_file(tmp_path: Path) -> None:
    for args in ((), ("solve", "-"), ("serial",)):
        proc = run(*args)
        assert proc.returncode == 2 and proc.stderr.decode().count("\n") == 1
        assert b"usage" in proc.stderr
    proc = run("serial", str(tmp_path / "nope.json"))
    assert proc.returncode == 2 and b"nope.json" in proc.stderr
    assert b"Traceback" not in proc.stderr
