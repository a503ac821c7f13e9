"""What `certificates` shows of a record when two are merged (a merge mover with counts only).

Certificates are not moved: each belongs to its completion, which `courses` moves. An issued
certificate is never rewritten (its holder names are signed facts), so it keeps verifying and, by
its completion, belongs to the survivor.
"""

from django.utils.translation import gettext_lazy as _

from certificates.models import Certificate


def certificates_count(worker) -> list[tuple[str, int]]:
    """The record's valid certificates, for the side-by-side view of two records."""
    valid = Certificate.objects.filter(
        completion__health_worker=worker, status=Certificate.Status.VALID
    )
    return [(_("Certificates"), valid.count())]
