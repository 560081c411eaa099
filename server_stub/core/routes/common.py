"""OpenAPI declarations shared by the routers."""

from __future__ import annotations

from typing import Any

from fastapi import Response
from pydantic import BaseModel

from server_stub.core.schemas import ErrorBody

_DESCRIPTIONS = {
    400: "Requête mal formée ou lien invalide",
    401: "Non connecté, ou session expirée",
    403: "Action non autorisée",
    404: "Introuvable",
    409: "Conflit",
    413: "Requête trop volumineuse",
    422: "Données invalides",
    429: "Trop de tentatives",
}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting the error body for these statuses (422 always)."""
    wanted = sorted({*statuses, 422})
    return {s: {"model": ErrorBody, "description": _DESCRIPTIONS[s]} for s in wanted}


def json_errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`errors()` for a route whose own answer is not JSON (the event stream).

    FastAPI documents a `model` under the route's media type; these bodies stay JSON.
    """
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
    return {s: {"description": entry["description"], "content": content}
            for s, entry in errors(*statuses).items()}


def encoded(answer: BaseModel) -> Response:
    """`answer` as the JSON response, encoded by pydantic at once.

    For the busiest routes, declared with `response_model=` (the OpenAPI document is the
    same): FastAPI would check the answer against that model again, in a thread of its
    pool when the route is a plain `def` (a second hop after the route's own), and build
    the JSON through a Python dict.
    """
    return Response(answer.model_dump_json(), media_type="application/json")
