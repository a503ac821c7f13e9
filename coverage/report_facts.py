"""What the monthly coverage report shows, read in one place before anything is drawn."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from coverage import selectors
from coverage.selectors import CoverageQuery, CoverageTable, Figures, Row
from workforce.models import Governorate

TOP_COURSES = 10


@dataclass(frozen=True)
class MapPlace:
    """A governorate on the report's map: outside the reader's scope when `figures` is None."""

    code: str
    name: str
    figures: Figures | None


@dataclass(frozen=True)
class ReportFacts:
    """Everything the report draws, in the reader's language: the renderer reads nothing else."""

    start: datetime.date
    end: datetime.date
    scope: str
    courses: list[Row]
    table: CoverageTable
    map_places: list[MapPlace]
    trend: list[tuple[datetime.date, int]]


def report_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The twelve whole months before the current one."""
    today = today or timezone.localdate()
    end = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    return (end.replace(year=end.year - 1) + datetime.timedelta(days=32)).replace(day=1), end


def coverage_report_facts(*, user, today: datetime.date | None = None) -> ReportFacts:
    """The report of the user's scope for the twelve months before `today`'s month.

    Call it in the reader's language: course, place and scope names are read in it.
    """
    start, end = report_period(today)
    query = CoverageQuery(start=start, end=end)
    courses = _top_courses(user, query)
    map_places = []
    if courses:
        shares = selectors.map_shares(user=user, query=query, course_id=courses[0].id)
        map_places = [
            MapPlace(code=g.code, name=g.name, figures=shares.get(g.pk))
            for g in Governorate.objects.order_by("name_en")
        ]
    return ReportFacts(
        start=start,
        end=end,
        scope=_scope_label(user),
        courses=courses,
        table=selectors.coverage_table(user=user, query=query, course_ids=[c.id for c in courses]),
        map_places=map_places,
        trend=selectors.coverage_trend(user=user, query=query),
    )


def _scope_label(user) -> str:
    if user.is_superuser:
        return _("National")
    return ", ".join(str(a.scope_label) for a in user.role_assignments.all()) or "—"


def _top_courses(user, query: CoverageQuery) -> list[Row]:
    """The courses with the most workers trained in the user's scope, most first."""
    totals = (
        selectors.trained_cells(user=user, query=query)
        .values("course_id")
        .annotate(n=Sum("workers"))
        .order_by("-n", "course_id")[:TOP_COURSES]
    )
    ids = [row["course_id"] for row in totals]
    courses = {course.id: course for course in selectors.course_rows(ids=ids)} if ids else {}
    return [courses[pk] for pk in ids if pk in courses]
