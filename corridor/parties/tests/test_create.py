"""Adding employers, workplaces and recruiters from the list page."""

import pytest
from django.urls import reverse

from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.parties.tests.factories import an_employer


@pytest.mark.django_db
def test_it_adds_an_employer(client_of, caseworker, org):
    response = client_of(caseworker).post(
        reverse("parties:employer_add"),
        {
            "employer-name": "Rayong Seafood Co.",
            "employer-name_th": "บริษัท ระยองซีฟู้ด",
            "employer-sector": "C",
            "employer-province": "TH-21",
            "employer-registration_number": "0215551234567",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#employers")
    employer = Employer.objects.get()
    assert (employer.organisation, employer.sector, employer.province_id) == (org, "C", "TH-21")


@pytest.mark.django_db
def test_it_adds_a_workplace_under_one_of_our_employers(client_of, caseworker):
    employer = an_employer(caseworker)
    response = client_of(caseworker).post(
        reverse("parties:workplace_add"),
        {"workplace-name": "Plant 2", "workplace-employer": str(employer.pk), "workplace-province": "TH-21"},
    )
    assert response.status_code == 302
    assert Workplace.objects.get().employer == employer


@pytest.mark.django_db
def test_it_only_offers_thai_provinces_for_workplaces(client_of, caseworker):
    form = client_of(caseworker).get(reverse("parties:list")).context["workplace_form"]
    codes = {str(code) for code, _ in form.fields["province"].choices if code}
    assert codes and all(code.startswith("TH-") for code in codes)


@pytest.mark.django_db
def test_it_adds_a_recruiter(client_of, caseworker):
    response = client_of(caseworker).post(
        reverse("parties:recruiter_add"),
        {
            "recruiter-name": "Poipet Jobs",
            "recruiter-kind": "agency",
            "recruiter-country": "KH",
            "recruiter-licence_status": "unlicensed",
        },
    )
    assert response.status_code == 302
    assert Recruiter.objects.get().licence_status == "unlicensed"


@pytest.mark.django_db
def test_it_shows_errors_and_keeps_the_form_open(client_of, caseworker):
    response = client_of(caseworker).post(reverse("parties:recruiter_add"), {"recruiter-name": ""})
    assert response.status_code == 422
    assert response.context["open_section"] == "recruiter_form"
    assert response.context["recruiter_form"].errors["name"]
    assert not Recruiter.objects.exists()
