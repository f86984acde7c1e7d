from django.urls import include, path

from corridor.api.urls import api
from corridor.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("language", core_views.language_set, name="language_set"),
    path("accounts/", include("allauth.urls")),
    path("organisation/", include("corridor.accounts.urls")),
    path("audit/", include("corridor.audit.urls")),
    path("cases/", include("corridor.cases.urls")),
    path("cases/<uuid:case_id>/screening/", include("corridor.screening.urls")),
    path("cases/<uuid:case_id>/claims/", include("corridor.rights.urls")),
    path("people/", include("corridor.people.urls")),
    path("parties/", include("corridor.parties.urls")),
    path("", include("corridor.intake.urls")),
    path("api/v1/", api.urls),
]

handler403 = "corridor.core.views.forbidden"
handler404 = "corridor.core.views.not_found"
