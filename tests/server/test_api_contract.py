"""The API contract: the client's answer types are the server's OpenAPI document.

`desktop/api/schema.py` is generated from the app's document by `make api-types`
(tools/api_types.py); these tests regenerate it from the current server and fail when the
committed file differs, i.e. when the client and the server disagree on a field, a type or
a schema's name.
"""

from __future__ import annotations

import difflib
import keyword
from typing import Any

import pytest

from tools import api_types


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    return api_types.openapi_document()


def test_the_client_types_are_generated_from_the_current_document(
        document: dict[str, Any]) -> None:
    expected = api_types.render(document)
    committed = api_types.TARGET.read_text(encoding="utf-8")
    if committed != expected:
        diff = "".join(list(difflib.unified_diff(
            committed.splitlines(True), expected.splitlines(True),
            "desktop/api/schema.py (committed)", "from the server's /openapi.json"))[:60])
        pytest.fail("The client's API types (desktop/api/schema.py) disagree with the "
                    "server's OpenAPI document: run `make api-types`, then check the client "
                    f"code that reads the changed fields.\n{diff}")


def test_component_names_are_plain_and_stable(document: dict[str, Any]) -> None:
    """A name like `server_stub__amphi__schemas__PostPublic` (two schemas with one class
    name) would change with the server's module layout: give each schema its own name."""
    names = list(document["components"]["schemas"])
    odd = [n for n in names if "__" in n or not n.isidentifier() or keyword.iskeyword(n)]
    assert not odd, f"rename these server schemas (one plain class name each): {odd}"
