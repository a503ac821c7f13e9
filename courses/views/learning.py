"""Health workers' pages: My learning, the transcript, claims and their review, the history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import hooks

from courses import selectors, services
from courses.forms import ClaimForm, ReviewForm
from courses.models import ExternalActivity
from courses.views.scope import own_worker
from workforce.duties import exclude_own
from workforce.models import REVIEWING_ROLES, HealthWorker
from workforce.reads import Kind, personal_record_read


@login_required
def my_learning(request):
    worker = own_worker(request)
    context = {"worker": worker}
    if worker:
        context |= {
            "credits": selectors.credits_in_cycle(health_worker=worker),
            "transcript": selectors.transcript_for(health_worker=worker),
            "upcoming": selectors.upcoming_workshops_for(health_worker=worker),
            "join_requests": selectors.join_requests_for(health_worker=worker),
            "claims": worker.external_activities.order_by("-date"),
            # Higher apps add their own sections (certificates: the holder's downloads).
            "sections": [
                html
                for hook in hooks.get_hooks("courses_my_learning_sections")
                if (html := hook(request, worker))
            ],
        }
    return render(request, "courses/my_learning.html", context)


@login_required
def my_transcript(request):
    """The health worker's own transcript as a PDF, English with Arabic, for licence renewal."""
    from courses.pdf import TranscriptRenderer

    worker = own_worker(request)
    if worker is None:
        raise Http404
    content = TranscriptRenderer().render(selectors.transcript_facts(health_worker=worker))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="cme-transcript.pdf"'
    return response


@login_required
def claim_create(request):
    worker = own_worker(request)
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
    return ExternalActivity.objects.visible_to(request.user, roles=REVIEWING_ROLES)


@login_required
def claim_evidence(request, pk):
    activity = get_object_or_404(_claims_for(request), pk=pk)
    personal_record_read(reader=request.user, health_worker=activity.health_worker,
                         kind=Kind.EVIDENCE, detail=activity.title)  # fmt: skip
    handle = activity.evidence.open("rb")
    from courses.evidence import evidence_kind

    media_type = evidence_kind(handle.read(8)) or "application/octet-stream"
    handle.seek(0)
    response = FileResponse(handle, content_type=media_type)
    response["Content-Disposition"] = f'inline; filename="evidence-{activity.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def _claims_to_review(request):
    """Claims the user may decide on: in their reviewer scope, and never their own."""
    return exclude_own(
        ExternalActivity.objects.visible_to(request.user, roles=REVIEWING_ROLES),
        user=request.user,
        worker_path="health_worker",
    )


def _claims_review_page(request, *, failed=None, failed_form=None, status=200):
    claims = (
        _claims_to_review(request)
        .filter(status=ExternalActivity.Status.PENDING)
        .select_related("health_worker", "health_worker__facility")
        .order_by("created_at")
    )
    # The claim whose review failed keeps its bound form (the error and the typed note); others
    # get an empty one.
    reviews = [
        (claim, failed_form if claim.pk == failed else ReviewForm(auto_id=f"claim-{claim.pk}-%s"))
        for claim in claims
    ]
    return render(request, "courses/claims_review.html", {"reviews": reviews}, status=status)


@login_required
def claims_review(request):
    return _claims_review_page(request)


@login_required
@require_POST
def claim_review(request, pk):
    activity = get_object_or_404(_claims_to_review(request), pk=pk)
    form = ReviewForm(request.POST, auto_id=f"claim-{activity.pk}-%s")
    if form.is_valid():
        try:
            services.external_activity_review(
                activity=activity,
                approve=form.cleaned_data["decision"] == "approve",
                note=form.cleaned_data["note"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Review recorded."))
            return redirect("courses:claims_review")
    return _claims_review_page(request, failed=activity.pk, failed_form=form, status=400)


@login_required
def health_worker_history(request, pk):
    worker = get_object_or_404(HealthWorker.objects.visible_to(request.user), pk=pk)
    personal_record_read(reader=request.user, health_worker=worker, kind=Kind.HISTORY)
    return render(
        request,
        "courses/health_worker_history.html",
        {
            "worker": worker,
            "history": selectors.health_worker_history(user=request.user, health_worker=worker),
        },
    )
