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
