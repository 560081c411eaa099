"""What anyone may read without signing in."""

from __future__ import annotations

from fastapi import APIRouter

from server_stub.core import campaigns
from server_stub.core.deps import OptionalUser, SessionDep
from server_stub.core.routes.common import errors
from server_stub.core.schemas import CampaignPublic

router = APIRouter(prefix="/api", tags=["public"])


@router.get("/campaigns", operation_id="list_campaigns", response_model=list[CampaignPublic],
            responses=errors(401))
def list_campaigns(session: SessionDep, user: OptionalUser) -> list[CampaignPublic]:
    """Campaigns under way (drafts only for staff), with my role when signed in."""
    return campaigns.list_campaigns(session, user)
