import datetime

from django.utils import timezone

from interop.partners.services import partner_key_create


def partner_key(*, organisation="UNICEF Iraq", level="national", days=30, actor=None, **scope):
    """A partner key issued as the admin issues it; returns the key and its secret."""
    return partner_key_create(
        actor=actor,
        organisation=organisation,
        expires_at=timezone.now() + datetime.timedelta(days=days),
        level=level,
        **scope,
    )
