"""Write a planned demo corridor through the services that pages and the API use, so every row
has its audit entry and passed the same checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from corridor.accounts.models import Membership, Organisation, User
from corridor.accounts.scope import Actor
from corridor.accounts.services import organisation_create
from corridor.audit.models import AuditAction, AuditEntry
from corridor.audit.services import audit_record
from corridor.cases import services as case_services
from corridor.cases.models import Case
from corridor.core.demo import names
from corridor.core.demo.names import PLA, RMH
from corridor.core.demo.plan import AUDIT_LABEL, BuildSummary, CasePlan, corridor_plan, employer_spec, province_names
from corridor.core.demo.referrals import demo_consent, demo_referral
from corridor.core.demo.screening import demo_assessment, demo_wage_claim
from corridor.parties import services as party_services
from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.people import services as people_services
from corridor.people.models import Person


class CorridorWriter:
    """Writes a plan through the services, creating organisations, staff and parties on the way."""

    def __init__(self, *, registrations: dict[str, str], progress: Callable[[int, int], None] | None) -> None:
        self.registrations = registrations
        self.progress = progress
        self.organisations: dict[str, Organisation] = {}
        self.users: dict[str, User] = {}
        self.actors: dict[str, Actor] = {}
        self.employers: dict[tuple[str, str], tuple[Employer, Workplace | None]] = {}
        self.recruiters: dict[tuple[str, str], Recruiter] = {}
        self.people = 0
        self.rmh_cases = 0

    def organisations_and_staff(self) -> None:
        # One hash for the shared, published demo password: hashing it per user would cost most of the
        # run with the production hasher and protect nothing.
        password = make_password(names.DEMO_PASSWORD)
        for spec in names.ORGANISATIONS:
            org = organisation_create(
                slug=spec["slug"],
                name_en=spec["name_en"],
                name_km=spec["name_km"],
                name_th=spec["name_th"],
                country=spec["country"],
                type=spec["type"],
                case_prefix=spec["case_prefix"],
                require_mfa=spec["require_mfa"],
                contact_email=f"contact@{spec['domain']}",
            )
            self.organisations[spec["slug"]] = org
            for local, role, full_name in spec["staff"]:
                self._member(org, f"{local}@{spec['domain']}", role, full_name, password, spec["totp_secret"])

    def _member(self, org: Organisation, email: str, role: str, full_name: str, password: str, secret: str) -> None:
        user = User.objects.create_user(email=email, password=None, full_name=full_name)
        user.password = password
        user.save(update_fields=["password"])
        membership = Membership.objects.create(user=user, organisation=org, role=role)
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            obj=membership,
            organisation_id=org.pk,
            label=AUDIT_LABEL,
            summary=f"member {email} added as {role}",
            changes={"role": [None, role]},
        )
        if role == "org_admin":
            totp = TOTP.activate(user, secret)
            RecoveryCodes.activate(user)
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                obj=totp.instance,
                organisation_id=org.pk,
                label=AUDIT_LABEL,
                summary=f"authenticator and recovery codes set up for {email}",
            )
        self.users[email] = user
        self.actors[email] = Actor(organisation=org, role=role, user=user)

    def cases(self, plans: list[CasePlan]) -> None:
        for number, plan in enumerate(plans, start=1):
            self._case(plan)
            if self.progress and (number % 50 == 0 or number == len(plans)):
                self.progress(number, len(plans))

    def _employer(self, actor: Actor, slug: str, key: str) -> tuple[Employer, Workplace | None]:
        """Each organisation keeps its own employer records; the Cambodian partner writes company names
        out in full, as record linkage across organisations will meet them."""
        if (slug, key) not in self.employers:
            spec = employer_spec(key)
            name = spec.name.replace("Co., Ltd.", "Company Limited") if slug == PLA else spec.name
            province = province_names().get(spec.province or "", "")
            employer = party_services.employer_create(
                actor=actor,
                name=name,
                name_th=spec.name_th,
                sector=spec.sector,
                province_id=spec.province,
                registration_number=self.registrations.get(key, ""),
                address=", ".join(p for p in (spec.district, province) if p),
            )
            workplace = None
            if spec.workplace and spec.province:
                workplace = party_services.workplace_create(
                    actor=actor,
                    name=spec.workplace,
                    employer=employer,
                    sector=spec.sector,
                    province_id=spec.province,
                    district=spec.district,
                )
            self.employers[slug, key] = (employer, workplace)
        return self.employers[slug, key]

    def _recruiter(self, actor: Actor, slug: str, key: str) -> Recruiter:
        if (slug, key) not in self.recruiters:
            spec = next(r for r in names.RECRUITERS if r.key == key)
            values = {name: value for name, value in spec._asdict().items() if name != "key"}
            self.recruiters[slug, key] = party_services.recruiter_create(actor=actor, **values)
        return self.recruiters[slug, key]

    def _consent_and_referral(self, plan: CasePlan, editor: Actor, case: Case, worker: Person) -> None:
        """Workers of the Thai NGO consent to sharing with Cambodian organisations; one case in four is
        referred to the legal-aid NGO in Phnom Penh."""
        if plan.organisation != RMH or case.sensitivity == "sensitive":
            return
        demo_consent(actor=editor, person=worker, given_on=case.opened_on)
        self.rmh_cases += 1
        if self.rmh_cases % 4 == 0:
            receiver = next(a for a in self.actors.values() if a.organisation.slug == PLA and a.role == "caseworker")
            demo_referral(
                sender=editor,
                receiver=receiver,
                receiver_org=self.organisations[PLA],
                case=case,
                worker=worker,
                index=self.rmh_cases // 4,
            )

    def _case(self, plan: CasePlan) -> None:
        editor = self.actors[plan.editor]
        assignee = self.users[plan.assignee] if plan.assignee else None
        case = case_services.case_open(actor=self.actors[plan.opener], assigned_to=assignee, **plan.values)
        for person_plan in plan.people:
            person = people_services.person_create(actor=editor, **person_plan.values)
            self.people += 1
            case_services.case_person_add(actor=editor, case=case, person=person, role=person_plan.role)
            for kind, held_by, notes in person_plan.documents:
                people_services.document_record(actor=editor, person=person, kind=kind, held_by=held_by, notes=notes)
            for kind, value in person_plan.identifiers:
                people_services.identifier_add(actor=editor, person=person, kind=kind, value=value)
        employer, workplace = self._employer(editor, plan.organisation, plan.employer)
        parties: list[Employer | Workplace | Recruiter] = [employer]
        if workplace is not None:
            parties.append(workplace)
        if plan.recruiter:
            parties.append(self._recruiter(editor, plan.organisation, plan.recruiter))
        for party in parties:
            case_services.case_party_add(actor=editor, case=case, party=party)
        for code, notes in plan.violations:
            case_services.violation_add(actor=editor, case=case, type_code=code, notes=notes)
        workers = [link.person for link in case.person_links.select_related("person") if link.role == "worker"]
        if workers:
            codes = {code for code, _notes in plan.violations}
            if case.sensitivity == "sensitive":
                demo_assessment(actor=editor, case=case, worker=workers[0], violation_codes=codes)
            demo_wage_claim(actor=editor, case=case, worker=workers[0], violation_codes=codes)
            self._consent_and_referral(plan, editor, case, workers[0])
        for kind, occurred_on, place, description in plan.events:
            case_services.event_add(
                actor=editor, case=case, kind=kind, occurred_on=occurred_on, description=description, place=place
            )
        for body in plan.notes:
            case_services.note_add(actor=editor, case=case, body=body)
        for title, due_on, done in plan.tasks:
            task = case_services.task_add(
                actor=editor, case=case, title=title, due_on=due_on, assignee=assignee or editor.user
            )
            if done:
                case_services.task_complete(actor=editor, task=task)
        for kind, achieved_on, amount, notes in plan.outcomes:
            currency = "THB" if amount is not None else ""
            case_services.outcome_add(
                actor=editor,
                case=case,
                kind=kind,
                achieved_on=achieved_on,
                amount=amount,
                currency=currency,
                notes=notes,
            )
        for status, reason in plan.transitions:
            case_services.case_change_status(
                actor=editor, case=case, version=case.version, status=status, reason=reason, closed_on=plan.closed_on
            )


def corridor_build(
    *, seed: int, cases: int, today: dt.date | None = None, progress: Callable[[int, int], None] | None = None
) -> BuildSummary:
    """Create the whole demo corridor in one transaction: a failure leaves nothing behind."""
    planner, plans = corridor_plan(seed=seed, cases=cases, today=today or timezone.localdate())
    writer = CorridorWriter(registrations=planner.registrations, progress=progress)
    before = AuditEntry.objects.count()
    with transaction.atomic():
        writer.organisations_and_staff()
        writer.cases(plans)
    return BuildSummary(
        organisations=len(writer.organisations),
        users=len(writer.users),
        cases=len(plans),
        people=writer.people,
        audit_entries=AuditEntry.objects.count() - before,
    )
