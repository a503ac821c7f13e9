"""Demo step for accounts: a health worker who logs in to their own record (see cme/demo.py)."""

from django.contrib.auth import get_user_model

from cme.accounts.models import AccountPreferences
from workforce.demo import DEMO_PASSWORD
from workforce.models import HealthWorker


def seed_worker_login(*, rng, report) -> None:
    """Link a Kirkuk health worker of the demo registry to the login `worker.kirkuk` (Arabic)."""
    user, _ = get_user_model().objects.get_or_create(username="worker.kirkuk")
    user.set_password(DEMO_PASSWORD)
    user.save()
    AccountPreferences.objects.update_or_create(user=user, defaults={"language": "ar"})
    worker = HealthWorker.objects.filter(user=user).first() or (
        HealthWorker.objects.filter(user__isnull=True, facility__governorate__code="KIR")
        .order_by("pk")
        .first()
    )
    if worker is None:
        return
    worker.user = user
    worker.save(update_fields=["user"])
    if all(username != "worker.kirkuk" for username, _ in report["logins"]):
        report["logins"].append(("worker.kirkuk", "health worker in Kirkuk, pages in Arabic"))
