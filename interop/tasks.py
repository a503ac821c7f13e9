"""Celery entry points of interop; each calls one service."""

from celery import shared_task

from django.utils.translation import gettext_noop

from core.jobs import job_progress
from interop import services
from interop.models import Dhis2Push

MAX_RETRIES = 6  # 30 s, 60 s, 2 min, 4 min, 8 min, 15 min: DHIS2 restarts take minutes


@shared_task(
    bind=True,
    autoretry_for=(OSError,),  # client.Dhis2Unavailable: network errors and 5xx answers
    retry_backoff=30,
    retry_backoff_max=900,
    max_retries=MAX_RETRIES,
)
def dhis2_push_send_task(self, *, push_id: int) -> str:
    """Send one DHIS2 push (dry run or import), retrying while DHIS2 is out of reach."""
    push = Dhis2Push.objects.select_related("connection").get(pk=push_id)
    job_progress(done=0, total=1, user_id=push.requested_by_id)
    try:
        return services.dhis2_push_send(push=push)
    except OSError:
        if self.request.retries >= MAX_RETRIES:
            return services.dhis2_push_fail(
                push=push,
                error=gettext_noop(
                    "DHIS2 could not be reached after %(attempts)s attempts. Try again later."
                ),
                params={"attempts": push.attempts},
            )
        raise
