"""Records around the tracking itself: the change history, QR walk-in requests, imported sheets."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from courses.models.workshops import RecordMethod
from workforce.scope import ScopedQuerySet


class RecordChangeQuerySet(ScopedQuerySet):
    scope_via = "health_worker__facility"

    def visible_to(self, user, *, roles=None):
        """Changes in the user's scope, and always those of the user's own records."""
        own = Q(health_worker__user=user) if user.is_authenticated else Q(pk__in=[])
        return self.filter(self.scope_q(user, roles=roles) | own)


class RecordChange(models.Model):
    """One create, change or delete of a tracked record: who, when, before, after and how."""

    class Kind(models.TextChoices):
        ENROLMENT = "enrolment", _("Enrolment")
        ATTENDANCE = "attendance", _("Attendance")
        SCORE = "score", _("Score")
        COMPLETION = "completion", _("Completion")
        CLAIM = "claim", _("Outside activity")

    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        CHANGED = "changed", _("Changed")
        DELETED = "deleted", _("Deleted")

    kind = models.CharField(_("record"), max_length=12, choices=Kind.choices)
    record_id = models.PositiveBigIntegerField()
    action = models.CharField(_("action"), max_length=8, choices=Action.choices)
    method = models.CharField(_("how"), max_length=10, choices=RecordMethod.choices)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    workshop = models.ForeignKey(
        "courses.Workshop", on_delete=models.CASCADE, null=True, blank=True, related_name="history"
    )
    health_worker = models.ForeignKey(
        "workforce.HealthWorker",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="record_changes",
    )
    client_uuid = models.UUIDField(null=True, blank=True, db_index=True)
    # The enrolled phone (field.Device) that sent the record; an id, as courses sits below field.
    device_id = models.UUIDField(null=True, blank=True)

    objects = RecordChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("record change")
        verbose_name_plural = _("record changes")

    def __str__(self) -> str:
        return f"{self.kind} {self.record_id} {self.action}"


class WalkInRequest(models.Model):
    """Someone not on the roster who checked in by QR; the trainer accepts or rejects them."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the trainer")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    session = models.ForeignKey(
        "courses.Session", on_delete=models.CASCADE, related_name="walk_in_requests"
    )
    health_worker = models.ForeignKey(
        "workforce.HealthWorker", on_delete=models.CASCADE, related_name="walk_in_requests"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("walk-in request")
        verbose_name_plural = _("walk-in requests")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "health_worker"], name="one_walk_in_request_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.health_worker} · {self.session}"


class AttendanceImport(models.Model):
    """An uploaded sign-in sheet and what importing it did (or every reason it did nothing)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Rejected, nothing imported")
        HELD = "held", _("Waiting: more people than the workshop holds")

    workshop = models.ForeignKey(
        "courses.Workshop", on_delete=models.CASCADE, related_name="imports"
    )
    file = models.FileField(storage=private_storage, upload_to="imports/%Y/%m/")
    original_name = models.CharField(max_length=255)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    rows = models.PositiveIntegerField(default=0)
    marks_created = models.PositiveIntegerField(default=0)
    marks_changed = models.PositiveIntegerField(default=0)
    scores_saved = models.PositiveIntegerField(default=0)
    enrolments_created = models.PositiveIntegerField(default=0)
    # A held import: how many people it would add to the roster, and whether the trainer chose to
    # enrol them beyond the workshop's capacity.
    people_to_enrol = models.PositiveIntegerField(default=0)
    beyond_capacity = models.BooleanField(default=False)
    errors = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("attendance import")
        verbose_name_plural = _("attendance imports")

    def __str__(self) -> str:
        return self.original_name


class JoinRequest(models.Model):
    """A health worker asks to join a planned or open workshop; a trainer in scope decides."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the trainer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    workshop = models.ForeignKey(
        "courses.Workshop", on_delete=models.CASCADE, related_name="join_requests"
    )
    health_worker = models.ForeignKey(
        "workforce.HealthWorker", on_delete=models.CASCADE, related_name="join_requests"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "health_worker"], name="one_join_request_per_workshop"
            )
        ]

    def __str__(self) -> str:
        return f"{self.health_worker} · {self.workshop}"


class PendingWalkIn(models.Model):
    """Someone a trainer added on a phone offline; they join the roster once the trainer accepts."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for the trainer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    client_uuid = models.UUIDField(unique=True)
    workshop = models.ForeignKey(
        "courses.Workshop", on_delete=models.CASCADE, related_name="pending_walk_ins"
    )
    name_ar = models.CharField(_("name in Arabic script"), max_length=200, blank=True)
    name_latin = models.CharField(_("name in Latin script"), max_length=200, blank=True)
    cadre = models.ForeignKey(
        "workforce.Cadre", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    facility = models.ForeignKey(
        "workforce.Facility", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    device_id = models.UUIDField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    received_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    enrolment = models.ForeignKey(
        "courses.Enrolment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("walk-in from a phone")
        verbose_name_plural = _("walk-ins from phones")

    def __str__(self) -> str:
        return self.name_latin or self.name_ar
