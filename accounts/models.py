from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountPreferences(models.Model):
    """How the site talks to a person: their language, and the channels their notices take.

    Kept apart from the registry because staff have accounts but no health-worker record.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="preferences",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, blank=True
    )
    # Reminders and notices (courses/notices): each channel can be turned off; an opted-out
    # notice is still recorded, as skipped, so staff see why the person was not told.
    notices_by_email = models.BooleanField(_("notices by email"), default=True)
    notices_by_sms = models.BooleanField(_("notices by text message"), default=True)

    class Meta:
        verbose_name = _("account preferences")
        verbose_name_plural = _("account preferences")

    def __str__(self) -> str:
        return str(self.user)


class RecordClaim(models.Model):
    """Someone's request to link their new account to an existing registry record.

    Nothing on the record changes until the claim is confirmed, by the one-time code sent to the
    contact already on the record or by an administrator whose scope holds the worker. The code
    is kept only as a salted hash.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        CONFIRMED = "confirmed", _("Confirmed with the code")
        APPROVED = "approved", _("Approved by an administrator")
        REJECTED = "rejected", _("Rejected by an administrator")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="record_claims",
        verbose_name=_("account"),
    )
    health_worker = models.ForeignKey(
        "workforce.HealthWorker",
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("health worker"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    code_hash = models.CharField(max_length=128, blank=True)
    code_expires_at = models.DateTimeField(null=True, blank=True)
    code_attempts = models.PositiveSmallIntegerField(default=0)
    # What the claimant typed at registration; copied to the record only once the claim holds.
    email = models.EmailField(_("email given"), blank=True)
    phone = models.CharField(_("phone given"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registry record claim")
        verbose_name_plural = _("registry record claims")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_claim_per_account",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.health_worker}"
