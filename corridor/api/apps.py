from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "corridor.api"
    label = "api"
