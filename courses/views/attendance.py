"""Attendance: marking a session, QR check-in and walk-ins, the paper round-trip."""

import io
import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import id_or_404
from core.paging import page_of
from courses import checkin, importers, selectors, services
from courses.forms import BeyondCapacityForm, ImportForm
from courses.models import (
    AttendanceImport,
    AttendanceMark,
    Enrolment,
    PendingWalkIn,
    Session,
    WalkInRequest,
    Workshop,
)
from courses.models.workshops import RecordMethod
from courses.views.scope import own_worker, session_or_404, workshop_or_404
from workforce.duties import exclude_own

# Trainers: marking a session


@login_required
def session_marking(request, pk):
    session = session_or_404(request, pk)
    marks = selectors.session_marks(session=session)
    paging = page_of(request, selectors.workshop_roster(workshop=session.workshop))
    people = list(paging["page_obj"])
    for enrolment in people:
        enrolment.mark = marks.get(enrolment.pk, "")
    counts = selectors.session_counts(session=session)
    return render(
        request,
        "courses/session_marking.html",
        {
            "session": session,
            "workshop": session.workshop,
            "people": people,
            **paging,
            "counts": counts,
            "status_counts": [
                (value, label, counts[value]) for value, label in AttendanceMark.Status.choices
            ],
            "statuses": AttendanceMark.Status.choices,
            "walk_ins": exclude_own(
                session.walk_in_requests.filter(status=WalkInRequest.Status.PENDING),
                user=request.user,
                worker_path="health_worker",
            ).select_related("health_worker"),
            "phone_walk_ins": session.workshop.pending_walk_ins.filter(
                status=PendingWalkIn.Status.PENDING
            ),
        },
    )


@login_required
@require_POST
def session_mark(request, pk):
    """One tap on the roster: JSON in, the outcome and the session's new counts out."""
    session = session_or_404(request, pk)
    try:
        payload = json.loads(request.body)
        client_uuid = uuid.UUID(str(payload["client_uuid"]))
        enrolment = session.workshop.enrolments.get(pk=int(payload["enrolment"]))
    except (ValueError, KeyError, TypeError, Enrolment.DoesNotExist):
        return JsonResponse({"result": "refused", "reason": _("Bad request.")}, status=400)
    outcome = services.attendance_mark(
        session=session,
        enrolment=enrolment,
        status=str(payload.get("status", "")),
        client_uuid=client_uuid,
        method=RecordMethod.ROSTER,
        user=request.user,
    )
    return JsonResponse(
        {
            "result": outcome.result,
            "reason": outcome.reason,
            "status": outcome.mark.status if outcome.mark else "",
            "counts": selectors.session_counts(session=session),
        }
    )


@login_required
def session_sign_in_sheet(request, pk):
    """The printable sign-in sheet of a session, pre-filled with the roster."""
    from courses.pdf import SignInSheetRenderer

    session = session_or_404(request, pk)
    content = SignInSheetRenderer().render(selectors.session_sign_in_facts(session=session))
    response = HttpResponse(content, content_type="application/pdf")
    name = f"sign-in-{session.workshop_id}-{session.date:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def session_qr(request, pk):
    """The session's current check-in code as an SVG (the page reloads it every minute)."""
    import segno

    session = session_or_404(request, pk)
    token = checkin.checkin_token(session_id=session.pk)
    url = request.build_absolute_uri(reverse("courses:check_in", args=[token]))
    # A standalone SVG needs its namespace (svg_inline leaves it out), or browsers draw nothing.
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, dark="#1d2a33", xmldecl=False)
    return HttpResponse(buffer.getvalue(), content_type="image/svg+xml")


@login_required
@require_POST
def walk_in_decide(request, pk):
    walk_in = get_object_or_404(
        WalkInRequest.objects.filter(
            session__workshop__in=Workshop.objects.manageable_by(request.user)
        ),
        pk=pk,
    )
    accept = request.POST.get("decision") == "accept"
    try:
        services.walk_in_request_decide(request=walk_in, accept=accept, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("courses:session_marking", pk=walk_in.session_id)


@login_required
@require_POST
def pending_walk_in_decide(request, pk):
    """Accept or decline someone a phone added offline; back to the marking page."""
    pending = get_object_or_404(
        PendingWalkIn.objects.filter(workshop__in=Workshop.objects.manageable_by(request.user)),
        pk=pk,
    )
    try:
        services.pending_walk_in_decide(
            pending=pending, accept=request.POST.get("decision") == "accept", user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    session = request.POST.get("session", "")
    if session.isdigit() and pending.workshop.sessions.filter(pk=int(session)).exists():
        return redirect("courses:session_marking", pk=int(session))
    return redirect("courses:workshop_detail", pk=pending.workshop_id)


# Trainers: paper round-trip


@login_required
def attendance_template(request, pk):
    workshop = workshop_or_404(request, pk)
    session = None
    if request.GET.get("session"):
        session = get_object_or_404(workshop.sessions, pk=id_or_404(request.GET["session"]))
    content = importers.attendance_template(workshop=workshop, session=session)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"sign-in-{workshop.pk}" + (f"-{session.date:%Y-%m-%d}" if session else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def attendance_import(request, pk):
    workshop = workshop_or_404(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        record = importers.attendance_import_start(
            workshop=workshop, upload=form.cleaned_data["file"], user=request.user
        )
        return redirect("courses:import_result", pk=record.pk)
    return render(request, "courses/import_form.html", {"workshop": workshop, "form": form})


def _import_or_404(request, pk) -> AttendanceImport:
    return get_object_or_404(
        AttendanceImport.objects.filter(
            workshop__in=Workshop.objects.manageable_by(request.user)
        ).select_related("workshop__course"),
        pk=pk,
    )


def _import_page(request, record, form=None):
    workshop = record.workshop
    enrolled = selectors.workshop_roster(workshop=workshop).count()
    return render(
        request,
        "courses/import_result.html",
        {
            "record": record,
            "workshop": workshop,
            "form": form or BeyondCapacityForm(),
            "enrolled_after": enrolled + record.people_to_enrol,
            "errors": importers.import_errors_shown(record.errors),
        },
    )


@login_required
def import_result(request, pk):
    return _import_page(request, _import_or_404(request, pk))


@login_required
@require_POST
def import_beyond_capacity(request, pk):
    """The trainer's explicit choice to enrol a held sheet's people beyond the capacity."""
    record = _import_or_404(request, pk)
    form = BeyondCapacityForm(request.POST)
    if not form.is_valid():
        return _import_page(request, record, form)
    record = importers.attendance_import_beyond_capacity(record=record)
    return redirect("courses:import_result", pk=record.pk)


# Participants: QR check-in


@login_required
def check_in(request, token):
    """Where the session's QR code leads: a logged-in participant checks in."""
    try:
        session_id = checkin.checkin_token_read(token)
    except checkin.CheckInError as error:
        reason = {
            "expired": _("This code has expired. Scan the code on the screen again."),
            "forged": _("This code is not valid. Scan the code on the trainer's screen."),
        }[error.reason]
        return render(request, "courses/check_in.html", {"error": reason}, status=400)
    session = get_object_or_404(Session.objects.select_related("workshop__course"), pk=session_id)
    worker = own_worker(request)
    if worker is None:
        return render(
            request,
            "courses/check_in.html",
            {"error": _("Your account is not linked to a health worker record. Ask the trainer.")},
            status=400,
        )
    try:
        result = services.qr_check_in(session=session, health_worker=worker, user=request.user)
    except ValidationError as error:
        return render(
            request, "courses/check_in.html", {"error": " ".join(error.messages)}, status=400
        )
    return render(request, "courses/check_in.html", {"result": result, "session": session})
