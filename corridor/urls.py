from django.urls import include, path

from corridor.api.urls import api
from corridor.core import views as core_views
from corridor.referrals import views as referral_views
from corridor.referrals.federation import views as federation_views

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
    path("referrals/", include("corridor.referrals.urls")),
    path("cases/<uuid:case_id>/referrals/new", referral_views.referral_new, name="referral_new"),
    path("federation/node", federation_views.node_directory, name="federation_node"),
    path("federation/inbox", federation_views.federation_inbox, name="federation_inbox"),
    path("parties/", include("corridor.parties.urls")),
    path("", include("corridor.intake.urls")),
    path("api/v1/", api.urls),
]

handler403 = "corridor.core.views.forbidden"
handler404 = "corridor.core.views.not_found"
