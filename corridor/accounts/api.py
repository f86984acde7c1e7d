"""API: the organisation a token belongs to, and what the token may do."""

import uuid

from django.http import HttpRequest
from ninja import Router, Schema

from corridor.accounts.capabilities import ROLE_CAPABILITIES
from corridor.accounts.models import OrganisationType, Role
from corridor.api.auth import actor_of
from corridor.api.schemas import errors
from corridor.core.models import Country

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    id: uuid.UUID
    slug: str
    name_en: str
    name_km: str
    name_th: str
    country: Country
    type: OrganisationType


class MeOut(Schema):
    organisation: OrganisationOut
    role: Role
    capabilities: list[str]


@router.get("/organisations/me", response={200: MeOut, **errors()})
def get_my_organisation(request: HttpRequest) -> MeOut:
    """The token's organisation, its role and the capabilities that role grants."""
    actor = actor_of(request)
    return MeOut(
        organisation=OrganisationOut.from_orm(actor.organisation),
        role=Role(actor.role),
        capabilities=sorted(ROLE_CAPABILITIES.get(actor.role, frozenset())),
    )
