"""API: people, their identifiers, documents and consent. Reads through corridor.people.selectors, writes
through corridor.people.services, exactly as the pages do."""

import datetime as dt
import uuid
from enum import StrEnum
from typing import Annotated, Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status

from corridor.accounts.api import OrganisationOut
from corridor.accounts.models import Organisation
from corridor.accounts.scope import Actor
from corridor.api.auth import actor_of
from corridor.api.errors import fields_renamed, found
from corridor.api.pagination import PageQuery, paginate
from corridor.api.schemas import (
    STORABLE,
    InputSchema,
    Line,
    ProvinceCode,
    Text,
    Version,
    errors,
    patch_body,
    province_ref,
)
from corridor.core.models import Country
from corridor.people import selectors, services
from corridor.people.models import (
    INFORMED_CONSENT_CHECKS,
    Consent,
    ConsentMethod,
    ConsentPurpose,
    DocumentHolder,
    DocumentKind,
    Gender,
    IdentifierKind,
    MigrationChannel,
    Person,
    PersonIdentifier,
)

router = Router(tags=["people"])

Short = Annotated[str, Field(max_length=100), STORABLE]


class PersonSummaryOut(Schema):
    id: uuid.UUID
    name_latin: str
    name_km: str
    name_th: str
    gender: Gender
    date_of_birth: dt.date | None
    estimated_age: int | None
    citizenship: str
    migration_channel: MigrationChannel
    version: int
    created_at: dt.datetime


class IdentifierOut(Schema):
    id: uuid.UUID
    kind: IdentifierKind
    value: str | None = Field(description="The number, or null when the token may not see identifiers.")


class DocumentOut(Schema):
    id: uuid.UUID
    kind: DocumentKind
    held_by: DocumentHolder
    notes: str
    is_retained: bool


class PersonOut(PersonSummaryOut):
    languages: str
    home_province: str | None = Field(validation_alias="home_province_id", description="ISO 3166-2.")
    home_district: str
    home_commune: str
    home_village: str
    current_province: str | None = Field(validation_alias="current_province_id", description="ISO 3166-2.")
    updated_at: dt.datetime
    identifiers: list[IdentifierOut]
    documents: list[DocumentOut]

    @staticmethod
    def resolve_identifiers(obj: Person, context: dict[str, Any]) -> list[IdentifierOut]:
        return _identifiers(actor_of(context["request"]), obj)


class PersonPage(Schema):
    items: list[PersonSummaryOut]
    next_cursor: str | None


class PersonQuery(PageQuery):
    q: Annotated[str, Field(max_length=100), STORABLE] = Field(
        "", description="Part of a name in any script, or a whole identifier number."
    )


class PersonFields(InputSchema):
    """Every field of a person."""

    name_latin: Line = ""
    name_km: Line = ""
    name_th: Line = ""
    gender: Gender = Gender.UNKNOWN
    date_of_birth: dt.date | None = None
    estimated_age: Annotated[int, Field(ge=0, le=120)] | None = None
    citizenship: Country = Country.CAMBODIA
    languages: Annotated[str, Field(max_length=60), STORABLE] = ""
    home_province: ProvinceCode | None = Field(None, description="ISO 3166-2 code of a province of Cambodia.")
    home_district: Short = ""
    home_commune: Short = ""
    home_village: Short = ""
    current_province: ProvinceCode | None = Field(None, description="ISO 3166-2 code of a Thai province.")
    migration_channel: MigrationChannel = MigrationChannel.UNKNOWN

    def values(self) -> dict[str, Any]:
        """The fields sent, in the services' terms (provinces as references)."""
        values = self.model_dump(exclude_unset=True, exclude={"version"})
        for name in ("home_province", "current_province"):
            if name in values:
                values[name] = province_ref(values[name])
        return values


@patch_body
class PersonPatch(PersonFields):
    """Only the fields sent are changed."""

    version: Version


class IdentifierIn(InputSchema):
    kind: IdentifierKind
    value: Annotated[str, Field(min_length=1, max_length=60), STORABLE]


class DocumentIn(InputSchema):
    kind: DocumentKind
    held_by: DocumentHolder
    notes: Annotated[str, Field(max_length=300), STORABLE] = ""


# The seven informed-consent checks by name, built from the model's list so the two cannot drift
# (mypy cannot read members from a comprehension, hence the ignore).
ConsentCheck = StrEnum("ConsentCheck", {name: name for name, _label in INFORMED_CONSENT_CHECKS})  # type: ignore[misc]
_CHECKS_DESCRIPTION = "; ".join(f"{name}: {label}" for name, label in INFORMED_CONSENT_CHECKS)


class ConsentOut(Schema):
    id: uuid.UUID
    person_id: uuid.UUID
    purpose: ConsentPurpose
    method: ConsentMethod
    guardian_name: str
    given_on: dt.date
    checks: list[ConsentCheck] = Field(description="The points that were explained.")
    missing_checks: list[ConsentCheck] = Field(
        description="The points not explained. No referral relies on a consent with any missing."
    )
    organisations: list[OrganisationOut] = Field(description="Sharing only: the organisations named.")
    countries: list[Country] = Field(description="Sharing only: any organisation of these countries.")
    notes: str
    is_active: bool
    withdrawn_at: dt.datetime | None
    withdrawal_reason: str
    recorded_by: str = Field(description="The member who recorded it; empty when recorded through the API.")
    created_at: dt.datetime

    @staticmethod
    def resolve_checks(obj: Consent) -> list[str]:
        return [name for name, _label in INFORMED_CONSENT_CHECKS if getattr(obj, name)]

    @staticmethod
    def resolve_missing_checks(obj: Consent) -> list[str]:
        return [name for name, _label in INFORMED_CONSENT_CHECKS if not getattr(obj, name)]

    @staticmethod
    def resolve_organisations(obj: Consent) -> list[Organisation]:
        return list(obj.share_with_organisations.all())

    @staticmethod
    def resolve_countries(obj: Consent) -> list[str]:
        return list(obj.share_with_countries)

    @staticmethod
    def resolve_recorded_by(obj: Consent) -> str:
        return str(obj.created_by) if obj.created_by else ""


class ConsentIn(InputSchema):
    purpose: ConsentPurpose
    method: ConsentMethod
    given_on: dt.date
    checks: list[ConsentCheck] = Field(
        default_factory=list, max_length=20, description=f"The points that were explained. {_CHECKS_DESCRIPTION}."
    )
    organisations: list[uuid.UUID] = Field(
        default_factory=list, max_length=100, description="Sharing only: ids of the organisations it may go to."
    )
    countries: list[Country] = Field(
        default_factory=list, max_length=10, description="Sharing only: any organisation of these countries."
    )
    guardian_name: Line = Field("", description="Required when the method is guardian.")
    notes: Text = ""


class ConsentWithdrawIn(InputSchema):
    reason: Text = ""


def _identifier_out(actor: Actor, identifier: PersonIdentifier) -> IdentifierOut:
    value = identifier.value if actor.can("person.view_identifiers") else None
    return IdentifierOut(id=identifier.pk, kind=IdentifierKind(identifier.kind), value=value)


def _identifiers(actor: Actor, person: Person) -> list[IdentifierOut]:
    rows = person.identifiers.all()
    if not actor.can("person.view_identifiers"):
        rows = rows.defer("value")  # masked readers never have the numbers decrypted at all
    return [_identifier_out(actor, row) for row in rows]


def _people(actor: Actor, text: str) -> QuerySet[Person]:
    if text.strip():
        return selectors.people_search(actor=actor, text=text)
    return selectors.people_visible_to(actor)


@router.get("/people", response={200: PersonPage, **errors(422)})
def list_people(request: HttpRequest, query: Query[PersonQuery]) -> Any:
    """People of the organisation the token may see, oldest first."""
    return paginate(_people(actor_of(request), query.q), query, newest_first=False)


@router.post("/people", response={201: PersonOut, **errors(403, 422)})
def add_person(request: HttpRequest, payload: PersonFields) -> Any:
    return Status(201, services.person_create(actor=actor_of(request), **payload.values()))


@router.get("/people/{person_id}", response={200: PersonOut, **errors(404, 422)})
def get_person(request: HttpRequest, person_id: uuid.UUID) -> Person:
    """A person with documents and identifiers; the numbers only for tokens whose role may see them.
    Every read is audited, like the person page."""
    actor = actor_of(request)
    person = found(selectors.person_get(actor=actor, person_id=person_id), request)
    services.person_viewed(actor=actor, person=person)
    return person


@router.patch("/people/{person_id}", response={200: PersonOut, **errors(403, 404, 409, 422)})
def update_person(request: HttpRequest, person_id: uuid.UUID, payload: PersonPatch) -> Person:
    actor = actor_of(request)
    person = found(selectors.person_get(actor=actor, person_id=person_id), request)
    return services.person_update(actor=actor, person=person, version=payload.version, **payload.values())


@router.post("/people/{person_id}/identifiers", response={201: IdentifierOut, **errors(403, 404, 422)})
def add_identifier(request: HttpRequest, person_id: uuid.UUID, payload: IdentifierIn) -> Any:
    actor = actor_of(request)
    person = found(selectors.person_get(actor=actor, person_id=person_id), request)
    # The number checks raise bare messages; they are about the number.
    with fields_renamed({NON_FIELD_ERRORS: "value"}):
        identifier: PersonIdentifier = services.identifier_add(
            actor=actor, person=person, kind=payload.kind, value=payload.value
        )
    return Status(201, _identifier_out(actor, identifier))


@router.post("/people/{person_id}/documents", response={201: DocumentOut, **errors(403, 404, 422)})
def record_document(request: HttpRequest, person_id: uuid.UUID, payload: DocumentIn) -> Any:
    actor = actor_of(request)
    person = found(selectors.person_get(actor=actor, person_id=person_id), request)
    return Status(201, services.document_record(actor=actor, person=person, **payload.model_dump()))


def _person(request: HttpRequest, person_id: uuid.UUID) -> Person:
    return found(selectors.person_get(actor=actor_of(request), person_id=person_id), request)


def _receivers(ids: list[uuid.UUID]) -> list[Organisation]:
    receivers = list(Organisation.objects.filter(pk__in=set(ids)))
    if len(receivers) != len(set(ids)):
        raise ValidationError({"organisations": _("Choose organisations from the list.")})
    return receivers


# The services name the model's fields; the API's inputs are shorter.
CONSENT_FIELDS = {"share_with_organisations": "organisations", "share_with_countries": "countries"}


@router.get("/people/{person_id}/consents", response={200: list[ConsentOut], **errors(404, 422)})
def list_consents(request: HttpRequest, person_id: uuid.UUID) -> Any:
    """Every consent of the person, withdrawn ones included, most recently given first."""
    return list(selectors.consents_of(person=_person(request, person_id)))


@router.post("/people/{person_id}/consents", response={201: ConsentOut, **errors(403, 404, 422)})
def record_consent(request: HttpRequest, person_id: uuid.UUID, payload: ConsentIn) -> Any:
    """A consent missing any of the seven checks is recorded, but no referral relies on it."""
    person = _person(request, person_id)
    values = payload.model_dump(exclude={"organisations"})
    with fields_renamed(CONSENT_FIELDS):
        consent = services.consent_record(
            actor=actor_of(request), person=person, organisations=_receivers(payload.organisations), **values
        )
    return Status(201, consent)


@router.post("/people/{person_id}/consents/{consent_id}/withdraw", response={200: ConsentOut, **errors(403, 404, 422)})
def withdraw_consent(
    request: HttpRequest, person_id: uuid.UUID, consent_id: uuid.UUID, payload: ConsentWithdrawIn
) -> Any:
    """The consent is kept, marked withdrawn; nothing relies on it from then on."""
    consent = found(selectors.consents_of(person=_person(request, person_id)).filter(pk=consent_id).first(), request)
    return services.consent_withdraw(actor=actor_of(request), consent=consent, reason=payload.reason)
