from django.urls import path

from corridor.screening import views

app_name = "screening"
urlpatterns = [
    path("", views.assessment_list, name="list"),
    path("new/<slug:code>", views.assessment_new, name="new"),
    path("new/<slug:code>/result", views.assessment_preview, name="preview"),
    path("<uuid:assessment_id>", views.assessment_detail, name="detail"),
    path("<uuid:assessment_id>/confirm", views.assessment_confirm, name="confirm"),
    path("<uuid:assessment_id>/summary.pdf", views.assessment_pdf, name="pdf"),
]
