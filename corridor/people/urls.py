from django.urls import path

from corridor.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("<uuid:person_id>/", views.person_detail, name="detail"),
    path("<uuid:person_id>/edit", views.person_edit, name="edit"),
    path("<uuid:person_id>/identifiers", views.identifier_add, name="identifier_add"),
    path("<uuid:person_id>/documents", views.document_add, name="document_add"),
    path("<uuid:person_id>/consents", views.consent_add, name="consent_add"),
    path("<uuid:person_id>/consents/<uuid:consent_id>/withdraw", views.consent_withdraw, name="consent_withdraw"),
]
