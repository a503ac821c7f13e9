"""A small training-of-trainers cascade built by hand, with the figures counted by hand."""

import datetime

from courses.models import CoursePage, TrainerRole, Workshop, WorkshopTrainer
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import FacilityFactory, HealthWorkerFactory, UserFactory, directorate

# Counted by hand from `cascade_tree` below: 11 people on the downstream rosters (X twice, once
# counted), working in 4 governorates; 3 of the 4 graduates trained; 4 workshops over 2 levels.
HAND_COUNT = {"reached": 11, "governorates": 4, "trainers": 3, "graduates": 4, "workshops": 4}
BY_GOVERNORATE = {"BAS": 5, "BGD": 3, "ERB": 2, "KIR": 1}


def trainer_courses() -> tuple[CoursePage, CoursePage]:
    """OXY-TOT, which qualifies trainers of OXY-101 for 24 months, and OXY-101."""
    course = course_page(code="OXY-101", title="Oxygen therapy")
    tot = course_page(code="OXY-TOT", title="Oxygen therapy: training of trainers")
    tot.trainer_course_of = course
    tot.qualification_months = 24
    tot.save()
    return tot, course


def place(code: str):
    return FacilityFactory(directorate=directorate(code))


def person(code: str, *, account=False):
    worker = HealthWorkerFactory(facility=place(code))
    if account:
        worker.user = UserFactory()
        worker.save()
    return worker


def workshop(course, code: str, starts_on: datetime.date, *, lead=None, people=(), done=()):
    """A closed workshop led by `lead`'s account, `people` on its roster, `done` completed."""
    held = WorkshopFactory(
        course=course, venue=place(code), starts_on=starts_on, ends_on=starts_on, sessions=False
    )
    if lead is not None:
        WorkshopTrainer.objects.create(workshop=held, user=lead.user, role=TrainerRole.LEAD)
    for worker in [*people, *done]:
        enrolment = EnrolmentFactory(workshop=held, health_worker=worker)
        if worker in done:
            CompletionFactory(enrolment=enrolment)
    return held


def cascade_tree() -> Workshop:
    """The master workshop in Baghdad and what its graduates went on to do."""
    tot, course = trainer_courses()
    a, b, c = (person(code, account=True) for code in ("BGD-KRK", "ERB", "BAS"))
    d = person("SUL")  # graduated, trained nobody
    master = workshop(tot, "BGD-KRK", datetime.date(2026, 1, 10), done=[a, b, c, d])
    x = person("KIR")  # on two downstream rosters: reached once
    later = datetime.date(2026, 2, 1)
    workshop(course, "BGD-KRK", later, lead=a, people=[*(person("BGD-RSF") for _ in range(3)), x])
    workshop(course, "ERB", later, lead=b, people=[person("ERB"), person("ERB"), x])
    q1 = person("BAS", account=True)
    workshop(tot, "BAS", later, lead=c, people=[person("BAS")], done=[q1])
    workshop(
        course, "BAS", datetime.date(2026, 3, 1), lead=q1, people=[person("BAS") for _ in range(3)]
    )
    # Not the cascade: A trained before graduating, and A trains a course of another family.
    workshop(course, "BGD-KRK", datetime.date(2025, 12, 1), lead=a, people=[person("BGD-KRK")])
    workshop(course_page(), "BGD-KRK", later, lead=a, people=[person("BGD-KRK")])
    return master
