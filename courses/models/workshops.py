"""Workshops and what happens in them: sessions, enrolments, marks, scores and completions.

Over 300 lines because these models are one record family: a completion is computed from the
marks and scores of an enrolment in a workshop's sessions; their constraints refer to each other.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from workforce.models import TRAINING_ROLES
from workforce.scope import ScopedQuerySet

SCORE_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


class WorkshopStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    OPEN = "open", _("Open for enrolment")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class WorkshopQuerySet(ScopedQuerySet):
    scope_via = "venue"

    def visible_to(self, user, *, roles=None):
        """Workshops held in the user's scope, and those the user trains."""
        condition = self.scope_q(user, roles=roles)
        if user.is_authenticated:
            condition |= Q(
                pk__in=Workshop.trainers.through.objects.filter(user=user).values("workshop")
            )
        return self.filter(condition)

    def manageable_by(self, user):
        """Workshops the user may run: those they train, and those in their trainer scope."""
        return self.visible_to(user, roles=TRAINING_ROLES)


class Workshop(models.Model):
    """One delivery of a course at a venue, with one session per day."""

    Status = WorkshopStatus

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="workshops",
        verbose_name=_("course"),
    )
    venue = models.ForeignKey(
        "workforce.Facility",
        on_delete=models.PROTECT,
        related_name="workshops",
        verbose_name=_("venue"),
    )
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="courses.WorkshopTrainer",
        through_fields=("workshop", "user"),
        related_name="workshops_trained",
        blank=True,
        verbose_name=_("trainers"),
    )
    # Who runs it: printed with their logos on its certificates, and a coverage filter.
    lead_provider = models.ForeignKey(
        "workforce.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="workshops_led",
        verbose_name=_("lead provider"),
    )
    partners = models.ManyToManyField(
        "workforce.Provider",
        related_name="workshops_partnered",
        blank=True,
        verbose_name=_("partner providers"),
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=30)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ar"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=WorkshopStatus.choices, default=WorkshopStatus.PLANNED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="workshop_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course.title} · {self.venue} · {self.starts_on:%Y-%m-%d}"

    def providers(self) -> list:
        """The lead provider first, then the partners (each once)."""
        lead = [self.lead_provider] if self.lead_provider_id else []
        return lead + [p for p in self.partners.all() if p.pk != self.lead_provider_id]


class Session(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts at"), null=True, blank=True)
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    topic = models.CharField(_("topic"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "date"], name="one_session_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.workshop} · {self.date:%Y-%m-%d}"


class EnrolmentQuerySet(ScopedQuerySet):
    scope_via = "workshop__venue"


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Source(models.TextChoices):
        REGISTRY = "registry", _("From the registry")
        WALK_IN = "walk_in", _("Walk-in")
        IMPORT = "import", _("Imported sheet")
        SELF = "self", _("Self-registration")
        EXTERNAL = "external", _("External participant")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="enrolments")
    health_worker = models.ForeignKey(
        "workforce.HealthWorker", on_delete=models.PROTECT, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ENROLLED
    )
    source = models.CharField(
        _("added by"), max_length=10, choices=Source.choices, default=Source.REGISTRY
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "health_worker"], name="one_enrolment_per_worker"
            )
        ]

    def __str__(self) -> str:
        return f"{self.health_worker} · {self.workshop}"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    LATE = "late", _("Late")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class RecordMethod(models.TextChoices):
    ROSTER = "roster", _("Roster")
    QR = "qr", _("QR check-in")
    IMPORT = "import", _("Imported sheet")
    SYNC = "sync", _("Offline device")
    ADMIN = "admin", _("Administration")
    EVALUATION = "evaluate", _("Completion evaluation")
    OVERRIDE = "override", _("Trainer's override")
    SELF = "self", _("By the health worker")
    REVIEW = "review", _("Review")
    MERGE = "merge", _("Merging duplicate records")


class AttendanceMark(models.Model):
    """One person's attendance at one session; the client UUID makes each marking idempotent."""

    Status = AttendanceStatus

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="marks")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="marks")
    status = models.CharField(_("attendance"), max_length=8, choices=AttendanceStatus.choices)
    client_uuid = models.UUIDField(default=uuid.uuid4, unique=True)
    taken_at = models.DateTimeField(_("taken at"))
    # When the server received the marking: the order of corrections never trusts a device clock
    # that is ahead of the server's (see attendance_mark).
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_default=Now())
    method = models.CharField(_("how"), max_length=8, choices=RecordMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("attendance mark")
        verbose_name_plural = _("attendance marks")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_mark_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment.health_worker} · {self.session} · {self.status}"


class AssessmentScore(models.Model):
    class Kind(models.TextChoices):
        PRE = "pre", _("Pre-test")
        POST = "post", _("Post-test")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="scores")
    kind = models.CharField(_("test"), max_length=4, choices=Kind.choices)
    score = models.DecimalField(
        _("score (%)"), max_digits=5, decimal_places=1, validators=SCORE_VALIDATORS
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessment score")
        verbose_name_plural = _("assessment scores")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "kind"], name="one_score_per_test")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.kind} · {self.score}"


class CompletionQuerySet(ScopedQuerySet):
    scope_via = "health_worker__facility"


class Completion(models.Model):
    """The evaluated outcome of one enrolment; only a complete one earns hours and a certificate."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="completion")
    health_worker = models.ForeignKey(
        "workforce.HealthWorker", on_delete=models.PROTECT, related_name="completions"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="completions"
    )
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="completions")
    completed_on = models.DateField(_("completed on"))
    is_complete = models.BooleanField(_("completed"))
    attendance_percent = models.DecimalField(_("attendance (%)"), max_digits=5, decimal_places=1)
    post_score = models.DecimalField(
        _("post-test (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    cme_hours = models.DecimalField(_("CME hours"), max_digits=5, decimal_places=1)
    # The course's validity applied when evaluated (courses/validity.py); empty: never expires.
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    override_reason = models.TextField(_("reason for override"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evaluated_at = models.DateTimeField(auto_now=True)

    objects = CompletionQuerySet.as_manager()

    class Meta:
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        indexes = [
            models.Index(fields=["course", "is_complete", "completed_on"]),
            # Only completions that expire are indexed: coverage's "valid today" reads them alone.
            models.Index(
                fields=["course", "valid_until"],
                condition=Q(valid_until__isnull=False),
                name="completion_expiring",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.health_worker} · {self.course.title}"


class ExternalActivityQuerySet(CompletionQuerySet):
    def visible_to(self, user, *, roles=None):
        """Claims in the user's scope, and always the user's own."""
        own = Q(health_worker__user=user) if user.is_authenticated else Q(pk__in=[])
        return self.filter(self.scope_q(user, roles=roles) | own)


class ExternalActivity(models.Model):
    """CME done elsewhere, claimed by the health worker with evidence and reviewed in scope."""

    class Kind(models.TextChoices):
        COURSE = "course", _("Course")
        CONFERENCE = "conference", _("Conference")
        ONLINE = "online", _("Online course")

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    health_worker = models.ForeignKey(
        "workforce.HealthWorker", on_delete=models.CASCADE, related_name="external_activities"
    )
    title = models.CharField(_("title"), max_length=200)
    provider = models.CharField(_("provider"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    evidence = models.FileField(_("evidence"), storage=private_storage, upload_to="evidence/%Y/%m/")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    review_note = models.TextField(_("review note"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExternalActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("outside activity")
        verbose_name_plural = _("outside activities")

    def __str__(self) -> str:
        return f"{self.health_worker} · {self.title}"
