from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from workforce.scope import ScopedQuerySet


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class CertificateQuerySet(ScopedQuerySet):
    scope_via = "completion__health_worker__facility"

    def visible_to(self, user, *, roles=None):
        """Certificates of workers in the user's scope, and always the user's own."""
        own = Q(completion__health_worker__user=user) if user.is_authenticated else Q(pk__in=[])
        return self.filter(self.scope_q(user, roles=roles) | own)


class Certificate(models.Model):
    """Proof of one completion, with the facts as they stood when it was issued."""

    Status = CertificateStatus

    completion = models.ForeignKey(
        "courses.Completion", on_delete=models.PROTECT, related_name="certificates"
    )
    serial = models.CharField(_("serial number"), max_length=32, unique=True)
    verification_code = models.CharField(_("verification code"), max_length=32, unique=True)
    holder_name_ar = models.CharField(_("holder (Arabic script)"), max_length=200, blank=True)
    holder_name_latin = models.CharField(_("holder (Latin script)"), max_length=200, blank=True)
    course_title_en = models.CharField(_("course (English)"), max_length=255)
    course_title_ar = models.CharField(_("course (Arabic)"), max_length=255, blank=True)
    course_title_ckb = models.CharField(_("course (Kurdish)"), max_length=255, blank=True)
    course_code = models.CharField(_("course code"), max_length=32, blank=True)
    template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("template"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="certificates",
    )
    cme_hours = models.DecimalField(_("CME hours"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("completed on"))
    # Copied from the completion when issued: a later change of the course's validity does not
    # rewrite an issued certificate; a re-issue applies it. Empty: it never expires.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
    )
    status_reason = models.TextField(_("reason"), blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="supersedes"
    )
    signature = models.TextField(_("signature"), blank=True)
    # Who ran the workshop when the certificate was issued (certificates.provider_marks): each
    # provider's names in three languages and its logo's file name, the lead first.
    providers = models.JSONField(_("providers"), default=list, blank=True, editable=False)
    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to="certificates/%Y/", blank=True
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["completion"],
                condition=Q(status="valid"),
                name="one_valid_certificate_per_completion",
            )
        ]

    def __str__(self) -> str:
        return self.serial

    def expired_on(self, day) -> bool:
        """Whether a valid certificate's validity had ended by `day` (genuine, but expired)."""
        return self.status == CertificateStatus.VALID and bool(
            self.valid_until and self.valid_until < day
        )
