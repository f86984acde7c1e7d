"""Trust between Corridor servers, for the platform administrator: this server's key, and its peers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.referrals.federated import peer_add, peer_set_key, peer_set_status, peer_sync
from corridor.referrals.federation.directory import SyncFailed
from corridor.referrals.federation.envelope import PublicNodeKey
from corridor.referrals.federation.node import FederationOff, public_key
from corridor.referrals.models import Peer

BY = "manage.py peers"


class Command(BaseCommand):
    help = (
        "Show this server's public key and fingerprint (`peers key`), list the peers (`peers list`), trust a peer "
        "(`peers add NAME URL KEY`, or `peers rekey NAME KEY` when it replaced its key), read its directory of "
        "organisations (`peers sync NAME`), or stop and restart exchange with it (`peers suspend NAME`, "
        "`peers resume NAME`). Compare fingerprints by phone before trusting."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("key")
        sub.add_parser("list")
        add = sub.add_parser("add")
        add.add_argument("name")
        add.add_argument("url")
        add.add_argument("key")
        rekey = sub.add_parser("rekey")
        rekey.add_argument("name")
        rekey.add_argument("key")
        for action in ("sync", "suspend", "resume"):
            sub.add_parser(action).add_argument("name")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except FederationOff as error:
            raise CommandError(str(error)) from None

    def _key(self, options: dict[str, Any]) -> None:
        key = public_key()
        self.stdout.write(f"Public key:  {key.to_text()}\nFingerprint: {key.fingerprint}")

    def _list(self, options: dict[str, Any]) -> None:
        peers = list(Peer.objects.all())
        if not peers:
            self.stdout.write("No peers yet. Add one with: manage.py peers add NAME URL KEY")
        for peer in peers:
            fingerprint = PublicNodeKey.from_text(peer.public_key).fingerprint
            synced = peer.directory_synced_at.isoformat() if peer.directory_synced_at else "never"
            listed = peer.organisations.filter(listed=True).count()
            self.stdout.write(
                f"{peer.name}\t{peer.url}\t{peer.status}\t{fingerprint}\t{listed} organisations, synced {synced}"
            )

    def _add(self, options: dict[str, Any]) -> None:
        try:
            peer = peer_add(name=options["name"], url=options["url"], key_text=options["key"], by=BY)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        fingerprint = PublicNodeKey.from_text(peer.public_key).fingerprint
        self.stdout.write(f"Added {peer.name}. Fingerprint {fingerprint}: compare it with their administrator.")
        self._sync({"name": peer.name})

    def _peer(self, name: str) -> Peer:
        peer = Peer.objects.filter(name=name).first()
        if peer is None:
            raise CommandError(f"No peer named {name!r}. See: manage.py peers list")
        return peer

    def _sync(self, options: dict[str, Any]) -> None:
        peer = self._peer(options["name"])
        try:
            organisations = peer_sync(peer=peer, by=BY)
        except SyncFailed as error:
            self.stderr.write(f"Directory not read: {error}. Run `peers sync {peer.name}` once it is reachable.")
            return
        self.stdout.write(f"{peer.name} lists {len(organisations)} organisations that receive referrals.")

    def _rekey(self, options: dict[str, Any]) -> None:
        try:
            peer = peer_set_key(peer=self._peer(options["name"]), key_text=options["key"], by=BY)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        fingerprint = PublicNodeKey.from_text(peer.public_key).fingerprint
        self.stdout.write(f"New key for {peer.name}, fingerprint {fingerprint}: compare it with their administrator.")

    def _suspend(self, options: dict[str, Any]) -> None:
        peer_set_status(peer=self._peer(options["name"]), status="suspended", by=BY)
        self.stdout.write("Suspended: nothing is sent to it or accepted from it until resumed.")

    def _resume(self, options: dict[str, Any]) -> None:
        peer_set_status(peer=self._peer(options["name"]), status="active", by=BY)
        self.stdout.write("Resumed: messages waiting for it go out at the next delivery.")
