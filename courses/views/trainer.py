"""Trainers' pages: their workshops, a workshop, its sessions, roster and scores, closing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import hooks

from core.http import id_or_404
from core.paging import page_of
from courses import selectors, services
from courses.forms import OverrideForm, ScoreGridForm, SessionForm, WalkInForm, WorkshopForm
from courses.models import Completion, Enrolment, Workshop
from courses.programme_forms import ExternalParticipantForm, WorkshopProvidersForm
from courses.views.scope import TRAINER_ROLES, may_train, session_or_404, workshop_or_404
from workforce.models import HealthWorker

# Trainers: workshops and sessions


@login_required
def my_workshops(request):
    workshops = selectors.workshops_for_trainer(user=request.user)
    return render(
        request,
        "courses/my_workshops.html",
        {"workshops": workshops, "may_schedule": may_train(request.user)},
    )


@login_required
def workshop_create(request):
    if not may_train(request.user):
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
    workshop = workshop_or_404(request, pk)
    sessions = list(workshop.sessions.all())
    for session in sessions:
        session.counts = selectors.session_counts(session=session)
    completions = workshop.completions.select_related("health_worker").order_by(
        "health_worker__name_latin"
    )
    join_requests = list(selectors.join_requests_to_decide(workshop=workshop, user=request.user))
    return render(
        request,
        "courses/workshop_detail.html",
        {
            "workshop": workshop,
            "sessions": sessions,
            "enrolled": selectors.workshop_roster(workshop=workshop).count(),
            "join_requests": join_requests,
            "asking": len(join_requests),
            "gain": selectors.workshop_knowledge_gain(workshop=workshop),
            "completions": completions,
            "override_form": OverrideForm(),
            "history": selectors.workshop_history(workshop=workshop, limit=50),
            "statuses": Workshop.Status.choices,
            "imports": workshop.imports.all()[:5],
            "trainer_rows": selectors.workshop_trainers(workshop=workshop),
            "trainer_candidates": services.trainer_candidates(workshop=workshop).exclude(
                pk__in=workshop.trainer_roles.values("user")
            ),
            "lead_candidates": services.trainer_candidates(workshop=workshop),
            "is_master": workshop.course.trainer_course_of_id is not None,
            # Higher apps add their own links (certificates: the workshop's certificates).
            "actions": [
                html
                for hook in hooks.get_hooks("courses_workshop_actions")
                if (html := hook(request, workshop))
            ],
        },
    )


@login_required
def workshop_providers(request, pk):
    workshop = workshop_or_404(request, pk)
    form = WorkshopProvidersForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        services.workshop_providers_set(
            workshop=workshop,
            lead_provider=form.cleaned_data["lead_provider"],
            partners=list(form.cleaned_data["partners"]),
            user=request.user,
        )
        messages.success(request, _("Providers saved."))
        return redirect("courses:workshop_detail", pk=pk)
    return render(request, "courses/workshop_providers.html", {"form": form, "workshop": workshop})


@login_required
@require_POST
def workshop_status(request, pk):
    workshop = workshop_or_404(request, pk)
    status = request.POST.get("status")
    if status not in Workshop.Status.values or status == Workshop.Status.CLOSED:
        raise Http404
    services.workshop_status_set(workshop=workshop, status=status, user=request.user)
    messages.success(request, _("Status changed."))
    return redirect("courses:workshop_detail", pk=pk)


@login_required
def workshop_close(request, pk):
    workshop = workshop_or_404(request, pk)
    if request.method != "POST":
        # Confirmation first: what is missing and what the evaluation will decide, before any
        # completion is stored.
        return render(
            request,
            "courses/workshop_close.html",
            {"workshop": workshop, "preview": selectors.workshop_close_preview(workshop=workshop)},
        )
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
    workshop = workshop_or_404(request, pk)
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
    session = session_or_404(request, pk)
    form = SessionForm(request.POST or None, instance=session)
    if request.method == "POST" and form.is_valid():
        services.session_update(session=session, user=request.user, **form.cleaned_data)
        return redirect("courses:workshop_detail", pk=session.workshop_id)
    return render(request, "courses/session_form.html", {"form": form, "session": session})


# Trainers: roster


@login_required
def roster(request, pk):
    workshop = workshop_or_404(request, pk)
    query = request.GET.get("q", "")
    enrolled_ids = set(workshop.enrolments.values_list("health_worker_id", flat=True))
    return render(
        request,
        "courses/roster.html",
        {
            "workshop": workshop,
            "query": query,
            "found": selectors.registry_search(user=request.user, query=query),
            "enrolled_ids": enrolled_ids,
            **page_of(request, selectors.workshop_roster(workshop=workshop)),
            "join_requests": selectors.join_requests_to_decide(
                workshop=workshop, user=request.user
            ),
        },
    )


@login_required
@require_POST
def roster_add(request, pk):
    workshop = workshop_or_404(request, pk)
    worker = get_object_or_404(
        HealthWorker.objects.visible_to(request.user, roles=TRAINER_ROLES),
        pk=id_or_404(request.POST.get("health_worker")),
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
    workshop = workshop_or_404(request, pk)
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
def roster_external(request, pk):
    workshop = workshop_or_404(request, pk)
    form = ExternalParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.external_participant_add(
                workshop=workshop, user=request.user, **form.worker_fields()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("External participant added to the roster."))
            return redirect("courses:roster", pk=pk)
    return render(
        request, "courses/external_participant_form.html", {"form": form, "workshop": workshop}
    )


@login_required
@require_POST
def enrolment_withdraw(request, pk):
    enrolment = get_object_or_404(
        Enrolment.objects.filter(workshop__in=Workshop.objects.manageable_by(request.user)), pk=pk
    )
    services.enrolment_withdraw(enrolment=enrolment, user=request.user)
    messages.success(request, _("%(name)s withdrawn.") % {"name": enrolment.health_worker})
    return redirect("courses:roster", pk=enrolment.workshop_id)


# Trainers: scores


@login_required
def scores(request, pk):
    """The score grid: every pre- and post-test of the roster on one form, saved all or nothing."""
    workshop = workshop_or_404(request, pk)
    people = list(selectors.workshop_roster(workshop=workshop))
    form = ScoreGridForm(
        request.POST if request.method == "POST" else None,
        people=people,
        current=selectors.workshop_scores(workshop=workshop),
    )
    if request.method == "POST":
        if form.is_valid():
            services.scores_record(grid=form.grid(), user=request.user)
            messages.success(request, _("Scores saved."))
            return redirect("courses:workshop_detail", pk=pk)
        messages.error(request, _("Nothing was saved: correct the marked cells."))
    return render(
        request, "courses/scores.html", {"workshop": workshop, "rows": form.rows(), "form": form}
    )
