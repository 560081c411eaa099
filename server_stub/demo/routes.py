"""The documented demo accounts, served only when the server runs in demo mode."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.core.deps import SettingsDep
from server_stub.core.errors import not_found
from server_stub.core.routes.common import errors
from server_stub.core.schemas import DemoAccount

router = APIRouter(prefix="/api/demo", tags=["démonstration"])


@router.get("/accounts", operation_id="demo_accounts", response_model=list[DemoAccount],
            responses=errors(404))
def demo_accounts(settings: SettingsDep) -> list[DemoAccount]:
    """The demo accounts and their passwords (404 unless `DEMO_MODE`)."""
    if not settings.demo_mode:
        raise not_found("Ce serveur n'est pas en mode démonstration.")
    from server_stub.demo.plan import DEMO_ACCOUNTS  # only needed in demo mode

    return [DemoAccount(**account) for account in DEMO_ACCOUNTS]
