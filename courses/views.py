"""Pages of trainers (workshops, rosters, marking, scores) and health workers (My learning).

Every record is looked up through its family's `visible_to`/`manageable_by`, so a record outside
the user's reach is a 404 whatever the URL says.
"""

import json
import uuid
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import checkin, importers, selectors, services
from courses.forms import (
    ClaimForm,
    ImportForm,
    OverrideForm,
    ReviewForm,
    SessionForm,
    WalkInForm,
    WorkshopForm,
)
from courses.models import (
    AssessmentScore,
    AttendanceImport,
    AttendanceMark,
    Completion,
    Enrolment,
    ExternalActivity,
    Session,
    WalkInRequest,
    Workshop,
)
from courses.models.workshops import RecordMethod
from courses.signals import my_learning_sections
from workforce.models import HealthWorker
from workforce.names import digits_to_ascii

TRAINER_ROLES = ["trainer", "administrator"]


def _workshop(request, pk) -> Workshop:
    return get_object_or_404(
        Workshop.objects.manageable_by(request.user).select_related("course", "venue"), pk=pk
    )


def _session(request, pk) -> Session:
    return get_object_or_404(
        Session.objects.filter(
            workshop__in=Workshop.objects.manageable_by(request.user)
        ).select_related("workshop__course", "workshop__venue"),
        pk=pk,
    )


def _may_train(user) -> bool:
    return user.is_superuser or user.role_assignments.filter(role__in=TRAINER_ROLES).exists()


# Trainers: workshops and sessions


@login_required
def my_workshops(request):
    workshops = selectors.workshops_for_trainer(user=request.user)
    return render(
        request,
        "courses/my_workshops.html",
        {"workshops": workshops, "may_schedule": _may_train(request.user)},
    )


@login_required
def workshop_create(request):
    if not _may_train(request.user):
        raise Http404
    form = WorkshopForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Workshop scheduled."))
            return redirect("courses:workshop_detail", pk=workshop.pk)
    return render(request, "courses/workshop_form.html", {"form": form})


@login_required
def workshop_detail(request, pk):
    workshop = _workshop(request, pk)
    sessions = list(workshop.sessions.all())
    for session in sessions:
        session.counts = selectors.session_counts(session=session)
    completions = workshop.completions.select_related("health_worker").order_by(
        "health_worker__name_latin"
    )
    return render(
        request,
        "courses/workshop_detail.html",
        {
            "workshop": workshop,
            "sessions": sessions,
            "enrolled": selectors.workshop_roster(workshop=workshop).count(),
            "gain": selectors.workshop_knowledge_gain(workshop=workshop),
            "completions": completions,
            "override_form": OverrideForm(),
            "history": selectors.workshop_history(workshop=workshop, limit=50),
            "statuses": Workshop.Status.choices,
            "imports": workshop.imports.all()[:5],
        },
    )


@login_required
@require_POST
def workshop_status(request, pk):
    workshop = _workshop(request, pk)
    status = request.POST.get("status")
    if status not in Workshop.Status.values or status == Workshop.Status.CLOSED:
        raise Http404
    services.workshop_status_set(workshop=workshop, status=status)
    messages.success(request, _("Status changed."))
    return redirect("courses:workshop_detail", pk=pk)


@login_required
@require_POST
def workshop_close(request, pk):
    workshop = _workshop(request, pk)
    completions = services.workshop_close(workshop=workshop, user=request.user)
    done = sum(1 for completion in completions if completion and completion.is_complete)
    messages.success(
        request,
        _("Workshop closed: %(done)d of %(total)d completed.")
        % {"done": done, "total": len(completions)},
    )
    return redirect("courses:workshop_detail", pk=pk)


@login_required
@require_POST
def workshop_evaluate(request, pk):
    workshop = _workshop(request, pk)
    services.completions_evaluate(workshop=workshop, user=request.user)
    messages.success(request, _("Completions evaluated."))
    return redirect("courses:workshop_detail", pk=pk)


@login_required
@require_POST
def completion_override(request, pk):
    completion = get_object_or_404(
        Completion.objects.filter(workshop__in=Workshop.objects.manageable_by(request.user)),
        pk=pk,
    )
    form = OverrideForm(request.POST)
    if form.is_valid():
        services.completion_override(completion=completion, user=request.user, **form.cleaned_data)
        messages.success(request, _("Decision recorded."))
    else:
        messages.error(request, _("Give the reason for the override."))
    return redirect("courses:workshop_detail", pk=completion.workshop_id)


@login_required
def session_edit(request, pk):
    session = _session(request, pk)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        services.session_update(session=session, **form.cleaned_data)
        return redirect("courses:workshop_detail", pk=session.workshop_id)
    return render(request, "courses/session_form.html", {"form": form, "session": session})


# Trainers: roster


@login_required
def roster(request, pk):
    workshop = _workshop(request, pk)
    query = request.GET.get("q", "")
    enrolled_ids = set(workshop.enrolments.values_list("health_worker_id", flat=True))
    return render(
        request,
        "courses/roster.html",
        {
            "workshop": workshop,
            "roster": selectors.workshop_roster(workshop=workshop),
            "query": query,
            "found": selectors.registry_search(user=request.user, query=query),
            "enrolled_ids": enrolled_ids,
        },
    )


@login_required
@require_POST
def roster_add(request, pk):
    workshop = _workshop(request, pk)
    worker = get_object_or_404(
        HealthWorker.objects.visible_to(request.user, roles=TRAINER_ROLES),
        pk=request.POST.get("health_worker"),
    )
    try:
        services.enrolment_add(workshop=workshop, health_worker=worker, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is on the roster.") % {"name": worker})
    return redirect(reverse("courses:roster", args=[pk]) + "?q=" + request.POST.get("q", ""))


@login_required
def roster_walk_in(request, pk):
    workshop = _workshop(request, pk)
    form = WalkInForm(request.POST or None, user=request.user, initial={"facility": workshop.venue})
    form.fields["facility"].queryset = form.fields["facility"].queryset.visible_to(
        request.user, roles=TRAINER_ROLES
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.walk_in_add(workshop=workshop, user=request.user, **form.worker_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Registered and added to the roster."))
            return redirect("courses:roster", pk=pk)
    return render(request, "courses/walk_in_form.html", {"form": form, "workshop": workshop})


@login_required
@require_POST
def enrolment_withdraw(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.filter(workshop__in=Workshop.objects.manageable_by(request.user)), pk=pk
    )
    services.enrolment_withdraw(enrolment=enrolment, user=request.user)
    messages.success(request, _("%(name)s withdrawn.") % {"name": enrolment.health_worker})
    return redirect("courses:roster", pk=enrolment.workshop_id)


# Trainers: marking a session


@login_required
def session_marking(request, pk):
    session = _session(request, pk)
    marks = selectors.session_marks(session=session)
    people = list(selectors.workshop_roster(workshop=session.workshop))
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
            "counts": counts,
            "status_counts": [
                (value, label, counts[value]) for value, label in AttendanceMark.Status.choices
            ],
            "statuses": AttendanceMark.Status.choices,
            "walk_ins": session.walk_in_requests.filter(
                status=WalkInRequest.Status.PENDING
            ).select_related("health_worker"),
        },
    )


@login_required
@require_POST
def session_mark(request, pk):
    """One tap on the roster: JSON in, the outcome and the session's new counts out."""
    session = _session(request, pk)
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

    session = _session(request, pk)
    content = SignInSheetRenderer().render(selectors.session_sign_in_facts(session=session))
    response = HttpResponse(content, content_type="application/pdf")
    name = f"sign-in-{session.workshop_id}-{session.date:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
def session_qr(request, pk):
    """The session's current check-in code as an SVG (the page reloads it every minute)."""
    import segno

    session = _session(request, pk)
    token = checkin.checkin_token(session_id=session.pk)
    url = request.build_absolute_uri(reverse("courses:check_in", args=[token]))
    svg = segno.make(url, error="m").svg_inline(scale=6, dark="#1d2a33")
    return HttpResponse(svg, content_type="image/svg+xml")


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


# Trainers: scores


@login_required
def scores(request, pk):
    """The score grid: every pre- and post-test of the roster on one form, saved all or nothing."""
    workshop = _workshop(request, pk)
    people = list(selectors.workshop_roster(workshop=workshop))
    current = selectors.workshop_scores(workshop=workshop)
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    for enrolment in people:
        for kind in AssessmentScore.Kind.values:
            name = f"{kind}_{enrolment.pk}"
            stored = current.get(enrolment.pk, {}).get(kind)
            values[name] = request.POST.get(name, "" if stored is None else str(stored))
    if request.method == "POST":
        parsed = {}
        for name, text in values.items():
            text = digits_to_ascii(text).strip().replace("٫", ".").replace(",", ".")
            try:
                parsed[name] = Decimal(text) if text else None
            except InvalidOperation:
                errors[name] = _("Not a number.")
                continue
            if parsed[name] is not None and not 0 <= parsed[name] <= 100:
                errors[name] = _("Between 0 and 100.")
        if not errors:
            with transaction.atomic():
                for enrolment in people:
                    for kind in AssessmentScore.Kind.values:
                        services.score_set(
                            enrolment=enrolment,
                            kind=kind,
                            score=parsed[f"{kind}_{enrolment.pk}"],
                            user=request.user,
                        )
            messages.success(request, _("Scores saved."))
            return redirect("courses:workshop_detail", pk=pk)
        messages.error(request, _("Nothing was saved: correct the marked cells."))
    rows = [
        {
            "enrolment": enrolment,
            "cells": [
                (
                    f"{kind}_{enrolment.pk}",
                    values[f"{kind}_{enrolment.pk}"],
                    errors.get(f"{kind}_{enrolment.pk}"),
                )
                for kind in AssessmentScore.Kind.values
            ],
        }
        for enrolment in people
    ]
    return render(request, "courses/scores.html", {"workshop": workshop, "rows": rows})


# Trainers: paper round-trip


@login_required
def attendance_template(request, pk):
    workshop = _workshop(request, pk)
    session = None
    if request.GET.get("session"):
        session = get_object_or_404(workshop.sessions, pk=request.GET["session"])
    content = importers.attendance_template(workshop=workshop, session=session)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = f"sign-in-{workshop.pk}" + (f"-{session.date:%Y-%m-%d}" if session else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def attendance_import(request, pk):
    workshop = _workshop(request, pk)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        record = importers.attendance_import_start(
            workshop=workshop, upload=form.cleaned_data["file"], user=request.user
        )
        return redirect("courses:import_result", pk=record.pk)
    return render(request, "courses/import_form.html", {"workshop": workshop, "form": form})


@login_required
def import_result(request, pk):
    record = get_object_or_404(
        AttendanceImport.objects.filter(
            workshop__in=Workshop.objects.manageable_by(request.user)
        ).select_related("workshop__course"),
        pk=pk,
    )
    return render(
        request, "courses/import_result.html", {"record": record, "workshop": record.workshop}
    )


# Health workers


def _own_worker(request) -> HealthWorker | None:
    return HealthWorker.objects.filter(user=request.user).select_related("cadre").first()


@login_required
def my_learning(request):
    worker = _own_worker(request)
    context = {"worker": worker}
    if worker:
        context |= {
            "credits": selectors.credits_in_cycle(health_worker=worker),
            "transcript": selectors.transcript_for(health_worker=worker),
            "upcoming": selectors.upcoming_workshops_for(health_worker=worker),
            "claims": worker.external_activities.order_by("-date"),
            "sections": [
                html
                for _receiver, html in my_learning_sections.send(
                    sender=HealthWorker, request=request, health_worker=worker
                )
                if html
            ],
        }
    return render(request, "courses/my_learning.html", context)


@login_required
def my_transcript(request):
    """The health worker's own transcript as a PDF, English with Arabic, for licence renewal."""
    from courses.pdf import TranscriptRenderer

    worker = _own_worker(request)
    if worker is None:
        raise Http404
    content = TranscriptRenderer().render(selectors.transcript_facts(health_worker=worker))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="cme-transcript.pdf"'
    return response


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
    worker = _own_worker(request)
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


@login_required
def claim_create(request):
    worker = _own_worker(request)
    if worker is None:
        raise Http404
    form = ClaimForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.external_activity_claim(
            health_worker=worker, user=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your claim was sent for review."))
        return redirect("courses:my_learning")
    return render(request, "courses/claim_form.html", {"form": form})


def _claims_for(request):
    """Claims the user may open: their own, and those in their reviewer scope."""
    return ExternalActivity.objects.visible_to(request.user, roles=["reviewer", "administrator"])


@login_required
def claim_evidence(request, pk):
    activity = get_object_or_404(_claims_for(request), pk=pk)
    handle = activity.evidence.open("rb")
    from courses.evidence import evidence_kind

    media_type = evidence_kind(handle.read(8)) or "application/octet-stream"
    handle.seek(0)
    response = FileResponse(handle, content_type=media_type)
    response["Content-Disposition"] = f'inline; filename="evidence-{activity.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@login_required
def claims_review(request):
    claims = (
        ExternalActivity.objects.visible_to(request.user, roles=["reviewer", "administrator"])
        .filter(status=ExternalActivity.Status.PENDING)
        .select_related("health_worker", "health_worker__facility")
        .order_by("created_at")
    )
    return render(request, "courses/claims_review.html", {"claims": claims, "form": ReviewForm()})


@login_required
@require_POST
def claim_review(request, pk):
    activity = get_object_or_404(
        ExternalActivity.objects.visible_to(request.user, roles=["reviewer", "administrator"]),
        pk=pk,
    )
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.external_activity_review(
                activity=activity,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Review recorded."))
    return redirect("courses:claims_review")


@login_required
def health_worker_history(request, pk):
    worker = get_object_or_404(HealthWorker.objects.visible_to(request.user), pk=pk)
    return render(
        request,
        "courses/health_worker_history.html",
        {
            "worker": worker,
            "history": selectors.health_worker_history(user=request.user, health_worker=worker),
        },
    )


# Offline devices


@login_required
@require_POST
def sync(request):
    """A batch of marks taken offline: each is applied, already known, or refused with a reason."""
    try:
        batch = json.loads(request.body)["marks"]
        if not isinstance(batch, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": _('Send {"marks": [...]}.')}, status=400)
    if len(batch) > 2000:
        return JsonResponse({"error": _("At most 2,000 marks per batch.")}, status=400)
    sessions = Session.objects.filter(
        workshop__in=Workshop.objects.manageable_by(request.user)
    ).select_related("workshop")
    results = [_sync_one(request, item, sessions) for item in batch]
    return JsonResponse({"results": results})


def _sync_one(request, item, sessions) -> dict:
    try:
        key = str(uuid.UUID(str(item["client_uuid"])))
    except (KeyError, TypeError, ValueError):
        return {"client_uuid": None, "result": "refused", "reason": _("No valid client UUID.")}
    try:
        taken_at = parse_datetime(str(item["taken_at"]))
        session = sessions.get(pk=int(item["session"]))
        enrolment = session.workshop.enrolments.get(pk=int(item["enrolment"]))
    except (KeyError, TypeError, ValueError, Session.DoesNotExist, Enrolment.DoesNotExist):
        taken_at = session = None
    if session is None:
        return {"client_uuid": key, "result": "refused", "reason": _("Unknown session or person.")}
    if taken_at is None or taken_at.tzinfo is None:
        return {
            "client_uuid": key,
            "result": "refused",
            "reason": _("taken_at must be a date and time with its time zone."),
        }
    outcome = services.attendance_mark(
        session=session,
        enrolment=enrolment,
        status=str(item.get("status", "")),
        client_uuid=uuid.UUID(key),
        method=RecordMethod.SYNC,
        user=request.user,
        taken_at=taken_at,
    )
    return {"client_uuid": key, "result": outcome.result, "reason": outcome.reason}
