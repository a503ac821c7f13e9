"""The trained and activity cells again, one set per training provider, for the provider filter.

A completion belongs to every provider of its workshop (the lead and each partner). A worker
counts once per provider and course in a period, as in `TrainedCell` (coverage/models/cells.py):
`previous_month` is their previous completion of the course in a workshop of the same provider.
The denominator stays the registry's `HeadcountCell`: "coverage by WHO" is the share of the
workforce trained in workshops WHO ran or partnered.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coverage.models.cells import PlaceCell


def _provider():
    return models.ForeignKey(
        "workforce.Provider",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )


def _course():
    return models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )


class ProviderTrainedCell(PlaceCell):
    """Distinct workers of one facility and cadre who completed one course with one provider."""

    provider = _provider()
    course = _course()
    month = models.DateField(_("month"))
    previous_month = models.DateField(null=True, blank=True)
    workers = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("coverage cell of a provider")
        indexes = [models.Index(fields=["provider", "month"], name="provider_trained_month")]


class ProviderActivityCell(PlaceCell):
    """Certificates and test sums of one facility, cadre, course, month and provider."""

    provider = _provider()
    course = _course()
    month = models.DateField(_("month"))
    certificates = models.PositiveIntegerField(default=0)
    pre_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    pre_count = models.PositiveIntegerField(default=0)
    post_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    post_count = models.PositiveIntegerField(default=0)
    tested_count = models.PositiveIntegerField(default=0)
    paired_count = models.PositiveIntegerField(default=0)
    paired_gain_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("activity cell of a provider")
        indexes = [models.Index(fields=["provider", "month"], name="provider_activity_month")]
