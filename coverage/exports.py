"""CSV and XLSX exports of every coverage view, streamed so that memory stays flat.

The rows are written by the site's one formula-safe writer (`core.spreadsheets`): a cell that a
spreadsheet could read as a formula is prefixed with an apostrophe. Headers are in the reader's
language.
"""

from collections.abc import Callable, Iterator

from django.db.models import Sum
from django.utils.translation import gettext as _

from courses.models import CoursePage
from coverage import selectors
from coverage.selectors import AUDIT_ROLES, CoverageQuery
from workforce.models import Facility

VIEWS = ("table", "gaps", "trend", "knowledge", "facilities")
FORMATS = ("csv", "xlsx")


def _share(figures) -> float | str:
    return "" if figures.share is None else round(figures.share, 1)


def table_rows(*, user, query: CoverageQuery, focus: int | None = None) -> Iterator[list]:
    """One row per place and course with the figures of the page, then the total of each course."""
    yield [
        _("Place code"), _("Place"), _("Course code"), _("Course"), _("Workers trained"),
        _("Workforce"), _("Coverage (%)"), _("Certificates issued"),
    ]  # fmt: skip
    table = selectors.coverage_table(user=user, query=query)
    for course in table.courses:
        for place in table.places:
            figures = table.figures(place.id, course.id)
            yield [
                place.code, place.name, course.code, course.name, figures.trained,
                figures.workforce, _share(figures), figures.certificates,
            ]  # fmt: skip
        total = table.totals[course.id]
        yield [
            "", _("Total"), course.code, course.name, total.trained, total.workforce,
            _share(total), total.certificates,
        ]  # fmt: skip


def gaps_rows(*, user, query: CoverageQuery, focus: int | None = None) -> Iterator[list]:
    yield [
        _("Course code"), _("Facility code"), _("Facility"), _("Directorate"), _("Governorate"),
        _("Workforce"),
    ]  # fmt: skip
    courses = selectors.course_rows(ids=[focus] if focus else query.courses[:1] or None)[:1]
    for course in courses:
        for gap in selectors.coverage_gaps(user=user, query=query, course_id=course.id):
            yield [
                course.code, gap.facility.code, gap.facility.name, gap.directorate,
                gap.governorate, gap.workforce,
            ]  # fmt: skip


def trend_rows(*, user, query: CoverageQuery, focus: int | None = None) -> Iterator[list]:
    yield [_("Month"), _("Completions")]
    for month, completions in selectors.coverage_trend(user=user, query=query):
        yield [month.strftime("%Y-%m"), completions]


def knowledge_rows(*, user, query: CoverageQuery, focus: int | None = None) -> Iterator[list]:
    yield [
        _("Place code"), _("Place"), _("Mean pre-test (%)"), _("Mean post-test (%)"),
        _("Gain (points)"), _("Pre-tests"), _("Post-tests"), _("Paired gain (points)"),
        _("Participants with both tests"), _("Participants tested"),
    ]  # fmt: skip
    for gain in selectors.knowledge_gain(user=user, query=query):
        yield [
            gain.place.code, gain.place.name, _number(gain.pre_mean), _number(gain.post_mean),
            _number(gain.gain), gain.pre_count, gain.post_count, _number(gain.paired_gain),
            gain.paired_count, gain.tested_count,
        ]  # fmt: skip


def facilities_rows(*, user, query: CoverageQuery, focus: int | None = None) -> Iterator[list]:
    """Every facility of the scope and course with at least one worker trained in the period."""
    yield [
        _("Facility code"), _("Facility"), _("Directorate"), _("Governorate"), _("Course code"),
        _("Course"), _("Workers trained"), _("Workforce"), _("Coverage (%)"),
    ]  # fmt: skip
    scoped = query
    headcount = dict(
        selectors.headcount_cells(user=user, query=scoped)
        .values("facility_id")
        .annotate(n=Sum("workers"))
        .values_list("facility_id", "n")
    )
    courses = {course.id: course for course in selectors.course_rows(ids=query.courses)}
    facilities = Facility.objects.visible_to(user, roles=AUDIT_ROLES).select_related(
        "directorate", "governorate"
    )
    facilities = {facility.pk: facility for facility in facilities}
    trained = (
        selectors.trained_cells(user=user, query=scoped)
        .values("facility_id", "course_id")
        .annotate(n=Sum("workers"))
        .order_by("facility_id", "course_id")
        .values_list("facility_id", "course_id", "n")
    )
    for facility_id, course_id, n in trained.iterator(chunk_size=5000):
        facility, course = facilities.get(facility_id), courses.get(course_id)
        if course is None or facility is None:
            continue
        workforce = headcount.get(facility_id, 0)
        share = round(100.0 * n / workforce, 1) if workforce else ""
        yield [
            facility.code, facility.name, facility.directorate.name, facility.governorate.name,
            course.code, course.name, n, workforce, share,
        ]  # fmt: skip


def _number(value):
    return "" if value is None else float(value)


ROWS: dict[str, Callable[..., Iterator[list]]] = {
    "table": table_rows,
    "gaps": gaps_rows,
    "trend": trend_rows,
    "knowledge": knowledge_rows,
    "facilities": facilities_rows,
}


def estimated_rows(*, view: str, user, query: CoverageQuery) -> int:
    """Roughly how many rows an export will have, to decide between now and the background."""
    if view == "facilities":
        return (
            selectors.trained_cells(user=user, query=query)
            .values("facility_id", "course_id")
            .count()
        )
    if view == "table":
        places = len(selectors.place_rows(user=user, query=query))
        courses = (
            len(query.courses) or CoursePage.objects.filter(locale__language_code="en").count()
        )
        return (places + 1) * courses
    return 0
