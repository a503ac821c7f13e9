"""The field app's API: enrol a phone, fetch its workshops, send a batch of records."""

import datetime

from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.throttling import AnonRateThrottle

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from courses.catalogue import course_for_reader
from courses.models import AttendanceMark, Enrolment, Workshop
from field import services
from field.schemas import Detail, EnrolIn, EnrolOut, SyncIn, SyncOut, WorkshopOut
from field.sync import MAX_RECORDS, field_records_apply

router = Router(tags=["field"])

AHEAD = datetime.timedelta(days=14)
MARK_FIELDS = AttendanceMark.objects.only("enrolment_id", "session_id", "status")


@router.post(
    "/enrol",
    auth=None,
    response={201: EnrolOut, 400: Detail},
    throttle=[AnonRateThrottle()],
)
def enrol(request, payload: EnrolIn):
    """Exchange a one-time enrolment code for this phone's token (shown this once only)."""
    try:
        device, token = services.device_enrol(code=payload.code, name=payload.name)
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages)})
    return Status(
        201, {"device_id": device.pk, "token": token, "token_prefix": device.token_prefix}
    )


@router.get("/workshops", response=list[WorkshopOut])
@paginate(PageNumberPagination, page_size=20)
def workshops(request):
    """The user's workshops running now or starting in the next 14 days, with rosters and marks."""
    today = timezone.localdate()
    enrolments = (
        Enrolment.objects.filter(status=Enrolment.Status.ENROLLED)
        .select_related("health_worker__cadre", "health_worker__facility")
        .prefetch_related(
            Prefetch("marks", queryset=MARK_FIELDS),
            "scores",
        )
    )
    found = (
        Workshop.objects.manageable_by(request.user)
        .exclude(status=Workshop.Status.CLOSED)
        .filter(starts_on__lte=today + AHEAD, ends_on__gte=today)
        .select_related("course", "venue")
        .prefetch_related(
            "sessions",
            Prefetch("enrolments", queryset=enrolments, to_attr="enrolled"),
        )
        .order_by("starts_on", "pk")
    )
    titles: dict[int, str] = {}  # the reader's title of each course, looked up once
    for workshop in found:
        if workshop.course_id not in titles:
            titles[workshop.course_id] = course_for_reader(course=workshop.course).title
    return [_workshop(workshop, titles[workshop.course_id]) for workshop in found]


def _workshop(workshop: Workshop, course_title: str) -> dict:
    """One workshop as the phone keeps it (marks and scores come prefetched: no query here)."""
    return {
        "id": workshop.pk,
        "course": course_title,
        "venue": str(workshop.venue),
        "starts_on": workshop.starts_on,
        "ends_on": workshop.ends_on,
        "status": workshop.status,
        "sessions": [{"id": s.pk, "date": s.date} for s in workshop.sessions.all()],
        "roster": [
            {
                "enrolment": e.pk,
                "health_worker": e.health_worker_id,
                "name_ar": e.health_worker.name_ar,
                "name_latin": e.health_worker.name_latin,
                "licence_number": e.health_worker.licence_number or "",
                "cadre": str(e.health_worker.cadre),
                "facility": str(e.health_worker.facility),
                "marks": [{"session": m.session_id, "status": m.status} for m in e.marks.all()],
                "scores": [{"kind": s.kind, "score": s.score} for s in e.scores.all()],
            }
            for e in workshop.enrolled
        ],
    }


@router.post("/sync", response={200: SyncOut, 403: Detail, 413: Detail})
def sync(request, payload: SyncIn):
    """A batch of marks, scores and walk-ins: each applied, known, refused or corrected."""
    device = getattr(request, "device", None)
    if device is None:
        return Status(403, {"detail": _("Only an enrolled phone sends records here.")})
    if len(payload.records) > MAX_RECORDS:
        return Status(
            413, {"detail": _("At most 2,000 records per batch: send the rest in another.")}
        )
    results = field_records_apply(device=device, user=request.user, records=payload.records)
    return Status(200, {"server_time": timezone.now(), "results": results})
