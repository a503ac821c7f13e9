from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from workforce.models.geography import Facility
from workforce.models.translated import TranslatedNameMixin
from workforce.names import name_normalise
from workforce.scope import NOTHING, ScopedQuerySet
from workforce.signals import health_worker_moved
from workforce.skeleton import name_skeleton


class Cadre(TranslatedNameMixin):
    """A professional group, with the CME hours it must earn in each cycle of `cycle_years`."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    cme_hours_per_cycle = models.PositiveIntegerField(_("CME hours per cycle"), default=0)
    cycle_years = models.PositiveSmallIntegerField(_("cycle length (years)"), default=1)
    cycles_from_licence = models.BooleanField(
        _("cycles from each person's licence date"),
        default=False,
        help_text=_("Otherwise every person's cycles are the same calendar years."),
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("cadre")
        verbose_name_plural = _("cadres")


class Sex(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


def workforce_q(path: str = "") -> Q:
    """Rows of the health workforce, through `path` to the person (`"completion__health_worker__"`).

    External participants (another ministry, a company: `HealthWorker.is_external`) attend
    workshops and hold certificates, but are not the health workforce: coverage never counts
    them, and nothing that reports the workforce to partners lists them (docs/programmes.md).
    """
    return Q(**{f"{path}is_external": False})


class HealthWorkerQuerySet(ScopedQuerySet):
    scope_via = "facility"

    def workforce(self):
        """Without external participants (`workforce_q`)."""
        return self.filter(workforce_q())

    def visible_to(self, user, *, roles=None):
        """Workers in the user's scope, and always the user's own record; never a merged one."""
        own = Q(user=user) if user.is_authenticated and roles is None else NOTHING
        return self.filter(self.scope_q(user, roles=roles) | own, merged_into__isnull=True)


class HealthWorker(models.Model):
    """A person in the registry. Walk-ins may have no user account yet."""

    name_ar = models.CharField(_("full name (Arabic script)"), max_length=200, blank=True)
    name_latin = models.CharField(_("full name (Latin script)"), max_length=200, blank=True)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    name_latin_key = models.CharField(max_length=200, editable=False, db_index=True)
    # The vowel-insensitive key of the Arabic-script name (see workforce.skeleton).
    name_skeleton = models.CharField(max_length=200, editable=False, db_index=True, default="")
    licence_number = models.CharField(
        _("licence number"), max_length=40, null=True, blank=True, unique=True
    )
    national_id = models.CharField(
        _("national ID"), max_length=40, null=True, blank=True, unique=True
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    cadre = models.ForeignKey(
        Cadre, on_delete=models.PROTECT, related_name="health_workers", verbose_name=_("cadre")
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.PROTECT,
        related_name="health_workers",
        verbose_name=_("facility"),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    email = models.EmailField(_("email"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="health_worker",
        verbose_name=_("user account"),
    )
    # Coverage denominators count active, verified workers (docs/programmes.md). A worker who left
    # keeps their record and their completions; `left_on` says from when they stop counting.
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Cleared when a leaving date is entered.")
    )
    left_on = models.DateField(_("leaving date"), null=True, blank=True)
    licensed_on = models.DateField(_("licence date"), null=True, blank=True)
    leaving_reason = models.CharField(_("reason for leaving"), max_length=200, blank=True)
    # Self-registrations and walk-ins start unverified; an administrator in scope verifies them.
    is_verified = models.BooleanField(
        _("verified"),
        default=True,
        help_text=_("An administrator has checked this person against the registry."),
    )
    # An external participant (another ministry, a company) attends workshops and gets
    # certificates but is not a health worker of the registry: never counted in coverage. Their
    # facility is the venue where they were first trained, so the trainers there keep them in scope.
    is_external = models.BooleanField(
        _("external participant"),
        default=False,
        help_text=_("Not a health worker of the registry: never counted in coverage."),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_provider = models.ForeignKey(
        "workforce.Provider",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="external_participants",
        verbose_name=_("organisation (a training provider)"),
    )
    # Set when this record was merged into another of the same person (workforce.merging).
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="absorbed",
        verbose_name=_("merged into"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = HealthWorkerQuerySet.as_manager()

    class Meta:
        ordering = ["name_latin", "name_ar"]
        verbose_name = _("health worker")
        verbose_name_plural = _("health workers")
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_ar="", name_latin=""), name="health_worker_has_a_name"
            ),
            models.CheckConstraint(
                condition=Q(is_active=True, left_on__isnull=True)
                | Q(is_active=False, left_on__isnull=False),
                name="health_worker_left_with_a_date",
                violation_error_message=_(
                    "A person who has left needs the date they left; an active person has no "
                    "leaving date."
                ),
            ),
            models.CheckConstraint(
                condition=Q(is_external=False)
                | ~Q(organisation="")
                | Q(organisation_provider__isnull=False),
                name="external_participant_has_an_organisation",
                violation_error_message=_("Give the external participant's organisation."),
            ),
        ]
        indexes = [
            models.Index(fields=["facility", "cadre"]),
            # The default ordering of every list and export of 250,000 people.
            models.Index(fields=["name_latin", "name_ar"], name="health_worker_name_order"),
        ]

    def __str__(self) -> str:
        return self.name_latin or self.name_ar

    def save(self, *args, **kwargs):
        # The comparison keys are derived data; keeping them here means no writer can forget them.
        self.name_key = name_normalise(self.name_ar)
        self.name_latin_key = name_normalise(self.name_latin)
        self.name_skeleton = name_skeleton(self.name_ar)
        super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        before = getattr(self, "_stored_facility_id", None)
        if fields is not None and "facility" not in fields and "facility_id" not in fields:
            return
        self._stored_facility_id = self.facility_id
        if before is not None and before != self.facility_id:
            health_worker_moved.send(
                sender=HealthWorker, worker=self, facility_ids={before, self.facility_id}
            )

    @classmethod
    def from_db(cls, db, field_names, values):
        worker = super().from_db(db, field_names, values)
        # The facility as stored, to tell a move when the record is saved (not when deferred).
        worker._stored_facility_id = worker.__dict__.get("facility_id")
        return worker

    @property
    def organisation_name(self) -> str:
        """An external participant's organisation, named in the reader's language."""
        if self.organisation_provider_id:
            return self.organisation_provider.name
        return self.organisation
