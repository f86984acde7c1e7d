from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "corridor.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from corridor.core import pdf  # noqa: F401  (registers the printing check)
