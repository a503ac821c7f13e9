"""A workshop's certificates issued at once, in the background (the trainer's "Issue all")."""

from functools import partial

from django.db import transaction

from certificates import services
from certificates.models import Certificate
from certificates.selectors import course_facts
from core.bulk import column_update
from core.jobs import job_start
from courses.models import Completion, Workshop


def workshop_certificates_issue_start(*, workshop, user) -> str:
    """Start issuing a workshop's certificates in the background; returns the job to follow."""
    from certificates.tasks import workshop_certificates_issue_task  # tasks import this module

    return job_start(workshop_certificates_issue_task, args=[workshop.pk, user.pk])


# Certificates recorded per transaction by a bulk issue: one commit and one coverage refresh
# task for the lot, and a worker that dies loses at most this many to record again.
ISSUE_CHUNK = 25


def workshop_certificates_issue(*, workshop_id: int, progress=None) -> int:
    """Issue the certificates of every complete completion of a workshop; returns how many.

    In chunks: a chunk's certificates are recorded in one transaction, then their PDFs are drawn
    and stored and their holders told. Each completion is issued as `certificate_issue` does
    (locked, idempotent), so a run again after a worker died finds what was already issued.
    """
    completion_ids = list(
        Completion.objects.filter(workshop_id=workshop_id, is_complete=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    total = len(completion_ids)
    workshop = Workshop.objects.select_related("course").get(pk=workshop_id)
    shared = course_facts(course=workshop.course) if total else None
    done = 0
    for start in range(0, total, ISSUE_CHUNK):
        chunk = completion_ids[start : start + ISSUE_CHUNK]
        issued = services.certificates_record_many(completion_ids=chunk, shared=shared)
        new, drawn = [], []
        for certificate, created in issued:
            if certificate is None:
                continue
            if not certificate.pdf:
                same_look = certificate.template_id == getattr(shared.template, "pk", None)
                content = services.certificate_pdf_render(
                    certificate=certificate, renderer=shared.renderer if same_look else None
                )
                services.certificate_pdf_write(certificate=certificate, content=content)
                drawn.append(certificate)
            if created:
                new.append(certificate.pk)
        # The chunk's file names in one statement (a file stored but not yet named is drawn
        # and stored again, under the same name, by a run again after a worker died).
        column_update(Certificate, "pdf", {row.pk: row.pdf.name for row in drawn})
        if new:  # one task tells the chunk's holders, each in their own language
            from certificates.tasks import certificates_notify_task  # tasks import this module

            transaction.on_commit(partial(certificates_notify_task.delay, new))
        done += len(chunk)
        if progress is not None:
            progress(done=done, total=total)
    return total
