from django.urls import path

from corridor.intake.channels import webhook
from corridor.intake.views import public, rights, triage

app_name = "intake"

urlpatterns = [
    # Public: no account.
    path("report/", public.start, name="start"),
    path("report/new", public.report_form, name="form"),
    path("report/status", public.status, name="status"),
    path("report/status/reply", public.status_reply, name="status_reply"),
    path("rights/", rights.index, name="rights"),
    path("rights/documents", rights.documents, name="rights_documents"),
    path("rights/wages", rights.wages, name="rights_wages"),
    path("rights/overtime", rights.overtime, name="rights_overtime"),
    path("rights/hotlines", rights.hotlines, name="rights_hotlines"),
    path("rights/privacy", rights.privacy, name="rights_privacy"),
    path("channels/telegram/webhook", webhook.telegram, name="telegram_webhook"),
    # Triage: members of the receiving organisation.
    path("intake/", triage.queue, name="queue"),
    path("intake/routing", triage.routing, name="routing"),
    path("intake/routing/<uuid:rule_id>/remove", triage.routing_remove, name="routing_remove"),
    path("intake/<uuid:report_id>/", triage.detail, name="report"),
    path("intake/<uuid:report_id>/open-case", triage.open_case, name="report_open_case"),
    path("intake/<uuid:report_id>/merge", triage.merge, name="report_merge"),
    path("intake/<uuid:report_id>/close", triage.close, name="report_close"),
    path("intake/<uuid:report_id>/message", triage.ask, name="report_ask"),
    path("intake/<uuid:report_id>/files/<uuid:report_attachment_id>", triage.file, name="report_file"),
]
