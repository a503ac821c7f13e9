"""DHIS2 connections, their course × cadre mapping, and every push sent to them (docs/interop.md).

Connections and mappings are configuration kept by national administrators; a push is history:
what was sent (the payload as sent), when, by whom, and DHIS2's import summary.
"""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Dhis2Connection", "Dhis2Mapping", "Dhis2Push"]

# DHIS2's identifiers: a letter then ten letters or digits (CodeGenerator in DHIS2's sources).
DHIS2_UID = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9]{10}$", _("A DHIS2 identifier is a letter and ten letters or digits.")
)


class IdScheme(models.TextChoices):
    UID = "UID", _("DHIS2 identifier (UID)")
    CODE = "CODE", _("code")


class Dhis2Connection(models.Model):
    """One DHIS2 instance the coverage figures are sent to."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    base_url = models.URLField(
        _("base URL"), help_text=_("The address of the DHIS2 instance, without /api.")
    )
    # The personal access token, encrypted (interop/dhis2/secrets.py); never shown after saving.
    token_encrypted = models.TextField(editable=False, blank=True)
    data_set = models.CharField(_("data set"), max_length=11, validators=[DHIS2_UID])
    id_scheme = models.CharField(
        _("identifier scheme"),
        max_length=4,
        choices=IdScheme.choices,
        default=IdScheme.CODE,
        help_text=_("How DHIS2 reads the data elements and category option combos."),
    )
    org_unit_id_scheme = models.CharField(
        _("organisation unit scheme"),
        max_length=4,
        choices=IdScheme.choices,
        default=IdScheme.CODE,
        help_text=_("How DHIS2 reads the facility codes sent as organisation units."),
    )
    governorate = models.ForeignKey(
        "workforce.Governorate",
        verbose_name=_("governorate"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Send only this governorate's facilities; empty: the whole country."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("DHIS2 connection")
        verbose_name_plural = _("DHIS2 connections")

    def __str__(self) -> str:
        return self.name

    @property
    def has_token(self) -> bool:
        return bool(self.token_encrypted)


class Dhis2Mapping(models.Model):
    """Which DHIS2 data element (and category option combo) counts a course's trained cadre."""

    connection = models.ForeignKey(
        Dhis2Connection,
        verbose_name=_("DHIS2 connection"),
        on_delete=models.CASCADE,
        related_name="mappings",
    )
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )
    cadre = models.ForeignKey(
        "workforce.Cadre", verbose_name=_("cadre"), on_delete=models.CASCADE, related_name="+"
    )
    data_element = models.CharField(_("data element"), max_length=50)
    category_option_combo = models.CharField(
        _("category option combo"),
        max_length=50,
        blank=True,
        help_text=_("Empty: DHIS2's default combination."),
    )

    class Meta:
        ordering = ["connection__name", "data_element", "category_option_combo"]
        verbose_name = _("DHIS2 mapping")
        verbose_name_plural = _("DHIS2 mappings")
        constraints = [
            models.UniqueConstraint(
                fields=["connection", "course", "cadre"], name="dhis2_mapping_one_per_pair"
            )
        ]

    def __str__(self) -> str:
        return f"{self.connection} · {self.data_element}"


class Dhis2Push(models.Model):
    """One send of a payload to a connection: a dry run, or the real import it confirms."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        DONE = "done", _("answered")
        FAILED = "failed", _("failed")

    # A connection that has sent something stays: what left the ministry, and when, is history.
    connection = models.ForeignKey(Dhis2Connection, on_delete=models.PROTECT, related_name="pushes")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    confirms = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="sends"
    )
    months = models.JSONField(default=list)  # ["2026-03", ...]
    dry_run = models.BooleanField(default=True)
    payload = models.JSONField(default=dict)  # the dataValueSet exactly as sent
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    import_status = models.CharField(max_length=10, blank=True)  # SUCCESS, WARNING, ERROR
    imported = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    ignored = models.PositiveIntegerField(default=0)
    deleted = models.PositiveIntegerField(default=0)
    conflicts = models.JSONField(default=list)
    # A message id (gettext_noop) and its parameters, translated when shown (core.task_language).
    error = models.CharField(max_length=200, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("DHIS2 push")
        verbose_name_plural = _("DHIS2 pushes")

    def __str__(self) -> str:
        return f"{self.connection} {', '.join(self.months)}"

    @property
    def value_count(self) -> int:
        return len(self.payload.get("dataValues", []))
