"""Demo step for accounts: the demo health worker reads the site in Arabic (see cme/demo.py)."""

from django.contrib.auth import get_user_model

from cme.accounts.models import AccountPreferences


def seed_preferred_languages(*, rng, report) -> None:
    """`worker.kirkuk` (made by the workforce step) prefers Arabic: logging in opens /ar/."""
    user = get_user_model().objects.filter(username="worker.kirkuk").first()
    if user is not None:
        AccountPreferences.objects.update_or_create(user=user, defaults={"language": "ar"})
