from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PersonalRecordRead(models.Model):
    """One time a member of staff opened a person's record, evidence, transcript or certificate."""

    class Kind(models.TextChoices):
        RECORD = "record", _("Registry record")
        HISTORY = "history", _("Record history")
        EVIDENCE = "evidence", _("Claim evidence")
        TRANSCRIPT = "transcript", _("Transcript")
        CERTIFICATE = "certificate", _("Certificate")

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("read by"),
    )
    health_worker = models.ForeignKey(
        "workforce.HealthWorker",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("person"),
    )
    person = models.CharField(_("person"), max_length=255)  # kept if the record is deleted
    kind = models.CharField(_("what was read"), max_length=16, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=255, blank=True)
    read_at = models.DateTimeField(_("read at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("read of a personal record")
        verbose_name_plural = _("reads of personal records")
        ordering = ["-read_at"]
        indexes = [models.Index(fields=["health_worker", "read_at"])]

    def __str__(self) -> str:
        return f"{self.reader} · {self.person} · {self.get_kind_display()}"
