"""The log of staff reading people's records, readable by national administrators only.

Licence records, evidence and certificates are personal: every time a member of staff (not the
person themself) opens one, the view that shows it calls `personal_record_read`. The log is
read in the admin's "Reads of personal records" report.
"""

from workforce.models import HealthWorker, PersonalRecordRead, manages_roles

Kind = PersonalRecordRead.Kind


def personal_record_read(
    *, reader, health_worker: HealthWorker, kind: str, detail: str = ""
) -> PersonalRecordRead | None:
    """Note that `reader` opened `health_worker`'s record; reading one's own is not noted."""
    if not getattr(reader, "is_authenticated", False) or health_worker.user_id == reader.pk:
        return None
    return PersonalRecordRead.objects.create(
        reader=reader,
        health_worker=health_worker,
        person=str(health_worker)[:255],
        kind=kind,
        detail=str(detail)[:255],
    )


def personal_record_reads_visible_to(user):
    """The whole log for national administrators and superusers; nothing for anyone else."""
    if manages_roles(user):
        return PersonalRecordRead.objects.select_related("reader", "health_worker")
    return PersonalRecordRead.objects.none()
