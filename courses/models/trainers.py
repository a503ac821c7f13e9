"""Who trains a workshop and who may lead one: trainer roles, qualified trainers and waivers.

The ministry's rule for cascades (docs/programmes.md): a course may name a trainer course
("OXY-TOT qualifies trainers of OXY-101"); completing the trainer course makes the person a
qualified trainer of the course, and only a qualified trainer, current on the workshop's first
day, leads its workshops, unless an administrator in scope records a waiver with its reason.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workforce.scope import ScopedQuerySet


class TrainerRole(models.TextChoices):
    LEAD = "lead", _("Lead trainer")
    CO_TRAINER = "co_trainer", _("Co-trainer")
    FACILITATOR = "facilitator", _("Facilitator")


class WorkshopTrainer(models.Model):
    """One trainer of a workshop and their role; every role marks attendance and enters scores."""

    Role = TrainerRole

    workshop = models.ForeignKey(
        "courses.Workshop", on_delete=models.CASCADE, related_name="trainer_roles"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer_roles"
    )
    # A plain `workshop.trainers.add(user)` makes a co-trainer: only the scheduling service (and
    # the migration of the trainers from before roles) names the lead.
    role = models.CharField(
        _("role"), max_length=12, choices=TrainerRole.choices, default=TrainerRole.CO_TRAINER
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        # The table of the plain many-to-many it replaced, so no row was copied.
        db_table = "courses_workshop_trainers"
        verbose_name = _("workshop trainer")
        verbose_name_plural = _("workshop trainers")
        unique_together = [("workshop", "user")]
        constraints = [
            models.UniqueConstraint(
                fields=["workshop"], condition=Q(role="lead"), name="one_lead_trainer_per_workshop"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()}"


class QualifiedTrainerQuerySet(ScopedQuerySet):
    scope_via = "health_worker__facility"

    def current_on(self, day):
        """Qualifications that hold on `day`: obtained by then and not yet expired."""
        return self.filter(
            Q(qualified_on__lte=day), Q(valid_until__isnull=True) | Q(valid_until__gte=day)
        )


class QualifiedTrainer(models.Model):
    """A health worker qualified to lead a course's workshops, from a trainer-course completion."""

    health_worker = models.ForeignKey(
        "workforce.HealthWorker",
        on_delete=models.PROTECT,
        related_name="trainer_qualifications",
        verbose_name=_("health worker"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="qualified_trainers",
        verbose_name=_("qualified to lead"),
    )
    completion = models.OneToOneField(
        "courses.Completion",
        on_delete=models.CASCADE,
        related_name="trainer_qualification",
        verbose_name=_("from the completion"),
    )
    qualified_on = models.DateField(_("qualified on"))
    # The last day the qualification holds; none when the trainer course sets no validity.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    objects = QualifiedTrainerQuerySet.as_manager()

    class Meta:
        ordering = ["-qualified_on"]
        verbose_name = _("qualified trainer")
        verbose_name_plural = _("qualified trainers")

    def __str__(self) -> str:
        return f"{self.health_worker} · {self.course.code}"


class LeadTrainerWaiver(models.Model):
    """An administrator's recorded leave for an unqualified trainer to lead one workshop."""

    workshop = models.ForeignKey(
        "courses.Workshop", on_delete=models.CASCADE, related_name="lead_waivers"
    )
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="lead_waivers",
        verbose_name=_("trainer"),
    )
    reason = models.TextField(_("reason for the waiver"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("granted by"),
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        ordering = ["-granted_at"]
        verbose_name = _("lead trainer waiver")
        verbose_name_plural = _("lead trainer waivers")
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="lead_waiver_has_a_reason")
        ]

    def __str__(self) -> str:
        return f"{self.trainer} · {self.workshop}"
