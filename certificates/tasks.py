"""Celery entry points of certificates; each calls one service."""

from celery import shared_task

from django.urls import reverse

from certificates import bulk, reminders, services
from core.jobs import job_progress


@shared_task(text_for="recipient")  # the PDF speaks its template's languages
def certificate_issue_task(completion_id: int) -> int | None:
    """Issue (or find) the certificate of one completion."""
    certificate = services.certificate_issue(completion_id=completion_id)
    return certificate.pk if certificate else None


@shared_task(text_for="nobody")
def certificate_withdraw_task(completion_id: int) -> int:
    """Withdraw the valid certificate of a completion that is no longer complete."""
    return len(services.certificate_withdraw(completion_id=completion_id))


@shared_task(text_for="recipient")  # the holder's language
def certificate_notify_task(certificate_id: int) -> bool:
    """Tell the holder that their certificate is ready."""
    return services.certificate_notify(certificate_id=certificate_id)


@shared_task(text_for="recipient")  # each holder's language
def certificates_notify_task(certificate_ids: list[int]) -> int:
    """Tell the holders of several new certificates that they are ready; returns how many."""
    return services.certificates_notify(certificate_ids=certificate_ids)


@shared_task(text_for="recipient")  # each holder's language
def certificate_expiry_reminders_task() -> int:
    """Queue today's reminders to renew (certificates expiring in 60 and in 14 days)."""
    from django.utils import timezone

    return reminders.certificate_expiry_remind(on=timezone.localdate())


@shared_task(bind=True)
def workshop_certificates_issue_task(self, workshop_id: int, user_id: int | None = None) -> dict:
    """Issue the certificates of a whole workshop, reporting progress to the page."""
    url = reverse("certificates:workshop", args=[workshop_id])

    def progress(*, done: int, total: int) -> None:
        job_progress(done=done, total=total, user_id=user_id, url=url)

    total = bulk.workshop_certificates_issue(workshop_id=workshop_id, progress=progress)
    return {"done": total, "total": total, "user_id": user_id, "url": url}
