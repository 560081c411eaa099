"""OpenAPI declarations shared by the routers."""

from __future__ import annotations

from typing import Any

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
