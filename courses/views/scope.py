"""How the pages find their records: through the family's scoping, a 404 outside it."""

from django.shortcuts import get_object_or_404

from courses.models import Session, Workshop
from workforce.models import TRAINING_ROLES, HealthWorker

TRAINER_ROLES = TRAINING_ROLES


def workshop_or_404(request, pk) -> Workshop:
    """A workshop the user may manage."""
    return get_object_or_404(
        Workshop.objects.manageable_by(request.user).select_related("course", "venue"), pk=pk
    )


def session_or_404(request, pk) -> Session:
    """A session of a workshop the user may manage."""
    return get_object_or_404(
        Session.objects.filter(
            workshop__in=Workshop.objects.manageable_by(request.user)
        ).select_related("workshop__course", "workshop__venue"),
        pk=pk,
    )


def may_train(user) -> bool:
    """Whether the user schedules and runs workshops."""
    return user.is_superuser or user.role_assignments.filter(role__in=TRAINER_ROLES).exists()


def own_worker(request) -> HealthWorker | None:
    """The health worker record of the signed-in user, if their account is linked to one."""
    return HealthWorker.objects.filter(user=request.user).select_related("cadre").first()
