"""The pre-aggregated tables behind the coverage figures (derived data, rebuilt at will).

"Workers trained" counts distinct health workers, and a worker who completes a course in two months
must count once over a period covering both. Each `TrainedCell` row therefore carries the month of
the group's completions and the month of each worker's previous completion of the same course: a
worker counts in a period [start, end] exactly once, in the first month of the period in which they
completed, which is the one row with `start <= month <= end` and `previous_month < start` (or none).
Summing those rows is exact across facilities and cadres too, because a worker has one facility and
one cadre. Across courses it is not, so the figures are always per course.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workforce.scope import ScopedQuerySet


class CellQuerySet(ScopedQuerySet):
    # A cell carries its own place columns (a governorate's cell has no facility), so no single
    # facility path reaches it.
    scope_paths = {
        "region": "governorate__region",
        "governorate": "governorate",
        "directorate": "directorate",
        "facility": "facility",
    }


class PlaceCell(models.Model):
    # Derived data, rebuilt from the records: no database foreign keys, whose per-row checks at
    # commit made a national rebuild minutes slower. Django still cascades deletes of the places.
    facility = models.ForeignKey(
        "workforce.Facility",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    directorate = models.ForeignKey(
        "workforce.Directorate",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    governorate = models.ForeignKey(
        "workforce.Governorate",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    cadre = models.ForeignKey(
        "workforce.Cadre",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )

    objects = CellQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"


class TrainedCell(PlaceCell):
    """Distinct workers of one facility and cadre who completed one course in one month."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    month = models.DateField(_("month"))
    previous_month = models.DateField(null=True, blank=True)
    workers = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("coverage cell")
        indexes = [
            models.Index(
                fields=["month", "governorate", "course"],
                include=["previous_month", "cadre", "workers", "completions"],
                name="trained_month_gov",
            ),
            models.Index(fields=["directorate", "month"], name="trained_dir_month"),
            models.Index(fields=["facility", "course"], name="trained_facility_course"),
            models.Index(
                fields=["course", "month"],
                include=["previous_month", "governorate", "directorate", "cadre", "workers"],
                name="trained_course_month_cover",
            ),
        ]


class ActivityCell(PlaceCell):
    """Certificates issued and pre/post-test sums of one facility, cadre, course and month."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    month = models.DateField(_("month"))
    certificates = models.PositiveIntegerField(default=0)
    pre_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    pre_count = models.PositiveIntegerField(default=0)
    post_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)
    post_count = models.PositiveIntegerField(default=0)
    # Participants with at least one test, those with both, and the sum of their own post - pre.
    tested_count = models.PositiveIntegerField(default=0)
    paired_count = models.PositiveIntegerField(default=0)
    paired_gain_sum = models.DecimalField(max_digits=14, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("activity cell")
        indexes = [
            models.Index(fields=["month", "governorate", "course"], name="activity_month_gov"),
            models.Index(fields=["directorate", "month"], name="activity_dir_month"),
            models.Index(fields=["facility", "course"], name="activity_facility_course"),
            models.Index(
                fields=["course", "month"],
                include=["governorate", "directorate", "cadre", "certificates"],
                name="activity_course_month",
            ),
        ]


class HeadcountCell(PlaceCell):
    """Verified health workers at one facility in one cadre: the coverage denominator.

    Workers who left are kept apart by the month they left (`left_month`, empty while active): a
    period counts them while it starts no later than that month.
    """

    left_month = models.DateField(null=True, blank=True)
    workers = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("head count")
        indexes = [
            models.Index(fields=["governorate", "cadre"], name="headcount_gov_cadre"),
            models.Index(fields=["directorate"], name="headcount_dir"),
            models.Index(fields=["facility"], name="headcount_facility"),
        ]


class PendingRefresh(models.Model):
    """A facility and course whose cells wait for a refresh, noted once its change committed.

    Every refresh task recomputes all the pairs waiting when it starts, so the hundreds of
    transactions of a bulk issue or an import, each queueing a task, get their places recomputed
    once or twice instead of once each; the tasks that find nothing left return at once. A pair may
    be noted several times; a refresh takes every note it read.
    """

    facility_id = models.BigIntegerField()
    course_id = models.BigIntegerField()

    class Meta:
        verbose_name = _("coverage refresh waiting")

    def __str__(self) -> str:
        return f"facility {self.facility_id}, course {self.course_id}"
