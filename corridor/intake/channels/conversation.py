"""The guided report conversation, the same on every messaging channel: the web form's questions one
at a time, buttons for choices and free text for details, in the worker's language.

Each step has a prompt (what we ask) and an answer handler (what the worker's message means there).
Answers are kept encrypted on the conversation until the report is sent, then dropped."""

from __future__ import annotations

import difflib
import json
import re
import secrets
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import override

from corridor.core.crypto import blind_index
from corridor.core.models import Province
from corridor.intake.channels.base import Button, Incoming, Outgoing
from corridor.intake.choices import Channel, Concern, ContactMethod, Happened, WorkersAffected
from corridor.intake.models import ChannelConversation
from corridor.intake.services import (
    LANGUAGES,
    MAX_DETAILS,
    MAX_SHORT,
    ReportDraft,
    report_submit,
    report_worker_reply,
)

LANGUAGE_BUTTONS = (("km", "ខ្មែរ"), ("th", "ไทย"), ("en", "English"))
# Where most Cambodian workers in Thailand work; the rest are typed and matched by name.
COMMON_PROVINCES = ("TH-10", "TH-74", "TH-21", "TH-20", "TH-11", "TH-13", "TH-27", "TH-22", "TH-23", "TH-90")
# What workers call some provinces instead of their official names.
PROVINCE_ALIASES = {
    "กรุงเทพ": "TH-10",
    "กทม": "TH-10",
    "BKK": "TH-10",
    "Mahachai": "TH-74",
    "มหาชัย": "TH-74",
    "មហាជ័យ": "TH-74",
    "Korat": "TH-30",
    "โคราช": "TH-30",
}
# "Yes, in this chat": the contact method that means the channel the worker is writing from.
CHANNEL_CONTACT: dict[str, str] = {Channel.TELEGRAM: ContactMethod.TELEGRAM}
MAX_CONTACT = 100
SKIP = "skip"
SEND = "send"
RESTART = "restart"


@dataclass(frozen=True)
class Move:
    """Where the conversation goes next, and what to say before asking that step's question."""

    step: str
    note: str = ""


@dataclass
class Turn:
    conversation: ChannelConversation
    answers: dict[str, Any]
    incoming: Incoming
    status_url: str


def user_index(channel: str, user_ref: str) -> str:
    return blind_index(user_ref, kind=f"channel-user:{channel}")


def conversation_for(*, channel: str, user_ref: str) -> ChannelConversation:
    """The worker's conversation, locked for this update (call inside a transaction): two quick taps
    are handled one after the other, never both against the same old step."""
    index = user_index(channel, user_ref)
    conversation, _created = ChannelConversation.objects.get_or_create(
        channel=channel, user_index=index, defaults={"user_ref": user_ref}
    )
    return ChannelConversation.objects.select_for_update().get(pk=conversation.pk)


def conversation_reply(*, conversation: ChannelConversation, incoming: Incoming, status_url: str) -> Outgoing:
    """Advance the conversation by one worker message and return what to send back."""
    turn = Turn(conversation, json.loads(conversation.answers or "{}"), incoming, status_url)
    with override(_language(turn)):
        move = _command(turn) or _answer(turn)
    conversation.step = move.step
    with override(_language(turn)):
        prompt = PROMPTS[move.step](turn)
    conversation.answers = json.dumps(turn.answers) if turn.answers else None
    conversation.save(update_fields=["step", "answers", "language", "report", "updated_at"])
    text = "\n\n".join(part for part in (move.note, prompt.text) if part)
    return Outgoing(text=text, buttons=prompt.buttons)


def _language(turn: Turn) -> str:
    hint = turn.incoming.language_hint
    return turn.conversation.language or (hint if hint in LANGUAGES else "en")


def _command(turn: Turn) -> Move | None:
    text = turn.incoming.text.strip()
    if not text.startswith("/"):
        return None
    name = text[1:].split(maxsplit=1)[0].split("@")[0].lower() if len(text) > 1 else ""
    if name == "start":
        return _restart(turn, "language")
    if name == "cancel":
        turn.answers = {}
        return Move(_resting(turn), _("Stopped. Nothing was sent. Send /start to begin again."))
    if name == "status":
        note = _("To see news about your report, open %(url)s and enter your tracking code and PIN.") % {
            "url": turn.status_url
        }
        if turn.conversation.report:
            note += "\n" + _("Your last report here is %(code)s.") % {"code": turn.conversation.report.display_code}
        return Move(turn.conversation.step or _resting(turn), note)
    return Move(
        turn.conversation.step or _resting(turn),
        _("Send /start to make a report, /status to check one, or /cancel to stop."),
    )


def _resting(turn: Turn) -> str:
    return "reported" if turn.conversation.report_id else ""


def _restart(turn: Turn, step: str) -> Move:
    # A fresh key per report: the key makes a retried "Send" return the same report, never a second.
    turn.answers = {"key": f"{turn.conversation.channel}-{secrets.token_urlsafe(18)}"}
    turn.conversation.report = None
    return Move(step)


def _answer(turn: Turn) -> Move:
    step = turn.conversation.step
    if step not in ANSWERS:
        return _restart(turn, "language")
    incoming = turn.incoming
    if not incoming.text.strip() and not incoming.choice:
        return Move(step, _("Please type your answer, or tap one of the buttons."))
    return ANSWERS[step](turn)


def _tap_please(step: str) -> Move:
    return Move(step, _("Please tap one of the buttons."))


def _typed(turn: Turn, step: str, limit: int, key: str, next_step: str, *, skippable: bool = True) -> Move:
    """Free text for `key`, or Skip."""
    if turn.incoming.choice == SKIP and skippable:
        turn.answers[key] = ""
        return Move(next_step)
    text = turn.incoming.text.strip()
    if not text:
        return Move(step, _("Please type your answer, or tap one of the buttons."))
    if len(text) > limit:
        return Move(step, _("Please keep this shorter: at most %(limit)d characters.") % {"limit": limit})
    turn.answers[key] = text
    return Move(next_step)


def _choice(turn: Turn, prefix: str, values: list[str]) -> str | None:
    choice = turn.incoming.choice
    if choice.startswith(prefix) and choice[len(prefix) :] in values:
        return choice[len(prefix) :]
    return None


# --- answers -------------------------------------------------------------------------------------


def _answer_language(turn: Turn) -> Move:
    language = _choice(turn, "lang:", sorted(LANGUAGES))
    if language is None:
        return _tap_please("language")
    turn.conversation.language = language
    turn.answers.setdefault("key", f"{turn.conversation.channel}-{secrets.token_urlsafe(18)}")
    return Move("concerns")


def _answer_concerns(turn: Turn) -> Move:
    if turn.incoming.choice == "c:done":
        return Move("details")
    concern = _choice(turn, "c:", list(Concern.values))
    if concern is None:
        return _tap_please("concerns")
    chosen: list[str] = turn.answers.setdefault("concerns", [])
    if concern in chosen:
        chosen.remove(concern)
    else:
        chosen.append(concern)
    return Move("concerns")


def _answer_details(turn: Turn) -> Move:
    return _typed(turn, "details", MAX_DETAILS, "details", "province", skippable=bool(turn.answers.get("concerns")))


def _answer_province(turn: Turn) -> Move:
    choice = turn.incoming.choice
    if choice == "p:other":
        return Move("province_name")
    if choice == "p:none":
        turn.answers["province"] = None
        return Move("workplace")
    code = _choice(turn, "p:", list(COMMON_PROVINCES))
    province = Province.objects.filter(pk=code).first() if code else _match_province(turn.incoming.text)
    if province is None:
        if turn.incoming.text.strip():
            return Move("province_name", _("We could not find that province."))
        return _tap_please(turn.conversation.step)
    turn.answers["province"] = province.pk
    return Move("workplace")


def _answer_workplace(turn: Turn) -> Move:
    return _typed(turn, "workplace", MAX_SHORT, "workplace", "happened")


def _answer_happened(turn: Turn) -> Move:
    happened = _choice(turn, "h:", list(Happened.values))
    if happened is None and turn.incoming.choice != SKIP:
        return _tap_please("happened")
    turn.answers["happened"] = happened or ""
    return Move("workers")


def _answer_workers(turn: Turn) -> Move:
    workers = _choice(turn, "w:", list(WorkersAffected.values))
    if workers is None:
        return _tap_please("workers")
    turn.answers["workers"] = workers
    return Move("contact")


def _answer_contact(turn: Turn) -> Move:
    here = CHANNEL_CONTACT.get(turn.conversation.channel)
    if turn.incoming.choice == "cm:here" and here:
        turn.answers.update(contact_method=here, contact_value=f"{turn.conversation.channel} chat")
        return Move("name")
    method = _choice(turn, "cm:", list(ContactMethod.values))
    if method is None:
        return _tap_please("contact")
    turn.answers.update(contact_method=method, contact_value="")
    return Move("name" if method == ContactMethod.NONE else "contact_value")


def _answer_contact_value(turn: Turn) -> Move:
    return _typed(turn, "contact_value", MAX_CONTACT, "contact_value", "name", skippable=False)


def _answer_name(turn: Turn) -> Move:
    return _typed(turn, "name", MAX_SHORT, "name", "confirm")


def _answer_confirm(turn: Turn) -> Move:
    if turn.incoming.choice == RESTART:
        return _restart(turn, "concerns")
    if turn.incoming.choice != SEND:
        return _tap_please("confirm")
    return _submit(turn)


def _answer_reported(turn: Turn) -> Move:
    report = turn.conversation.report
    if report is None:
        return _restart(turn, "language")
    if not turn.incoming.text.strip():
        return Move(
            "reported",
            _("Your report %(code)s was sent. Write here to add something, or send /start to make a new report.")
            % {"code": report.display_code},
        )
    try:
        report_worker_reply(report=report, body=turn.incoming.text)
    except ValidationError as error:
        return Move("reported", _first_problem(error)[1])
    return Move("reported", _("Thank you. We added your message to report %(code)s.") % {"code": report.display_code})


# Which question to ask again when the report is refused because of one answer.
FIELD_STEPS = {
    "language": "language",
    "concerns": "concerns",
    "details": "details",
    "province": "province_name",
    "workplace_name": "workplace",
    "happened": "happened",
    "workers_affected": "workers",
    "contact_method": "contact",
    "contact_value": "contact_value",
    "reporter_name": "name",
}


def _submit(turn: Turn) -> Move:
    answers, conversation = turn.answers, turn.conversation
    draft = ReportDraft(
        submission_key=answers.get("key", ""),
        language=conversation.language,
        concerns=answers.get("concerns", []),
        details=answers.get("details", ""),
        province_id=answers.get("province"),
        workplace_name=answers.get("workplace", ""),
        happened=answers.get("happened", ""),
        workers_affected=answers.get("workers", WorkersAffected.UNKNOWN),
        reporter_name=answers.get("name", ""),
        contact_method=answers.get("contact_method", ContactMethod.NONE),
        contact_value=answers.get("contact_value", ""),
        channel=conversation.channel,
        conversation_id=conversation.pk,
    )
    try:
        submission = report_submit(draft=draft)
    except ValidationError as error:
        field, problem = _first_problem(error)
        if field not in FIELD_STEPS:  # an expired key: nothing the worker typed was wrong
            answers["key"] = f"{conversation.channel}-{secrets.token_urlsafe(18)}"
            return Move("confirm", problem)
        return Move(FIELD_STEPS[field], _("Please change this answer: %(problem)s") % {"problem": problem})
    report = submission.report
    conversation.report = report
    turn.answers = {}  # the report holds the answers now; the conversation keeps no copy
    if submission.pin is None:
        return Move("reported", _("We already have this report: %(code)s.") % {"code": report.display_code})
    note = _(
        "Thank you. We received your report.\n\nTracking code: %(code)s\nPIN: %(pin)s\n\n"
        "Write both down and keep them safe. To read our answers, open %(url)s and enter them. "
        "You can also write to us here."
    ) % {"code": report.display_code, "pin": submission.pin, "url": turn.status_url}
    return Move("reported", note)


def _first_problem(error: ValidationError) -> tuple[str, str]:
    if hasattr(error, "error_dict"):
        field, messages = next(iter(error.message_dict.items()))
        return field, messages[0]
    return "", error.messages[0]


ANSWERS: dict[str, Callable[[Turn], Move]] = {
    "language": _answer_language,
    "concerns": _answer_concerns,
    "details": _answer_details,
    "province": _answer_province,
    "province_name": _answer_province,
    "workplace": _answer_workplace,
    "happened": _answer_happened,
    "workers": _answer_workers,
    "contact": _answer_contact,
    "contact_value": _answer_contact_value,
    "name": _answer_name,
    "confirm": _answer_confirm,
    "reported": _answer_reported,
}


# --- prompts -------------------------------------------------------------------------------------


def _skip() -> Button:
    return Button(_("Skip"), SKIP)


def _prompt_language(turn: Turn) -> Outgoing:
    # Before a language is chosen, ask in all three: the worker's app language may not be theirs.
    first = _language(turn)
    order = [first, *(code for code, _label in LANGUAGE_BUTTONS if code != first)]
    asks: list[str] = []
    for code in order:
        with override(code):
            asks.append(_("Choose your language"))
    asks = list(dict.fromkeys(asks))  # until every language has its translation
    welcome = _("Hello. Here you can report a problem at work, safely. You do not have to give your name.")
    return Outgoing(
        text=f"{welcome}\n\n" + " / ".join(asks),
        buttons=tuple(Button(label, f"lang:{code}") for code, label in LANGUAGE_BUTTONS),
    )


def _prompt_concerns(turn: Turn) -> Outgoing:
    chosen = turn.answers.get("concerns", [])
    buttons = [Button(("✓ " if value in chosen else "") + str(label), f"c:{value}") for value, label in Concern.choices]
    return Outgoing(
        text=_("What happened? Tap everything that fits, then tap “Done”."),
        buttons=(*buttons, Button(_("Done"), "c:done")),
    )


def _prompt_details(turn: Turn) -> Outgoing:
    if turn.answers.get("concerns"):
        return Outgoing(text=_("Tell us in your own words what happened, or tap “Skip”."), buttons=(_skip(),))
    return Outgoing(text=_("Tell us in your own words what happened."))


def _prompt_province(turn: Turn) -> Outgoing:
    provinces = Province.objects.in_bulk(COMMON_PROVINCES)
    buttons = [Button(provinces[code].name, f"p:{code}") for code in COMMON_PROVINCES if code in provinces]
    return Outgoing(
        text=_("In which province of Thailand do you work?"),
        buttons=(*buttons, Button(_("Other / I don't know"), "p:other")),
    )


def _prompt_province_name(turn: Turn) -> Outgoing:
    return Outgoing(
        text=_("Type the name of the province, or tap “I don't know”."),
        buttons=(Button(str(WorkersAffected.UNKNOWN.label), "p:none"),),
    )


def _prompt_workplace(turn: Turn) -> Outgoing:
    return Outgoing(text=_("What is the name of the workplace or employer? Or tap “Skip”."), buttons=(_skip(),))


def _prompt_happened(turn: Turn) -> Outgoing:
    buttons = [Button(str(label), f"h:{value}") for value, label in Happened.choices]
    return Outgoing(text=_("When did it happen?"), buttons=(*buttons, _skip()))


def _prompt_workers(turn: Turn) -> Outgoing:
    buttons = tuple(Button(str(label), f"w:{value}") for value, label in WorkersAffected.choices)
    return Outgoing(text=_("How many workers does this happen to?"), buttons=buttons)


def _prompt_contact(turn: Turn) -> Outgoing:
    here = CHANNEL_CONTACT.get(turn.conversation.channel)
    buttons = [Button(_("Yes, in this chat"), "cm:here")] if here else []
    others = [(value, label) for value, label in ContactMethod.choices if value not in {here, ContactMethod.NONE}]
    buttons += [Button(str(label), f"cm:{value}") for value, label in others]
    # Last, where it reads as the way out rather than the expected answer.
    buttons.append(Button(str(ContactMethod.NONE.label), f"cm:{ContactMethod.NONE}"))
    return Outgoing(text=_("May we contact you about your report?"), buttons=tuple(buttons))


def _prompt_contact_value(turn: Turn) -> Outgoing:
    method = turn.answers.get("contact_method", ContactMethod.PHONE)
    if method == ContactMethod.PHONE:
        return Outgoing(text=_("Type the phone number we can call or send SMS to."))
    return Outgoing(text=_("Type your name or ID in %(app)s.") % {"app": ContactMethod(method).label})


def _prompt_name(turn: Turn) -> Outgoing:
    return Outgoing(text=_("What name may we call you? Or tap “Skip” to stay anonymous."), buttons=(_skip(),))


def _prompt_confirm(turn: Turn) -> Outgoing:
    return Outgoing(
        text=_("Please check your report:") + "\n\n" + _summary(turn.answers) + "\n\n" + _("Send it to us?"),
        buttons=(Button(_("Send"), SEND), Button(_("Start again"), RESTART)),
    )


def _nothing(turn: Turn) -> Outgoing:
    return Outgoing(text="")


PROMPTS: dict[str, Callable[[Turn], Outgoing]] = {
    "": _nothing,
    "language": _prompt_language,
    "concerns": _prompt_concerns,
    "details": _prompt_details,
    "province": _prompt_province,
    "province_name": _prompt_province_name,
    "workplace": _prompt_workplace,
    "happened": _prompt_happened,
    "workers": _prompt_workers,
    "contact": _prompt_contact,
    "contact_value": _prompt_contact_value,
    "name": _prompt_name,
    "confirm": _prompt_confirm,
    "reported": _nothing,
}


def _summary(answers: dict[str, Any]) -> str:
    province = Province.objects.filter(pk=answers.get("province") or "").first()
    method = answers.get("contact_method", ContactMethod.NONE)
    contact = str(ContactMethod(method).label)
    if method not in {ContactMethod.NONE, *CHANNEL_CONTACT.values()} and answers.get("contact_value"):
        contact += f": {answers['contact_value']}"
    details = answers.get("details", "")
    lines = [
        (_("What happened"), "; ".join(str(Concern(value).label) for value in answers.get("concerns", []))),
        (_("In your words"), details[:300] + ("…" if len(details) > 300 else "")),
        (_("Province"), province.name if province else str(WorkersAffected.UNKNOWN.label)),
        (_("Workplace"), answers.get("workplace", "")),
        (_("When"), str(Happened(answers["happened"]).label) if answers.get("happened") else ""),
        (_("Workers"), str(WorkersAffected(answers.get("workers", WorkersAffected.UNKNOWN)).label)),
        (_("Contact"), contact),
        (_("Name"), answers.get("name", "")),
    ]
    return "\n".join(f"{label}: {value or '—'}" for label, value in lines)


def _province_key(text: str) -> str:
    """Letters, marks and digits only: Thai and Khmer vowel signs are marks and must stay."""
    text = re.sub(r"(province|จังหวัด|จ\.|ខេត្ត)", " ", unicodedata.normalize("NFC", text).casefold())
    return "".join(character for character in text if unicodedata.category(character)[0] in "LMN")


def _match_province(text: str) -> Province | None:
    """A typed province name, in Khmer, Thai or English, forgiving small spelling differences."""
    key = _province_key(text)
    if len(key) < 2:
        return None
    by_key: dict[str, Province] = {}
    provinces = Province.objects.filter(country="TH")
    for province in provinces:
        for name in (province.name_en, province.name_common_en, province.name_km, province.name_th):
            if name:
                by_key.setdefault(_province_key(name), province)
    by_code = {province.pk: province for province in provinces}
    for alias, code in PROVINCE_ALIASES.items():
        if code in by_code:
            by_key.setdefault(_province_key(alias), by_code[code])
    if key in by_key:
        return by_key[key]
    close = difflib.get_close_matches(key, list(by_key), n=1, cutoff=0.8)
    return by_key[close[0]] if close else None
