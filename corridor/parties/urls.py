from django.urls import path

from corridor.parties import views

app_name = "parties"
urlpatterns = [
    path("", views.party_list, name="list"),
    path("employers", views.employer_add, name="employer_add"),
    path("workplaces", views.workplace_add, name="workplace_add"),
    path("recruiters", views.recruiter_add, name="recruiter_add"),
]
