"""Every write to a report: submitting it (web form or messaging channel), the worker's replies, and
triage by the receiving organisation. A report is committed before anything is sent anywhere."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from corridor.accounts.models import Organisation
from corridor.accounts.scope import Actor
from corridor.audit.context import without_client_address
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.cases import attachments as files
from corridor.cases import services as case_services
from corridor.cases.lifecycle import CLOSED_STATUSES
from corridor.cases.models import Case, CasePersonRole, Sensitivity
from corridor.core.crypto import blind_index
from corridor.core.models import Province
from corridor.core.provinces import province_codes
from corridor.intake import tracking
from corridor.intake.channels.outbound import delivery_for, enqueue_report_message
from corridor.intake.choices import (
    CONCERN_VIOLATIONS,
    Channel,
    CloseReason,
    Concern,
    ContactMethod,
    Delivery,
    Happened,
    MessageDirection,
    ReportStatus,
    WorkersAffected,
)
from corridor.intake.models import LANGUAGE_CHOICES, Report, ReportAttachment, ReportMessage, RoutingRule
from corridor.intake.routing import route
from corridor.parties.models import Employer
from corridor.people import services as people_services
from corridor.people.identifiers import normalise_identifier
from corridor.people.models import IdentifierKind, Person

MAX_DETAILS = 4000
MAX_SHORT = 200
MAX_MESSAGE = 2000
MAX_FILES = 5
LANGUAGES = {code for code, _label in LANGUAGE_CHOICES}


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


@dataclass(frozen=True)
class ReportDraft:
    """Everything a worker may tell us, as typed: the same for every channel."""

    submission_key: str
    language: str
    concerns: Sequence[str] = ()
    details: str = ""
    province_id: str | None = None
    workplace_name: str = ""
    happened: str = ""
    workers_affected: str = WorkersAffected.UNKNOWN
    reporter_name: str = ""
    contact_method: str = ContactMethod.NONE
    contact_value: str = ""
    channel: str = Channel.WEB
    uploads: Sequence[Upload] = field(default_factory=tuple)
    conversation_id: UUID | None = None  # the messaging conversation it came through


@dataclass(frozen=True)
class Submission:
    report: Report
    pin: str | None  # only when this call created the report; it exists nowhere else
    created: bool


def _plain(text: str, limit: int, field_name: str) -> str:
    """Stored as typed (rendered escaped), but normalised, without control characters, and bounded."""
    cleaned = unicodedata.normalize("NFC", text or "")
    cleaned = "".join(
        c for c in cleaned if c in "\n\t" or unicodedata.category(c)[0] != "C" or c in "\u200b\u200c\u200d"
    )
    cleaned = re.sub(r"[ \t]+\n", "\n", cleaned).strip()
    if len(cleaned) > limit:
        raise ValidationError(
            {field_name: _("Please keep this shorter: at most %(limit)d characters.") % {"limit": limit}}
        )
    return cleaned


def clean_draft(draft: ReportDraft) -> dict[str, Any]:
    """Check a draft the way every channel must: one error per field, in the worker's language."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def keep(name: str, check: Any) -> None:
        try:
            values[name] = check()
        except ValidationError as error:
            errors[name] = error.message_dict[name][0] if hasattr(error, "error_dict") else error.messages[0]

    if draft.language not in LANGUAGES:
        errors["language"] = _("Choose a language.")
    concerns = list(dict.fromkeys(draft.concerns))
    if any(concern not in Concern.values for concern in concerns):
        errors["concerns"] = _("Choose from the list.")
    keep("details", lambda: _plain(draft.details, MAX_DETAILS, "details"))
    if not concerns and not errors.get("details") and not values.get("details"):
        errors["concerns"] = _("Choose at least one thing that happened, or tell us in your own words.")
    values["concerns"] = concerns
    keep("workplace_name", lambda: _plain(draft.workplace_name, MAX_SHORT, "workplace_name"))
    keep("reporter_name", lambda: _plain(draft.reporter_name, MAX_SHORT, "reporter_name"))
    if draft.province_id and draft.province_id not in province_codes("TH"):
        errors["province"] = _("Choose a province of Thailand, or “I don't know”.")
    if draft.happened and draft.happened not in Happened.values:
        errors["happened"] = _("Choose from the list.")
    if draft.workers_affected not in WorkersAffected.values:
        errors["workers_affected"] = _("Choose from the list.")
    if draft.contact_method not in ContactMethod.values:
        errors["contact_method"] = _("Choose how we may contact you, or “Do not contact me”.")
    keep("contact_value", lambda: _contact(draft.contact_method, draft.contact_value))
    if draft.channel not in Channel.values:
        errors["channel"] = "unknown channel"
    if len(draft.uploads) > MAX_FILES:
        errors["uploads"] = _("You can send at most %(count)d files.") % {"count": MAX_FILES}
    else:
        cleaned_files = []
        for upload in draft.uploads:
            try:
                cleaned_files.append((upload.name, files.clean_upload(upload.content)))
            except ValidationError as error:
                errors["uploads"] = f"{upload.name[:60]}: {error.messages[0]}"
                break
        values["uploads"] = cleaned_files
    if not re.fullmatch(r"[A-Za-z0-9_-]{16,64}", draft.submission_key or ""):
        errors["submission_key"] = _("This form has expired. Please start again.")
    if errors:
        raise ValidationError(errors)
    return values


def _contact(method: str, value: str) -> str:
    value = _plain(value, 100, "contact_value")
    if method == ContactMethod.NONE:
        return ""
    if not value:
        raise ValidationError({"contact_value": _("Tell us the number or name to contact you on.")})
    if method == ContactMethod.PHONE:
        try:
            return normalise_identifier(IdentifierKind.PHONE, value)
        except ValidationError as error:
            raise ValidationError({"contact_value": error.messages[0]}) from None
    return value


def _employer_words(name: str) -> list[str]:
    """Employer names as workers write them: casefolded, without company-form words or punctuation."""
    text = unicodedata.normalize("NFKC", name).casefold()
    text = re.sub(r"\b(co|company|ltd|limited|plc|part|factory|farm)\b\.?", " ", text)
    text = re.sub(r"(บริษัท|จำกัด|\(มหาชน\)|มหาชน|ห้างหุ้นส่วน|โรงงาน|ក្រុមហ៊ុន|រោងចក្រ)", " ", text)
    return [word for word in re.split(r"[\W_]+", text) if word]


def match_employer(*, organisation: Organisation, name: str) -> Employer | None:
    """The organisation's known employer a worker most likely meant, if any is close enough.

    Runs on every report: the database narrows the employers to those sharing a word with the name,
    and only those few are compared closely."""
    words = _employer_words(name)
    key = "".join(words)
    if len(key) < 3:
        return None
    shared = Q()
    for word in sorted((word for word in words if len(word) >= 3), key=len, reverse=True)[:4]:
        shared |= Q(name__icontains=word) | Q(name_th__icontains=word)
    if not shared:
        return None
    best: tuple[float, Employer] | None = None
    for employer in Employer.objects.filter(shared, organisation=organisation).only("name", "name_th")[:50]:
        for known in (employer.name, employer.name_th):
            known_key = "".join(_employer_words(known or ""))
            if not known_key:
                continue
            score = difflib.SequenceMatcher(None, key, known_key).ratio()
            if key in known_key or known_key in key:
                score = max(score, 0.9)
            if score >= 0.75 and (best is None or score > best[0]):
                best = (score, employer)
    return best[1] if best else None


def _existing(submission_key: str) -> Submission | None:
    report = Report.objects.filter(submission_key=submission_key).first()
    return Submission(report=report, pin=None, created=False) if report else None


def report_submit(*, draft: ReportDraft) -> Submission:
    """Create a report from a worker's answers. Submitting the same draft twice returns the first
    report (without its PIN, which was shown once and is kept nowhere)."""
    existing = _existing(draft.submission_key)
    if existing is not None:
        return existing
    values = clean_draft(draft)
    organisation = route(province_id=draft.province_id or None, language=draft.language)
    pin = tracking.new_pin()
    contact_index = ""
    if draft.contact_method == ContactMethod.PHONE and values["contact_value"]:
        contact_index = blind_index(values["contact_value"], kind=IdentifierKind.PHONE)
    matched = None
    if organisation is not None and values["workplace_name"]:
        matched = match_employer(organisation=organisation, name=values["workplace_name"])
    for _attempt in range(5):
        code = tracking.new_tracking_code()
        report = Report(
            organisation=organisation,
            tracking_code=code,
            pin_digest=tracking.pin_digest(code, pin),
            submission_key=draft.submission_key,
            channel=draft.channel,
            language=draft.language,
            concerns=values["concerns"],
            details=values["details"] or None,
            province_id=draft.province_id or None,
            workplace_name=values["workplace_name"] or None,
            matched_employer=matched,
            happened=draft.happened,
            workers_affected=draft.workers_affected,
            reporter_name=values["reporter_name"] or None,
            contact_method=draft.contact_method,
            contact_value=values["contact_value"] or None,
            contact_index=contact_index,
            conversation_id=draft.conversation_id,
        )
        try:
            with transaction.atomic(), without_client_address():
                report.save(force_insert=True)
                for name, clean in values["uploads"]:
                    _attach(report, name, clean)
                audit_record(
                    actor=None,
                    action=AuditAction.CREATE,
                    obj=report,
                    label=f"public:{draft.channel}",
                    organisation_id=organisation.pk if organisation else None,
                    summary=f"report {report.display_code} received",
                    changes={"concerns": [None, values["concerns"]], "files": [None, len(values["uploads"])]},
                )
        except IntegrityError:
            existing = _existing(draft.submission_key)
            if existing is not None:
                return existing
            continue  # the tracking code was taken: draw another
        return Submission(report=report, pin=pin, created=True)
    raise RuntimeError("could not draw a free tracking code")


def _attach(report: Report, name: str, clean: files.CleanFile) -> ReportAttachment:
    stem = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0][:150] or "file"
    attachment = ReportAttachment.objects.create(
        report=report,
        filename=stem + files.EXTENSIONS[clean.content_type],
        content_type=clean.content_type,
        size=len(clean.content),
        sha256=clean.sha256,
    )
    files.store_encrypted(attachment.pk, clean.content)
    return attachment


def report_worker_reply(*, report: Report, body: str) -> ReportMessage:
    """The worker answers from the status page or the channel they reported through."""
    text = _plain(body, MAX_MESSAGE, "body")
    if not text:
        raise ValidationError({"body": _("Write your message first.")})
    with transaction.atomic(), without_client_address():
        message = ReportMessage.objects.create(report=report, direction=MessageDirection.FROM_WORKER, body=text)
        Report.objects.filter(pk=report.pk).update(updated_at=timezone.now())
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            obj=message,
            label=f"public:{report.channel}",
            organisation_id=report.organisation_id,
            summary=f"worker replied to report {report.display_code}",
        )
    return message


# --- triage --------------------------------------------------------------------------------------


def _require(actor: Actor, capability: str) -> None:
    if not actor.can(capability):
        raise PermissionDenied(capability)


def _own(actor: Actor, report: Report) -> None:
    if report.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")


def _still_new(report: Report) -> None:
    if report.status != ReportStatus.NEW:
        raise ValidationError(_("This report has already been triaged."))


@transaction.atomic
def report_viewed(*, actor: Actor, report: Report) -> None:
    audit_record(actor=actor, action=AuditAction.VIEW, obj=report, summary=f"report {report.display_code} viewed")


@transaction.atomic
def report_file_download(*, actor: Actor, attachment: ReportAttachment) -> bytes:
    _require(actor, "report.triage")
    _own(actor, attachment.report)
    audit_record(
        actor=actor,
        action=AuditAction.DOWNLOAD,
        obj=attachment,
        summary=f"file {attachment.filename} of report {attachment.report.display_code} downloaded",
    )
    return files.read_decrypted(attachment.pk)


@transaction.atomic
def report_ask(*, actor: Actor, report: Report, body: str) -> ReportMessage:
    """A question or news for the worker, in the channel they chose; the status page always shows it."""
    _require(actor, "report.triage")
    _own(actor, report)
    text = _plain(body, MAX_MESSAGE, "body")
    if not text:
        raise ValidationError({"body": _("Write the message first.")})
    message = ReportMessage.objects.create(
        report=report,
        direction=MessageDirection.TO_WORKER,
        body=text,
        delivery=delivery_for(report),
        created_by=actor.user,
    )
    audit_record(
        actor=actor, action=AuditAction.CREATE, obj=message, summary=f"message to report {report.display_code}"
    )
    if message.delivery == Delivery.PENDING:
        transaction.on_commit(lambda: _enqueue_delivery(message))
    return message


def _enqueue_delivery(message: ReportMessage) -> None:
    enqueue_report_message(message)


def _person_from_report(actor: Actor, report: Report) -> Person | None:
    name = (report.reporter_name or "").strip()
    phone = report.contact_value if report.contact_method == ContactMethod.PHONE else ""
    if not name and not phone:
        return None
    names: dict[str, str] = {}
    if name:
        script = (
            "name_km"
            if re.search(r"[\u1780-\u17ff]", name)
            else "name_th"
            if re.search(r"[\u0e00-\u0e7f]", name)
            else "name_latin"
        )
        names[script] = name
    person = people_services.person_create(actor=actor, current_province_id=report.province_id, **names)
    if phone:
        people_services.identifier_add(actor=actor, person=person, kind=IdentifierKind.PHONE, value=phone)
    return person


def suggested_violations(report: Report) -> list[str]:
    return list(dict.fromkeys(code for concern in report.concerns for code in CONCERN_VIOLATIONS.get(concern, ())))


@transaction.atomic
def report_open_case(
    *,
    actor: Actor,
    report: Report,
    title: str,
    sensitivity: str = Sensitivity.STANDARD,
    person: Person | None = None,
    violation_codes: Sequence[str] | None = None,
) -> Case:
    """Open a case from a report: the worker (an existing person, or one made from what the report
    says), the suggested violations, the workplace match and the files come along."""
    _require(actor, "report.triage")
    _require(actor, "case.create")
    _own(actor, report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _still_new(report)
    if person is not None and person.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    worker = person or _person_from_report(actor, report)
    codes = suggested_violations(report) if violation_codes is None else list(violation_codes)
    case = case_services.case_open(
        actor=actor,
        title=title,
        summary=report.details or "",
        sensitivity=sensitivity,
        work_province_id=report.province_id,
        people=[(worker, CasePersonRole.WORKER)] if worker else [],
        parties=[report.matched_employer] if report.matched_employer else [],
        violation_codes=codes,
    )
    _copy_files(actor, report, case)
    _link(actor, report, case, summary=f"report {report.display_code} opened as case {case.reference}")
    return case


def _copy_files(actor: Actor, report: Report, case: Case) -> None:
    for attachment in report.attachments.all():
        case_services.attachment_add(
            actor=actor,
            case=case,
            filename=attachment.filename,
            content=files.read_decrypted(attachment.pk),
            description=_("Sent with report %(code)s") % {"code": report.display_code},
        )


def _link(actor: Actor, report: Report, case: Case, *, summary: str) -> None:
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.LINKED, case=case, triaged_at=timezone.now(), triaged_by=actor.user
    )
    report.status, report.case = ReportStatus.LINKED, case
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        case_id=case.pk,
        changes={"status": [ReportStatus.NEW, ReportStatus.LINKED], "case": [None, str(case.pk)]},
        summary=summary,
    )


@transaction.atomic
def report_merge(*, actor: Actor, report: Report, case: Case) -> Case:
    """Attach a report to a case the organisation already has, instead of opening another."""
    _require(actor, "report.triage")
    _own(actor, report)
    if case.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    report = Report.objects.select_for_update().get(pk=report.pk)
    _still_new(report)
    if case.status in CLOSED_STATUSES:
        raise ValidationError({"case": _("This case is closed. Reopen it first, or open a new case.")})
    _copy_files(actor, report, case)
    _link(actor, report, case, summary=f"report {report.display_code} merged into case {case.reference}")
    return case


@transaction.atomic
def report_close(*, actor: Actor, report: Report, reason: str, note: str = "") -> Report:
    _require(actor, "report.triage")
    _own(actor, report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _still_new(report)
    if reason not in CloseReason.values:
        raise ValidationError({"reason": _("Choose a reason.")})
    note = _plain(note, 1000, "note")
    if reason == CloseReason.DUPLICATE and not note:
        raise ValidationError({"note": _("Say which report or case this one duplicates.")})
    Report.objects.filter(pk=report.pk).update(
        status=ReportStatus.CLOSED,
        close_reason=reason,
        close_note=note,
        triaged_at=timezone.now(),
        triaged_by=actor.user,
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=report,
        changes={"status": [ReportStatus.NEW, ReportStatus.CLOSED], "close_reason": [None, reason]},
        summary=f"report {report.display_code} closed",
    )
    report.refresh_from_db()
    return report


# --- routing rules ---------------------------------------------------------------------------------


@transaction.atomic
def routing_rule_add(*, actor: Actor, province_id: str | None, language: str) -> RoutingRule:
    """A new rule also picks up reports that arrived while no organisation's rule matched them."""
    _require(actor, "intake.manage_routing")
    if province_id and not Province.objects.filter(pk=province_id, country="TH").exists():
        raise ValidationError({"province": _("Choose a province of Thailand.")})
    if language and language not in LANGUAGES:
        raise ValidationError({"language": _("Choose a language.")})
    duplicate = RoutingRule.objects.filter(
        organisation=actor.organisation, province_id=province_id or None, language=language
    )
    if duplicate.exists():
        raise ValidationError(_("Your organisation already has this rule."))
    rule = RoutingRule.objects.create(
        organisation=actor.organisation, province_id=province_id or None, language=language, created_by=actor.user
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=rule,
        changes={"province": [None, province_id or "*"], "language": [None, language or "*"]},
        summary="routing rule added",
    )
    unrouted = Report.objects.filter(organisation__isnull=True)
    if province_id:
        unrouted = unrouted.filter(province_id=province_id)
    if language:
        unrouted = unrouted.filter(language=language)
    picked = unrouted.update(organisation=actor.organisation)
    if picked:
        audit_record(actor=actor, action=AuditAction.UPDATE, summary=f"{picked} waiting reports routed by a new rule")
    return rule


@transaction.atomic
def routing_rule_remove(*, actor: Actor, rule: RoutingRule) -> None:
    _require(actor, "intake.manage_routing")
    if rule.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    audit_record(
        actor=actor,
        action=AuditAction.DELETE,
        obj=rule,
        changes={"province": [rule.province_id or "*", None], "language": [rule.language or "*", None]},
        summary="routing rule removed",
    )
    rule.delete()
