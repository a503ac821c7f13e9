"""Merged duplicate people: the merge record (with what it moved, for undo) and the aliases.

A merge keeps both rows. The merged record stays, marked `merged_into` the survivor, so every
row the merge could not move (a clash, see docs/programmes.md) keeps its owner and the undo has
a row to give back; lists, searches, pickers and coverage leave merged records out.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from workforce.models.people import HealthWorker
from workforce.scope import ScopedQuerySet


class HealthWorkerMergeQuerySet(ScopedQuerySet):
    scope_via = "survivor__facility"


class HealthWorkerMerge(models.Model):
    """Two records of one person made one: who, when, both rows before, and every row moved."""

    survivor = models.ForeignKey(
        HealthWorker, on_delete=models.PROTECT, related_name="merges_kept", verbose_name=_("kept")
    )
    merged = models.ForeignKey(
        HealthWorker,
        on_delete=models.PROTECT,
        related_name="merges_absorbed",
        verbose_name=_("merged"),
    )
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)
    # Both registry rows as they were (attribute name → JSON value) and each mover's changed rows.
    before = models.JSONField(default=dict)
    moves = models.JSONField(default=dict)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)

    objects = HealthWorkerMergeQuerySet.as_manager()

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = _("merge of duplicate records")
        verbose_name_plural = _("merges of duplicate records")

    def __str__(self) -> str:
        return f"{self.merged} → {self.survivor}"


class HealthWorkerAlias(models.Model):
    """An identifier or name of a merged record that still finds the person it was merged into."""

    class Kind(models.TextChoices):
        LICENCE = "licence_number", _("licence number")
        NATIONAL_ID = "national_id", _("national ID")
        PHONE = "phone", _("phone")
        NAME = "name", _("name")

    health_worker = models.ForeignKey(
        HealthWorker, on_delete=models.CASCADE, related_name="aliases"
    )
    merge = models.ForeignKey(HealthWorkerMerge, on_delete=models.CASCADE, related_name="aliases")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    value = models.CharField(_("value"), max_length=200)
    # What searches compare: an identifier in capitals, a phone's digits, a name's normalised key.
    key = models.CharField(max_length=200, db_index=True)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        indexes = [models.Index(fields=["kind", "key"])]

    def __str__(self) -> str:
        return self.value
