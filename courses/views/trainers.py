"""A workshop's trainers: adding a co-trainer or facilitator, removing one, naming the lead."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.http import id_or_404
from courses import services
from courses.models import WorkshopTrainer
from courses.views.scope import workshop_or_404


def _refused(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


@login_required
@require_POST
def trainer_add(request, pk):
    workshop = workshop_or_404(request, pk)
    trainer = get_object_or_404(
        services.trainer_candidates(workshop=workshop), pk=id_or_404(request.POST.get("trainer"))
    )
    try:
        services.workshop_trainer_add(
            workshop=workshop, trainer=trainer, role=request.POST.get("role", ""), user=request.user
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Trainer added."))
    return redirect("courses:workshop_detail", pk=pk)


@login_required
@require_POST
def trainer_remove(request, pk):
    workshop = workshop_or_404(request, pk)
    row = get_object_or_404(
        WorkshopTrainer.objects.filter(workshop=workshop), pk=id_or_404(request.POST.get("row"))
    )
    try:
        services.workshop_trainer_remove(row=row, user=request.user)
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Trainer removed."))
    return redirect("courses:workshop_detail", pk=pk)


@login_required
@require_POST
def lead_set(request, pk):
    workshop = workshop_or_404(request, pk)
    trainer = get_object_or_404(
        services.trainer_candidates(workshop=workshop), pk=id_or_404(request.POST.get("trainer"))
    )
    try:
        services.workshop_lead_set(
            workshop=workshop,
            trainer=trainer,
            user=request.user,
            waiver_reason=request.POST.get("waiver_reason", ""),
        )
    except ValidationError as error:
        _refused(request, error)
    else:
        messages.success(request, _("Lead trainer set."))
    return redirect("courses:workshop_detail", pk=pk)
