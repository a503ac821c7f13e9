"""Reads for asking to join a workshop: a course's next workshops, a health worker's requests."""

import datetime
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from courses.models import Enrolment, JoinRequest, Workshop
from workforce.duties import exclude_own
from workforce.models import HealthWorker

JOINABLE = (Workshop.Status.PLANNED, Workshop.Status.OPEN)


@dataclass(frozen=True)
class WorkshopToJoin:
    workshop: Workshop
    places_left: int
    # "enrolled", a request's status ("pending", "accepted", "declined"), or "" (may ask).
    state: str
    in_reader_governorate: bool

    @property
    def full(self) -> bool:
        return self.places_left == 0


def places_left(*, capacity: int, enrolled: int) -> int:
    """Free places: the capacity less the people on the roster, never below nothing.

    An accepted request is an enrolment (source self-registration), so it is counted once, with
    the roster; a pending request holds no place until the trainer accepts it.
    """
    return max(capacity - enrolled, 0)


def workshops_to_join(*, today: datetime.date | None = None):
    """Workshops people may still ask to join: planned or open, and not begun before today."""
    today = today or timezone.localdate()
    return Workshop.objects.filter(starts_on__gte=today, status__in=JOINABLE)


def course_workshops_to_join(
    *, course, health_worker: HealthWorker | None, limit: int = 6
) -> list[WorkshopToJoin]:
    """The next workshops of a course (any of its translations) and where the reader stands.

    Those in the reader's governorate (their facility's) come first, then by date; a reader with
    no registry record gets them by date.
    """
    governorate_id = health_worker.facility.governorate_id if health_worker else None
    workshops = list(
        workshops_to_join()
        .filter(course__translation_key=course.translation_key)
        .select_related("venue", "venue__governorate")
        .annotate(
            enrolled=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ENROLLED)),
            near=Case(
                When(venue__governorate_id=governorate_id, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .order_by("near", "starts_on", "pk")[:limit]
    )
    states: dict[int, str] = {}
    if health_worker is not None:
        ids = [workshop.pk for workshop in workshops]
        for request in health_worker.join_requests.filter(workshop__in=ids):
            states[request.workshop_id] = request.status
        for enrolment in health_worker.enrolments.filter(
            workshop__in=ids, status=Enrolment.Status.ENROLLED
        ):
            states[enrolment.workshop_id] = "enrolled"
    return [
        WorkshopToJoin(
            workshop=workshop,
            places_left=places_left(capacity=workshop.capacity, enrolled=workshop.enrolled),
            state=states.get(workshop.pk, ""),
            in_reader_governorate=governorate_id is not None and workshop.near == 0,
        )
        for workshop in workshops
    ]


def join_requests_for(*, health_worker: HealthWorker, limit: int = 20):
    """A health worker's own requests to join, the newest first, with their workshops."""
    return (
        JoinRequest.objects.filter(health_worker=health_worker)
        .select_related("workshop__course", "workshop__venue__governorate")
        .order_by("-requested_at")[:limit]
    )


def join_requests_to_decide(*, workshop: Workshop, user):
    """A workshop's requests waiting for a decision, less the user's own (nobody decides those)."""
    return (
        exclude_own(
            workshop.join_requests.filter(status=JoinRequest.Status.PENDING),
            user=user,
            worker_path="health_worker",
        )
        .select_related("health_worker__cadre", "health_worker__facility")
        .order_by("requested_at")
    )
