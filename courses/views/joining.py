"""Asking to join a workshop (health workers) and deciding on the requests (trainers)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses import services
from courses.models import JoinRequest, Workshop
from courses.views.scope import own_worker


def _back(request, fallback: str) -> str:
    """Where the asking page sent the reader from: a path on this site, else `fallback`."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return target
    return fallback


@login_required
@require_POST
def workshop_join(request, pk):
    """A health worker asks to join a workshop of a course they read (refusals say why)."""
    worker = own_worker(request)
    # Any workshop of a published course: one that has begun or closed is refused with the
    # reason (the page may be older than the workshop's start); a draft course's is not found.
    workshop = get_object_or_404(Workshop.objects.filter(course__live=True), pk=pk)
    back = _back(request, "/")
    if worker is None:
        messages.error(
            request,
            _("Only a health worker whose account is linked to a registry record can ask to join."),
        )
        return HttpResponseRedirect(back)
    try:
        services.join_request_create(workshop=workshop, health_worker=worker)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("You asked to join. The trainer decides; the course page shows the answer."),
        )
    return HttpResponseRedirect(back)


@login_required
@require_POST
def join_request_decide(request, pk):
    """A trainer who runs the workshop accepts or declines a request to join it.

    Shown on the workshop's page and on its roster; the decision goes back to the page it came from.
    """
    join = get_object_or_404(
        JoinRequest.objects.filter(workshop__in=Workshop.objects.manageable_by(request.user)),
        pk=pk,
    )
    accept = request.POST.get("decision") == "accept"
    try:
        services.join_request_decide(request=join, accept=accept, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if accept:
            messages.success(
                request, _("%(name)s is on the roster.") % {"name": join.health_worker}
            )
        else:
            messages.success(request, _("The request was declined."))
    return HttpResponseRedirect(_back(request, reverse("courses:roster", args=[join.workshop_id])))
