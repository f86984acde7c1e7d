from django.urls import path

from corridor.cases.views import cases, links, records

app_name = "cases"
urlpatterns = [
    path("", cases.case_list, name="list"),
    path("new", cases.case_open, name="open"),
    path("<uuid:case_id>/", cases.case_detail, name="detail"),
    path("<uuid:case_id>/edit", cases.case_edit, name="edit"),
    path("<uuid:case_id>/status", cases.case_status, name="status"),
    path("<uuid:case_id>/assign", cases.case_assign, name="assign"),
    path("<uuid:case_id>/people", links.case_person_add, name="case_person_add"),
    path("<uuid:case_id>/people/search", links.case_person_search, name="case_person_search"),
    path("<uuid:case_id>/parties", links.case_party_add, name="case_party_add"),
    path("<uuid:case_id>/violations", records.violation_add, name="violation_add"),
    path("<uuid:case_id>/violations/<uuid:violation_id>/remove", records.violation_remove, name="violation_remove"),
    path("<uuid:case_id>/events", records.event_add, name="event_add"),
    path("<uuid:case_id>/notes", records.note_add, name="note_add"),
    path("<uuid:case_id>/tasks", records.task_add, name="task_add"),
    path("<uuid:case_id>/tasks/<uuid:task_id>/done", records.task_complete, name="task_complete"),
    path("<uuid:case_id>/outcomes", records.outcome_add, name="outcome_add"),
    path("<uuid:case_id>/files", records.attachment_add, name="attachment_add"),
    path("<uuid:case_id>/files/<uuid:attachment_id>", records.attachment_download, name="attachment_download"),
]
