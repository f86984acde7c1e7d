from django.urls import path

from corridor.rights import views

app_name = "rights"
urlpatterns = [
    path("", views.claim_list, name="list"),
    path("new", views.claim_new, name="new"),
    path("<uuid:claim_id>", views.claim_detail, name="detail"),
    path("<uuid:claim_id>/confirm", views.claim_confirm, name="confirm"),
    path("<uuid:claim_id>/claim.pdf", views.claim_pdf, name="pdf"),
]
