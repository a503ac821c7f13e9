"""What `certificates` does when `courses` signals (connected in CertificatesConfig.ready)."""

from functools import partial

from django.db import transaction


def certificate_follow_completion(sender, completion, **kwargs) -> None:
    """Queue the issue or the withdrawal of a completion's certificate once the change commits."""
    from certificates.models import Certificate
    from certificates.tasks import certificate_issue_task, certificate_withdraw_task

    if completion.is_complete:
        task = certificate_issue_task
    elif completion.certificates.filter(status=Certificate.Status.VALID).exists():
        task = certificate_withdraw_task
    else:
        return
    transaction.on_commit(partial(task.delay, completion.pk))
