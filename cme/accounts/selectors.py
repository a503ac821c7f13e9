"""Reads about accounts: a person's language, their registry record, their roles."""

from django.conf import settings
from django.db.models import QuerySet

from workforce.models import Facility, Governorate, HealthWorker, RoleAssignment


def preferred_language(*, user) -> str:
    """The language the user chose on their profile, or "" if they never chose."""
    preferences = getattr(user, "preferences", None) if user.pk else None
    return getattr(preferences, "language", "")


def language_for(*, user) -> str:
    """The language to use when writing to this user (emails, PDFs); the site default if unset."""
    return preferred_language(user=user) or settings.LANGUAGE_CODE


def health_worker_of(*, user) -> HealthWorker | None:
    """The registry record linked to this account, if any."""
    if not user.is_authenticated:
        return None
    return (
        HealthWorker.objects.select_related("cadre", "facility__governorate")
        .filter(user=user)
        .first()
    )


def role_assignments_of(*, user) -> QuerySet[RoleAssignment]:
    """The user's own roles with the places they cover."""
    return RoleAssignment.objects.filter(user=user).select_related(
        "governorate", "directorate", "facility"
    )


def roles_of(*, user) -> set[str]:
    """The names of the roles the user holds anywhere, for deciding which links to show."""
    if not user.is_authenticated:
        return set()
    return set(RoleAssignment.objects.filter(user=user).values_list("role", flat=True))


def registration_governorates() -> QuerySet[Governorate]:
    """Governorates offered when a health worker registers (the public list of places)."""
    return Governorate.objects.order_by("name_en")


def registration_facilities(*, governorate_id: int | None) -> QuerySet[Facility]:
    """Active facilities of one governorate, offered when a health worker registers."""
    if not governorate_id:
        return Facility.objects.none()
    return Facility.objects.filter(governorate_id=governorate_id, is_active=True).order_by(
        "name_en"
    )
