from django.urls import path

app_name = "parties"
urlpatterns: list = []
