"""Trainers' phones enrolled for offline marking: each carries a bearer token we keep hashed."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeviceQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A user's own phones, and those of trainers inside a scope the user administers.

        Superusers and national administrators see every phone; another administrator sees a
        phone when one of its trainer's roles lies inside one of theirs
        (`workforce.authority.scope_within_own`, as one query). This is also who may revoke it.
        """
        from workforce.authority import assignments_within_own
        from workforce.models import manages_roles

        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if manages_roles(user):
            return self.all()
        covered = assignments_within_own(user).values("user_id")
        return self.filter(models.Q(user=user) | models.Q(user__in=covered))


class Device(models.Model):
    """A phone a trainer enrolled; its id is stamped on every record it sends."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="devices",
        verbose_name=_("trainer"),
    )
    name = models.CharField(_("name"), max_length=80)
    token_prefix = models.CharField(_("token prefix"), max_length=8)
    # The token itself is never stored: only its SHA-256, compared in constant time.
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = DeviceQuerySet.as_manager()

    class Meta:
        verbose_name = _("device")
        verbose_name_plural = _("devices")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.token_prefix}…)"

    @property
    def revoked_label(self) -> str:
        return _("revoked") if self.revoked_at else _("in use")


class DeviceEnrolment(models.Model):
    """A one-time enrolment code a signed-in trainer shows to a phone; it expires in minutes."""

    nonce = models.CharField(max_length=32, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    device = models.ForeignKey(Device, on_delete=models.SET_NULL, null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.user} · {self.created_at:%Y-%m-%d %H:%M}"
