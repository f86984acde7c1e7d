"""Every write to a case and what is recorded inside it. Pages and the API both call these."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from corridor.accounts.models import Organisation, User
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import assignable_users
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record, diff, snapshot
from corridor.cases import attachments as files
from corridor.cases.lifecycle import CLOSED_STATUSES, REASON_REQUIRED, TRANSITIONS, CaseStatus
from corridor.cases.models import (
    Attachment,
    Case,
    CaseEvent,
    CaseParty,
    CasePerson,
    Note,
    Outcome,
    Task,
    TraffickingStatus,
    Violation,
    ViolationType,
)
from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.people.models import Person
from corridor.people.services import StaleEdit

CASE_FIELDS = ("title", "summary", "sensitivity", "sector", "work_province", "opened_on")


def require(actor: Actor, *capabilities: str) -> None:
    """Refuse unless the actor's role has every capability named."""
    for capability in capabilities:
        if not actor.can(capability):
            raise PermissionDenied(capability)


def own(actor: Actor, case: Case) -> None:
    """Refuse writes to another organisation's case (its selectors already hide it from reads)."""
    if case.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")


def require_person_in_case(case: Case, person: Person | None) -> None:
    """A screening or a wage claim can only be about someone linked to its case."""
    if person is not None and not case.person_links.filter(person=person).exists():
        raise ValidationError({"person": _("Choose a person linked to this case.")})


def next_revision(case: Case, revisions: QuerySet[Any]) -> int:
    """The next revision number among `revisions` (rows of this case). The case row is locked first, so two
    people saving at once get consecutive numbers instead of a unique-constraint error."""
    Case.objects.select_for_update().filter(pk=case.pk).first()
    return (revisions.aggregate(top=Max("revision"))["top"] or 0) + 1


def touch(case: Case) -> None:
    """Mark the case as changed (lists sort by it) when something recorded inside it changes."""
    Case.objects.filter(pk=case.pk).update(updated_at=timezone.now())


def _check_member(actor: Actor, user: User | None, field: str) -> None:
    if user is None:
        return
    # The same people the pages and the API offer: active members in a role that works on cases.
    if not assignable_users(actor=actor).filter(pk=user.pk).exists():
        raise ValidationError({field: _("Choose an active member of your organisation who works on cases.")})


def _next_reference(organisation: Organisation, year: int) -> str:
    Organisation.objects.filter(pk=organisation.pk).update(case_counter=F("case_counter") + 1)
    counter = Organisation.objects.values_list("case_counter", flat=True).get(pk=organisation.pk)
    return f"{organisation.case_prefix}-{year}-{counter:05d}"


def _validate_case(case: Case) -> None:
    if not case.title.strip():
        raise ValidationError({"title": _("Give the case a short title.")})
    if case.opened_on and case.opened_on > timezone.localdate():
        raise ValidationError({"opened_on": _("The opening date cannot be in the future.")})
    if case.work_province_id and not str(case.work_province_id).startswith("TH-"):
        raise ValidationError({"work_province": _("Choose a province of Thailand.")})
    case.full_clean(exclude=["organisation", "created_by", "assigned_to", "reference"])


@transaction.atomic
def case_open(
    *,
    actor: Actor,
    assigned_to: User | None = None,
    people: Sequence[tuple[Person, str]] = (),
    parties: Sequence[Employer | Workplace | Recruiter] = (),
    violation_codes: Sequence[str] = (),
    **values: Any,
) -> Case:
    """Open a case, with the people, parties and violations it starts from (a worker's report, say): they
    belong to the opening, so opening a case is enough to record them."""
    require(actor, "case.create")
    _check_member(actor, assigned_to, "assigned_to")
    values.setdefault("opened_on", timezone.localdate())
    case = Case(organisation=actor.organisation, created_by=actor.user, assigned_to=assigned_to, **values)
    _validate_case(case)
    case.reference = _next_reference(actor.organisation, case.opened_on.year)
    case.save()
    changes = diff({}, snapshot(case, (*CASE_FIELDS, "status", "assigned_to")))
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=case,
        case_id=case.pk,
        changes=changes,
        summary=f"case {case.reference} opened",
    )
    for person, role in people:
        if person.organisation_id != actor.organisation.pk:
            raise PermissionDenied("other organisation")
        link = CasePerson(case=case, person=person, role=role, created_by=actor.user)
        _record_child(actor, case, link, ("person", "role"), "person linked to case")
    for party in parties:
        _party_link(actor, case, party)
    types = ViolationType.objects.in_bulk(list(dict.fromkeys(violation_codes)))
    for code in dict.fromkeys(violation_codes):
        if code not in types:
            raise ValidationError({"violations": _("Choose a violation from the list.")})
        violation = Violation(case=case, type=types[code], created_by=actor.user)
        _record_child(actor, case, violation, ("type", "notes"), "violation added")
    return case


def _versioned_update(case: Case, version: int, fields: dict[str, Any]) -> None:
    columns = {getattr(Case._meta.get_field(name), "attname", name): value for name, value in fields.items()}
    updated = Case.objects.filter(pk=case.pk, version=version).update(
        **columns, version=version + 1, updated_at=timezone.now()
    )
    if updated == 0:
        raise StaleEdit(
            _(
                "Someone else changed this case while you were working on it. "
                "Reload the page to see their changes, then try again."
            )
        )
    case.version = version + 1


@transaction.atomic
def case_update(*, actor: Actor, case: Case, version: int, **values: Any) -> Case:
    require(actor, "case.edit")
    own(actor, case)
    unknown = set(values) - set(CASE_FIELDS)
    if unknown:
        raise ValidationError(f"unknown fields: {sorted(unknown)}")
    before = snapshot(case, CASE_FIELDS)
    for name, value in values.items():
        setattr(case, name, value)
    _validate_case(case)
    changes = diff(before, snapshot(case, CASE_FIELDS))
    if not changes:
        return case
    _versioned_update(case, version, {name: getattr(case, name) for name in values})
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=case,
        case_id=case.pk,
        changes=changes,
        summary="case details changed",
    )
    return case


@transaction.atomic
def case_change_status(
    *, actor: Actor, case: Case, version: int, status: str, reason: str = "", closed_on: dt.date | None = None
) -> Case:
    """`closed_on` records a closure that happened earlier (data entry after the fact); default today."""
    require(actor, "case.change_status")
    own(actor, case)
    if status not in TRANSITIONS.get(case.status, frozenset()):
        raise ValidationError(
            {
                "status": _("A case that is %(current)s cannot move to %(new)s.")
                % {
                    "current": CaseStatus(case.status).label,
                    "new": CaseStatus(status).label if status in CaseStatus.values else status,
                }
            }
        )
    if status in REASON_REQUIRED and not reason.strip():
        raise ValidationError({"reason": _("Say why the case is being closed.")})
    old = case.status
    fields: dict[str, Any] = {"status": status}
    if closed_on is not None and (closed_on > timezone.localdate() or closed_on < case.opened_on):
        raise ValidationError({"closed_on": _("The closing date must be between the opening date and today.")})
    if status in CLOSED_STATUSES:
        fields["closed_on"] = closed_on or timezone.localdate()
    elif old in CLOSED_STATUSES:
        fields["closed_on"] = None
    _versioned_update(case, version, fields)
    for name, value in fields.items():
        setattr(case, name, value)
    changes: dict[str, Any] = {"status": [old, status]}
    if reason.strip():
        changes["reason"] = [None, reason.strip()]
    audit_record(
        actor=actor, action=AuditAction.UPDATE, obj=case, case_id=case.pk, changes=changes, summary="status changed"
    )
    return case


@transaction.atomic
def case_assign(*, actor: Actor, case: Case, version: int, assignee: User | None) -> Case:
    require(actor, "case.assign")
    own(actor, case)
    _check_member(actor, assignee, "assigned_to")
    old = case.assigned_to_id
    if old == (assignee.pk if assignee else None):
        return case
    _versioned_update(case, version, {"assigned_to": assignee})
    case.assigned_to = assignee
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=case,
        case_id=case.pk,
        changes={"assigned_to": [str(old) if old else None, str(assignee.pk) if assignee else None]},
        summary="case assigned",
    )
    return case


def _record_child(actor: Actor, case: Case, child: Model, fields: tuple[str, ...], summary: str) -> None:
    child.full_clean(exclude=["case", "created_by"])
    try:
        with transaction.atomic():
            child.save()
    except IntegrityError:
        raise ValidationError(_("This is already recorded in the case.")) from None
    touch(case)
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=child,
        case_id=case.pk,
        changes=diff({}, snapshot(child, fields)),
        summary=summary,
    )


@transaction.atomic
def case_person_add(*, actor: Actor, case: Case, person: Person, role: str) -> CasePerson:
    require(actor, "case.edit")
    own(actor, case)
    if person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    link = CasePerson(case=case, person=person, role=role, created_by=actor.user)
    _record_child(actor, case, link, ("person", "role"), "person linked to case")
    return link


@transaction.atomic
def case_person_set_trafficking_status(*, actor: Actor, link: CasePerson, status: str) -> CasePerson:
    """HTCDS vic_TraffickingStatus, always set by a person (a screening only suggests it)."""
    require(actor, "case.edit")
    own(actor, link.case)
    if status and status not in TraffickingStatus.values:
        raise ValidationError({"trafficking_status": _("Choose a trafficking status from the list.")})
    before = snapshot(link, ("trafficking_status",))
    link.trafficking_status = status
    link.save(update_fields=["trafficking_status", "updated_at"])
    touch(link.case)
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=link,
        case_id=link.case_id,
        changes=diff(before, snapshot(link, ("trafficking_status",))),
        summary="trafficking status set",
    )
    return link


@transaction.atomic
def case_party_add(*, actor: Actor, case: Case, party: Employer | Workplace | Recruiter) -> CaseParty:
    require(actor, "case.edit")
    own(actor, case)
    return _party_link(actor, case, party)


def _party_link(actor: Actor, case: Case, party: Employer | Workplace | Recruiter) -> CaseParty:
    if party.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    role = {Employer: "employer", Workplace: "workplace", Recruiter: "recruiter"}[type(party)]
    link = CaseParty(case=case, role=role, created_by=actor.user, **{role: party})
    _record_child(actor, case, link, ("role", role), f"{role} linked to case")
    return link


@transaction.atomic
def violation_add(*, actor: Actor, case: Case, type_code: str, notes: str = "") -> Violation:
    require(actor, "case.edit")
    own(actor, case)
    violation_type = ViolationType.objects.filter(pk=type_code).first()
    if violation_type is None:
        raise ValidationError({"type": _("Choose a violation from the list.")})
    violation = Violation(case=case, type=violation_type, notes=notes.strip(), created_by=actor.user)
    _record_child(actor, case, violation, ("type", "notes"), "violation added")
    return violation


@transaction.atomic
def violations_confirm(
    *, actor: Actor, case: Case, codes: Sequence[str], suggested: Sequence[str], notes: str
) -> list[str]:
    """Add the violations a caseworker confirmed from a screening or a wage claim; returns those added.

    Only codes the tool suggested can be confirmed this way, and those already on the case are skipped."""
    require(actor, "case.edit")
    own(actor, case)
    if not_suggested := sorted(set(codes) - set(suggested)):
        raise ValidationError(
            {
                "violations": _("Only the suggested violations can be confirmed here: %(codes)s.")
                % {"codes": ", ".join(not_suggested)}
            }
        )
    existing = set(case.violations.values_list("type_id", flat=True))
    added = [code for code in dict.fromkeys(codes) if code not in existing]
    for code in added:
        violation_add(actor=actor, case=case, type_code=code, notes=notes)
    return added


@transaction.atomic
def violation_remove(*, actor: Actor, violation: Violation) -> None:
    require(actor, "case.edit")
    own(actor, violation.case)
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=violation,
        case_id=violation.case_id,
        changes={"type": [violation.type_id, None]},
        summary="violation removed",
    )
    violation.delete()
    touch(violation.case)


@transaction.atomic
def event_add(
    *, actor: Actor, case: Case, kind: str, occurred_on: dt.date, description: str, place: str = ""
) -> CaseEvent:
    require(actor, "case.edit")
    own(actor, case)
    if occurred_on and occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": _("The date cannot be in the future.")})
    event = CaseEvent(
        case=case,
        kind=kind,
        occurred_on=occurred_on,
        description=description.strip(),
        place=place.strip(),
        created_by=actor.user,
    )
    _record_child(actor, case, event, ("kind", "occurred_on", "place", "description"), "event added")
    return event


@transaction.atomic
def note_add(*, actor: Actor, case: Case, body: str) -> Note:
    require(actor, "case.edit")
    own(actor, case)
    if not body.strip():
        raise ValidationError({"body": _("Write the note before saving it.")})
    note = Note(case=case, body=body.strip(), created_by=actor.user)
    _record_child(actor, case, note, ("body",), "note added")
    return note


@transaction.atomic
def task_add(
    *, actor: Actor, case: Case, title: str, due_on: dt.date | None = None, assignee: User | None = None
) -> Task:
    require(actor, "case.edit")
    own(actor, case)
    _check_member(actor, assignee, "assignee")
    task = Task(case=case, title=title.strip(), due_on=due_on, assignee=assignee, created_by=actor.user)
    _record_child(actor, case, task, ("title", "due_on", "assignee"), "task added")
    return task


@transaction.atomic
def task_complete(*, actor: Actor, task: Task) -> Task:
    require(actor, "case.edit")
    own(actor, task.case)
    if task.done_at is None:
        task.done_at = timezone.now()
        task.save(update_fields=["done_at", "updated_at"])
        touch(task.case)
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            obj=task,
            case_id=task.case_id,
            changes={"done": [False, True]},
            summary="task completed",
        )
    return task


@transaction.atomic
def outcome_add(
    *,
    actor: Actor,
    case: Case,
    kind: str,
    achieved_on: dt.date,
    amount: Decimal | None = None,
    currency: str = "",
    notes: str = "",
) -> Outcome:
    require(actor, "case.edit")
    own(actor, case)
    if amount is not None and amount <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if (amount is None) != (not currency):
        raise ValidationError({"currency": _("Give both the amount and its currency, or neither.")})
    if kind == "money_recovered" and amount is None:
        raise ValidationError({"amount": _("Enter how much money was recovered.")})
    if achieved_on > timezone.localdate():
        raise ValidationError({"achieved_on": _("The date cannot be in the future.")})
    outcome = Outcome(
        case=case,
        kind=kind,
        achieved_on=achieved_on,
        amount=amount,
        currency=currency,
        notes=notes.strip(),
        created_by=actor.user,
    )
    _record_child(actor, case, outcome, ("kind", "amount", "currency", "achieved_on", "notes"), "outcome recorded")
    return outcome


@transaction.atomic
def attachment_add(*, actor: Actor, case: Case, filename: str, content: bytes, description: str = "") -> Attachment:
    require(actor, "attachment.add")
    own(actor, case)
    clean = files.clean_upload(content)
    stem = filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0][:150] or "file"
    attachment = Attachment(
        case=case,
        filename=stem + files.EXTENSIONS[clean.content_type],
        content_type=clean.content_type,
        size=len(clean.content),
        sha256=clean.sha256,
        description=description.strip(),
        created_by=actor.user,
    )
    _record_child(actor, case, attachment, ("filename", "content_type", "size", "sha256"), "file attached")
    # Written after the row: a rollback past this point leaves only unreadable ciphertext without
    # a row, never a row without its file.
    files.store_encrypted(attachment.pk, clean.content)
    return attachment


@transaction.atomic
def attachment_download(*, actor: Actor, attachment: Attachment) -> bytes:
    require(actor, "attachment.download")
    own(actor, attachment.case)
    audit_record(
        actor=actor,
        action=AuditAction.DOWNLOAD,
        obj=attachment,
        case_id=attachment.case_id,
        summary=f"file {attachment.filename} downloaded",
    )
    return files.read_decrypted(attachment.pk)


@transaction.atomic
def case_viewed(*, actor: Actor, case: Case) -> None:
    audit_record(actor=actor, action=AuditAction.VIEW, obj=case, case_id=case.pk, summary="case viewed")


@transaction.atomic
def access_denied(*, actor: Actor | None, path: str, user_id: int | None = None, label: str = "") -> None:
    audit_record(
        actor=actor,
        action=AuditAction.DENIED,
        summary=f"denied: {path}"[:300],
        user_id=user_id,
        label=label or "anonymous",
    )
