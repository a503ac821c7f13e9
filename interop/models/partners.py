"""Partner organisations' API keys: each key reads as a read-only auditor of one scope."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["PartnerKey", "PartnerKeyQuerySet"]


class PartnerKeyQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Keys whose scope lies inside one the user administers; every key for national ones.

        The key's scope is its service account's auditor assignment, so the rule is the one the
        administrators' phone list and role hand-outs use (`workforce.authority`).
        """
        from workforce.authority import assignments_within_own
        from workforce.models import Role, manages_roles

        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if manages_roles(user):
            return self.all()
        if not user.role_assignments.filter(role=Role.ADMINISTRATOR).exists():
            return self.none()
        covered = assignments_within_own(user).values("user_id")
        return self.filter(account__in=covered)


class PartnerKey(models.Model):
    """A partner organisation's key to the read API; only its SHA-256 and prefix are kept."""

    organisation = models.CharField(_("organisation"), max_length=200)
    # The key's identity: an account that cannot sign in, holding one auditor assignment (the
    # key's scope), so every `visible_to(user, roles=AUDITING_ROLES)` applies unchanged.
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="partner_key",
        verbose_name=_("service account"),
    )
    key_prefix = models.CharField(_("key prefix"), max_length=12)
    key_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("expires"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = PartnerKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner API key")
        verbose_name_plural = _("partner API keys")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.key_prefix}…)"

    @property
    def scope_label(self) -> str:
        assignment = self.account.role_assignments.first()
        return assignment.scope_label if assignment else ""

    @property
    def state_label(self) -> str:
        if self.revoked_at:
            return _("revoked")
        if self.expires_at <= timezone.now():
            return _("expired")
        return _("in use")
