"""`manage.py seed_demo`: load the demo corridor (organisations, staff, cases) and print the logins."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.accounts.models import Organisation, User
from corridor.core.demo import names
from corridor.core.demo.plan import DemoLogin, demo_logins
from corridor.core.demo.writer import corridor_build

DEMO_URL = "http://127.0.0.1:8000/"


class Command(BaseCommand):
    help = (
        "Load a believable Cambodia-Thailand demo corridor through the services: five organisations, "
        "staff for every role, and cases with workers, employers, violations, events, tasks and outcomes."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=200, help="How many cases to create (default 200).")
        parser.add_argument(
            "--seed", type=int, default=2026, help="Random seed (default 2026): the same seed gives the same data."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing (and print the demo logins) if any organisation already exists.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["cases"]
        if count < 0:
            raise CommandError("--cases must be zero or more.")
        if options["if_empty"] and Organisation.objects.exists():
            self.stdout.write("Demo data already loaded (an organisation exists); nothing was changed.")
            self._print_logins(existing_only=True)
            return
        self._refuse_clashes()
        self.stdout.write(f"Loading the demo corridor: {count} cases, seed {options['seed']} ...")
        started = time.monotonic()
        summary = corridor_build(seed=options["seed"], cases=count, progress=self._progress)
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data loaded in {elapsed:.1f} s: {summary.organisations} organisations, "
                f"{summary.users} users, {summary.cases} cases, {summary.people} people, "
                f"{summary.audit_entries} audit entries."
            )
        )
        self._print_logins(existing_only=False)

    def _refuse_clashes(self) -> None:
        slugs = [org["slug"] for org in names.ORGANISATIONS]
        prefixes = [org["case_prefix"] for org in names.ORGANISATIONS]
        emails = [login.email for login in demo_logins()]
        if (
            Organisation.objects.filter(slug__in=slugs).exists()
            or Organisation.objects.filter(case_prefix__in=prefixes).exists()
            or User.objects.filter(email__in=emails).exists()
        ):
            raise CommandError(
                "Some demo organisations or accounts already exist. Use --if-empty, or start from an empty database."
            )

    def _progress(self, done: int, total: int) -> None:
        self.stdout.write(f"  {done}/{total} cases")

    def _print_logins(self, *, existing_only: bool) -> None:
        logins = demo_logins()
        if existing_only:
            emails = [login.email for login in logins]
            present = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
            logins = [login for login in logins if login.email in present]
            if not logins:
                self.stdout.write("No demo accounts exist in this database.")
                return
        self.stdout.write(self._logins_block(logins))

    @staticmethod
    def _logins_block(logins: list[DemoLogin]) -> str:
        width_org = max(len(login.organisation) for login in logins)
        width_email = max(len(login.email) for login in logins)
        lines = [
            "",
            f"Sign in at {DEMO_URL}",
            f"Password for every demo account: {names.DEMO_PASSWORD}",
            "",
            f"  {'organisation':<{width_org}}  {'role':<14}  {'email':<{width_email}}  TOTP secret (admins)",
        ]
        for login in logins:
            lines.append(
                f"  {login.organisation:<{width_org}}  {login.role:<14}  {login.email:<{width_email}}  "
                f"{login.totp_secret}".rstrip()
            )
        lines += [
            "",
            "Administrators have two-factor authentication on: add their TOTP secret to any authenticator",
            "app (time-based, 6 digits, every 30 seconds) and enter the code it shows after the password.",
            "Their recovery codes are listed under two-factor authentication once signed in.",
            "The two ministries require two-factor authentication for all their staff: their other members",
            "set up an authenticator app the first time they sign in.",
            "",
        ]
        return "\n".join(lines)
