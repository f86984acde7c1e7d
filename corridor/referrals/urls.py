from django.urls import path

from corridor.referrals import views

app_name = "referrals"
urlpatterns = [
    path("", views.referral_list, name="list"),
    path("<uuid:referral_id>/", views.referral_detail, name="detail"),
    path("<uuid:referral_id>/update", views.referral_update, name="update"),
    path("<uuid:referral_id>/steps/<slug:step>", views.repatriation_step, name="step"),
]
