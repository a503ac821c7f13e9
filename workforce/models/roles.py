from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from workforce.models.geography import Directorate, Facility, Governorate, Region


class Role(models.TextChoices):
    TRAINER = "trainer", _("Trainer")
    REVIEWER = "reviewer", _("Reviewer")
    AUDITOR = "auditor", _("Auditor")
    ADMINISTRATOR = "administrator", _("Administrator")


# Which roles may act on records of their scope for each kind of work (an administrator may
# stand in for any of them). Other apps name these, never the role strings.
TRAINING_ROLES = (Role.TRAINER, Role.ADMINISTRATOR)  # workshops, rosters, marks, certificates
REVIEWING_ROLES = (Role.REVIEWER, Role.ADMINISTRATOR)  # outside-activity claims
AUDITING_ROLES = (Role.AUDITOR, Role.ADMINISTRATOR)  # coverage, exports, reports
ADMINISTERING_ROLES = (Role.ADMINISTRATOR,)  # the registry itself


_SCOPE_MISSING = {
    "region": _("Choose the region this role covers."),
    "governorate": _("Choose the governorate this role covers."),
    "directorate": _("Choose the directorate this role covers."),
    "facility": _("Choose the facility this role covers."),
}


class ScopeLevel(models.TextChoices):
    NATIONAL = "national", _("National")
    REGION = "region", _("Region")
    GOVERNORATE = "governorate", _("Governorate")
    DIRECTORATE = "directorate", _("Directorate")
    FACILITY = "facility", _("Facility")


def manages_roles(user) -> bool:
    """Whether the user may see and hand out roles: superusers and national administrators.

    Granting a role hands out access to people's records, so only the ministry's national
    administrators (and superusers) see or manage assignments.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    national_admin = user.role_assignments.filter(
        role=Role.ADMINISTRATOR, level=ScopeLevel.NATIONAL
    )
    return user.is_superuser or national_admin.exists()


class RoleAssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Every assignment for those who manage roles; none for anyone else."""
        return self.all() if manages_roles(user) else self.none()


class RoleAssignment(models.Model):
    """A staff user's role over one scope. A user may hold several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="role_assignments",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    level = models.CharField(_("scope"), max_length=16, choices=ScopeLevel.choices)
    region = models.CharField(_("region"), max_length=8, choices=Region.choices, blank=True)
    governorate = models.ForeignKey(
        Governorate, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("governorate")
    )
    directorate = models.ForeignKey(
        Directorate, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("directorate")
    )
    facility = models.ForeignKey(
        Facility, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("facility")
    )

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.scope_label}"

    @property
    def scope_label(self) -> str:
        target = {
            ScopeLevel.REGION: self.get_region_display(),
            ScopeLevel.GOVERNORATE: self.governorate,
            ScopeLevel.DIRECTORATE: self.directorate,
            ScopeLevel.FACILITY: self.facility,
        }.get(self.level)
        return str(target) if target else str(self.get_level_display())

    def clean(self):
        needed = {
            ScopeLevel.REGION: "region",
            ScopeLevel.GOVERNORATE: "governorate",
            ScopeLevel.DIRECTORATE: "directorate",
            ScopeLevel.FACILITY: "facility",
        }.get(self.level)
        for field in ("region", "governorate", "directorate", "facility"):
            value = getattr(self, field if field == "region" else f"{field}_id")
            if field == needed and not value:
                raise ValidationError({field: _SCOPE_MISSING[field]})
            if field != needed and value:
                raise ValidationError({field: _("Leave this empty for a role of this scope.")})
