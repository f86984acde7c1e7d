from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScreeningConfig(AppConfig):
    name = "corridor.screening"
    verbose_name = _("Screening")

    def ready(self) -> None:
        from corridor.screening import checks  # noqa: F401  (registers the instrument data check)
