"""Reminders and notices to people: one record per message, whatever became of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workforce.scope import ScopedQuerySet


class NoticeQuerySet(ScopedQuerySet):
    scope_via = "health_worker__facility"


class Notice(models.Model):
    """One message to one person on one channel, kept with what became of it.

    `dedupe_key` names the event (`session-tomorrow:<session>:<person>`); with the channel it is
    unique, so a beat that runs twice, or a service called again, never sends a second message.
    The subject and text are written once, in the person's language, when the notice is queued.
    """

    class Kind(models.TextChoices):
        WORKSHOP_SCHEDULED = "workshop_scheduled", _("Workshop scheduled")
        SESSION_TOMORROW = "session_tomorrow", _("Session tomorrow")
        CERTIFICATE_READY = "certificate_ready", _("Certificate ready")
        CLAIM_DECIDED = "claim_decided", _("Claim decided")
        CYCLE_SHORT = "cycle_short", _("CME cycle ending short of hours")
        CERTIFICATE_EXPIRING = "certificate_expiring", _("Certificate expiring")

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        SMS = "sms", _("Text message")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        OPTED_OUT = "opted_out", _("Skipped: opted out")
        RATE_LIMITED = "rate_limited", _("Skipped: too many messages to this number")
        NO_ADDRESS = "no_address", _("Skipped: no address")

    health_worker = models.ForeignKey(
        "workforce.HealthWorker",
        on_delete=models.CASCADE,
        related_name="notices",
        verbose_name=_("person"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    address = models.CharField(_("sent to"), max_length=254, blank=True)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=14, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)
    dedupe_key = models.CharField(max_length=120)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [
            models.UniqueConstraint(fields=["dedupe_key", "channel"], name="one_notice_per_event")
        ]
        indexes = [models.Index(fields=["kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.health_worker}"
