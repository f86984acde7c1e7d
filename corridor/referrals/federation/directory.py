"""A server's directory: its name, key and the organisations that receive referrals from peers, signed
with its node key. Anyone may read it; a peer trusts it only once the signature checks out against the
key its admin entered (and compared out of band)."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from corridor.accounts.models import Organisation, OrganisationType
from corridor.core.models import Country
from corridor.referrals.federation import transport
from corridor.referrals.federation.envelope import EnvelopeError, PublicNodeKey, sign_document, verify_document
from corridor.referrals.federation.node import node_keys
from corridor.referrals.models import Peer, RemoteOrganisation

KIND = "corridor.directory"
PATH = "/federation/node"


def local_directory() -> dict[str, Any]:
    organisations = Organisation.objects.filter(listed_for_peers=True, remote__isnull=True).order_by("name_en")
    return {
        "name": settings.CORRIDOR_NODE_NAME,
        "public_key": node_keys().public.to_text(),
        "organisations": [
            {
                "id": str(org.pk),
                "name_en": org.name_en,
                "name_km": org.name_km,
                "name_th": org.name_th,
                "country": org.country,
                "type": org.type,
            }
            for org in organisations
        ],
    }


def signed_directory() -> bytes:
    return sign_document(keys=node_keys(), kind=KIND, body=local_directory())


class SyncFailed(Exception):
    pass


def fetch(peer: Peer) -> dict[str, Any]:
    """The peer's directory, verified against the key stored for it."""
    try:
        raw = transport.get_document(peer.url, PATH)
        return verify_document(
            raw,
            key=PublicNodeKey.from_text(peer.public_key),
            kind=KIND,
            window=settings.CORRIDOR_FEDERATION_WINDOW_SECONDS,
        )
    except transport.TransportError as error:
        raise SyncFailed(f"{peer.url} could not be read: {error}") from None
    except EnvelopeError as error:
        raise SyncFailed(f"the directory of {peer.url} failed verification ({error.reason})") from None


def _text(entry: dict[str, Any], name: str, limit: int = 200) -> str:
    value = entry.get(name, "")
    return value[:limit] if isinstance(value, str) else ""


def mirror(peer: Peer, entry: dict[str, Any]) -> Organisation:
    """The local row standing for one organisation of the peer, created or refreshed from its entry."""
    remote_id = uuid.UUID(str(entry["id"]))
    country = entry.get("country") if entry.get("country") in Country.values else Country.OTHER
    org_type = entry.get("type") if entry.get("type") in OrganisationType.values else OrganisationType.NGO
    values = {
        "name_en": _text(entry, "name_en") or str(remote_id),
        "name_km": _text(entry, "name_km"),
        "name_th": _text(entry, "name_th"),
        "country": country,
        "type": org_type,
        "require_mfa": False,
    }
    link = RemoteOrganisation.objects.select_related("organisation").filter(peer=peer, remote_id=remote_id).first()
    if link is None:
        organisation = Organisation.objects.create(
            slug=f"peer-{peer.node_id[:6]}-{remote_id.hex[:12]}",
            case_prefix=f"~{remote_id.hex[:11]}",
            **values,
        )
        RemoteOrganisation.objects.create(organisation=organisation, peer=peer, remote_id=remote_id)
        return organisation
    organisation = link.organisation
    # Every offer carries its sender's entry: write only when the peer changed something.
    changed = [name for name, value in values.items() if getattr(organisation, name) != value]
    for name in changed:
        setattr(organisation, name, values[name])
    if changed:
        organisation.save(update_fields=[*changed, "updated_at"])
    if not link.listed:
        RemoteOrganisation.objects.filter(pk=link.pk).update(listed=True)
    return organisation


@transaction.atomic
def apply(peer: Peer, directory: dict[str, Any]) -> list[Organisation]:
    entries = [entry for entry in directory.get("organisations", []) if isinstance(entry, dict) and entry.get("id")]
    organisations = [mirror(peer, entry) for entry in entries]
    listed = {org.pk for org in organisations}
    RemoteOrganisation.objects.filter(peer=peer).exclude(organisation_id__in=listed).update(listed=False)
    Peer.objects.filter(pk=peer.pk).update(directory_synced_at=timezone.now())
    return organisations
