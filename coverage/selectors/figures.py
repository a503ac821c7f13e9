"""Coverage figures in the reader's scope: the query, the table of places by course, trend, map.

Every query starts from `visible_to(user, roles=AUDIT_ROLES)` of its record family, so no figure,
row or total of another scope can enter. Figures are per course (see coverage/models/cells.py).
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Q, Sum
from django.http import Http404
from django.utils.translation import get_language

from courses.models import CoursePage
from coverage.models import (
    ActivityCell,
    HeadcountCell,
    ProviderActivityCell,
    ProviderTrainedCell,
    TrainedCell,
)
from coverage.selectors.validity import expiring_courses, valid_trained
from workforce.models import AUDITING_ROLES, Cadre, Directorate, Facility, Governorate

AUDIT_ROLES = AUDITING_ROLES

LEVELS = ("national", "governorate", "directorate", "facility")
CHILD_LEVEL = {"national": "governorate", "governorate": "directorate", "directorate": "facility"}
GROUP_FIELD = {
    "national": "governorate_id",
    "governorate": "directorate_id",
    "directorate": "facility_id",
    "facility": "cadre_id",
}
PLACE_FIELD = {
    "governorate": "governorate_id",
    "directorate": "directorate_id",
    "facility": "facility_id",
}
PLACE_MODEL = {"governorate": Governorate, "directorate": Directorate, "facility": Facility}


@dataclass(frozen=True)
class CoverageQuery:
    """What the auditor asked for: courses (none = all), cadres (none = all), months, place."""

    start: datetime.date
    end: datetime.date
    courses: tuple[int, ...] = ()
    cadres: tuple[int, ...] = ()
    level: str = "national"
    place_id: int | None = None
    # Count only training still valid on this day (see selectors/validity.py); None: all of it.
    valid_on: datetime.date | None = None
    provider: int | None = None  # only workshops this provider led or partnered


@dataclass
class Figures:
    trained: int = 0
    workforce: int = 0
    certificates: int = 0

    @property
    def share(self) -> float | None:
        """Coverage as a percentage of the workforce, or None where there is no workforce."""
        return 100.0 * self.trained / self.workforce if self.workforce else None


@dataclass
class Row:
    id: int
    name: str
    code: str = ""
    language: str = ""  # of `name`, where it may not be the reader's (an untranslated course)


@dataclass
class CoverageTable:
    level: str
    places: list[Row]
    courses: list[Row]
    cells: dict = field(default_factory=dict)
    totals: dict = field(default_factory=dict)

    def figures(self, place_id: int, course_id: int) -> Figures:
        return self.cells.get((place_id, course_id)) or Figures(
            workforce=self.workforce.get(place_id, 0)
        )

    workforce: dict = field(default_factory=dict)


def audit_place(*, user, level: str, place_id: int | None):
    """The governorate, directorate or facility the user drills into; 404 outside their scope."""
    if level == "national":
        return None
    model = PLACE_MODEL[level]
    place = model.objects.visible_to(user, roles=AUDIT_ROLES).filter(pk=place_id).first()
    if place is None:
        raise Http404
    return place


def user_may_audit(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.role_assignments.filter(role__in=AUDIT_ROLES).exists()
    )


def course_rows(*, ids=None) -> list[Row]:
    """Courses in the reader's language (falling back to the source title), ordered by code."""
    courses = CoursePage.objects.filter(locale__language_code="en")
    if ids:
        courses = courses.filter(pk__in=ids)
    courses = list(courses.order_by("code", "pk").values("pk", "code", "title", "translation_key"))
    language = (get_language() or "en").split("-")[0]
    titles = {}
    if language != "en" and courses:
        titles = dict(
            CoursePage.objects.filter(
                locale__language_code=language,
                translation_key__in=[course["translation_key"] for course in courses],
            ).values_list("translation_key", "title")
        )
    return [
        Row(
            id=course["pk"],
            code=course["code"],
            name=titles.get(course["translation_key"]) or course["title"],
            language=language if course["translation_key"] in titles else "en",
        )
        for course in courses
    ]


# The numerators of one provider's workshops; the denominator (HeadcountCell) is the same.
BY_PROVIDER = {TrainedCell: ProviderTrainedCell, ActivityCell: ProviderActivityCell}


def scoped_cells(model, *, user, query: CoverageQuery, courses: bool = True):
    """The cells of `model` in the user's scope and the query's place, cadres, courses, provider."""
    if query.provider and model in BY_PROVIDER:
        cells = BY_PROVIDER[model].objects.visible_to(user, roles=AUDIT_ROLES)
        cells = cells.filter(provider_id=query.provider)
    else:
        cells = model.objects.visible_to(user, roles=AUDIT_ROLES)
    if query.level != "national":
        cells = cells.filter(**{PLACE_FIELD[query.level]: query.place_id})
    if query.cadres:
        cells = cells.filter(cadre_id__in=query.cadres)
    if courses and query.courses:
        cells = cells.filter(course_id__in=query.courses)
    return cells


def headcount_cells(*, user, query: CoverageQuery):
    """Denominator cells of the period: verified workers who had not left before it started."""
    return scoped_cells(HeadcountCell, user=user, query=query, courses=False).filter(
        Q(left_month__isnull=True) | Q(left_month__gte=query.start)
    )


def trained_cells(*, user, query: CoverageQuery):
    """Cells that count each worker once in the period: the first month they completed in it."""
    return scoped_cells(TrainedCell, user=user, query=query).filter(
        Q(previous_month__isnull=True) | Q(previous_month__lt=query.start),
        month__gte=query.start,
        month__lte=query.end,
    )


# Finding the busiest course sums every trained cell of the period and scope (about 120 ms for a
# national year of the five-year set); it only picks the course the map opens on, so it is kept.
BUSIEST_SECONDS = 300


def most_active_course(*, user, query: CoverageQuery) -> int | None:
    """The course with the most workers trained in the period and the user's scope, if any
    (remembered for five minutes per user and query)."""
    key = "coverage-busiest:" + hashlib.sha256(repr((user.pk, query)).encode()).hexdigest()
    if (remembered := cache.get(key)) is not None:
        return remembered or None
    busiest = (
        trained_cells(user=user, query=query)
        .values("course_id")
        .annotate(trained=Sum("workers"))
        .filter(trained__gt=0)
        .order_by("-trained", "course_id")
        .first()
    )
    course_id = busiest["course_id"] if busiest else None
    cache.set(key, course_id or 0, BUSIEST_SECONDS)
    return course_id


def place_rows(*, user, query: CoverageQuery) -> list[Row]:
    """The rows of the table at the query's level: the places (or cadres) one level down."""
    if query.level == "facility":
        cadres = Cadre.objects.filter(
            pk__in=HeadcountCell.objects.visible_to(user, roles=AUDIT_ROLES)
            .filter(facility_id=query.place_id)
            .values("cadre_id")
        )
        if query.cadres:
            cadres = cadres.filter(pk__in=query.cadres)
        return [Row(id=c.pk, name=c.name, code=c.code) for c in cadres]
    child = CHILD_LEVEL[query.level]
    places = PLACE_MODEL[child].objects.visible_to(user, roles=AUDIT_ROLES)
    if query.level != "national":
        places = places.filter(**{PLACE_FIELD[query.level]: query.place_id})
    return [Row(id=p.pk, name=p.name, code=p.code) for p in places.order_by("name_en")]


def workforce_by_place(*, user, query: CoverageQuery) -> dict[int, int]:
    """Registry head count (the denominator) per row of the table, for the chosen cadres."""
    group = GROUP_FIELD[query.level]
    cells = headcount_cells(user=user, query=query)
    return dict(cells.values(group).annotate(n=Sum("workers")).values_list(group, "n"))


def coverage_table(*, user, query: CoverageQuery, course_ids=None) -> CoverageTable:
    """Workers trained, workforce, coverage and certificates per place and course, with totals."""
    group = GROUP_FIELD[query.level]
    places = place_rows(user=user, query=query)
    courses = course_rows(ids=course_ids or query.courses)
    table = CoverageTable(level=query.level, places=places, courses=courses)
    table.workforce = workforce_by_place(user=user, query=query)
    wanted = {course.id for course in courses}
    expiring = expiring_courses(course_ids=wanted) if query.valid_on else set()
    trained = {
        (place_id, course_id): n
        for place_id, course_id, n in trained_cells(user=user, query=query)
        .filter(course_id__in=wanted - expiring)
        .values(group, "course_id")
        .annotate(n=Sum("workers"))
        .values_list(group, "course_id", "n")
    }
    if expiring:
        trained |= valid_trained(
            user=user, query=query, course_ids=expiring, group=group, roles=AUDIT_ROLES
        )
    for (place_id, course_id), n in trained.items():
        table.cells[(place_id, course_id)] = Figures(
            trained=n, workforce=table.workforce.get(place_id, 0)
        )
    certificates = (
        scoped_cells(ActivityCell, user=user, query=query)
        .filter(course_id__in=wanted, month__gte=query.start, month__lte=query.end)
        .values(group, "course_id")
        .annotate(n=Sum("certificates"))
        .values_list(group, "course_id", "n")
    )
    for place_id, course_id, issued in certificates:
        figures = table.cells.setdefault(
            (place_id, course_id), Figures(workforce=table.workforce.get(place_id, 0))
        )
        figures.certificates = issued
    shown = {place.id for place in places}
    workforce_total = sum(n for place_id, n in table.workforce.items() if place_id in shown)
    for course in courses:
        total = Figures(workforce=workforce_total)
        for place in places:
            figures = table.cells.get((place.id, course.id))
            if figures:
                total.trained += figures.trained
                total.certificates += figures.certificates
        table.totals[course.id] = total
    return table


def coverage_trend(*, user, query: CoverageQuery) -> list[tuple[datetime.date, int]]:
    """Complete completions per month of the period (every month listed, zeros included)."""
    counts = dict(
        scoped_cells(TrainedCell, user=user, query=query)
        .filter(month__gte=query.start, month__lte=query.end)
        .values("month")
        .annotate(n=Sum("completions"))
        .values_list("month", "n")
    )
    months, month = [], query.start
    while month <= query.end:
        months.append((month, counts.get(month, 0)))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def map_shares(*, user, query: CoverageQuery, course_id: int) -> dict[int, Figures]:
    """Coverage of one course per governorate in scope, for the map."""
    national = CoverageQuery(**{**query.__dict__, "level": "national", "place_id": None})
    table = coverage_table(user=user, query=national, course_ids=[course_id])
    return {place.id: table.figures(place.id, course_id) for place in table.places}
