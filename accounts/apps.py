from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    label = "accounts"
    verbose_name = _("Accounts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from accounts.merging import record_claims_move
        from accounts.middleware import session_stamp
        from workforce.merging.movers import Mover, merge_mover_register

        merge_mover_register(Mover(name="accounts", move=record_claims_move))

        user_logged_in.connect(session_stamp, dispatch_uid="cme-accounts-session-stamp")
