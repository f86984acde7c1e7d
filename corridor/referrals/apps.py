from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "corridor.referrals"
    label = "referrals"
    verbose_name = "Referrals"

    def ready(self) -> None:
        # Registers the handlers of messages from peers (referral.offer, referral.update).
        from corridor.referrals import federated  # noqa: F401
