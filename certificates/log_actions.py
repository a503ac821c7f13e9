"""What certificates write to Wagtail's log, with the labels the site history shows."""

from django.utils.translation import gettext_lazy as _

ACTIONS = (
    ("cme.certificate.revoke", _("Revoke certificate"), _("Certificate revoked")),
    ("cme.certificate.reissue", _("Re-issue certificate"), _("Certificate re-issued")),
    ("cme.certificate.withdraw", _("Withdraw certificate"), _("Certificate withdrawn")),
)


def register(actions) -> None:
    """Register the certificates' log actions (the `register_log_actions` hook)."""
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)
