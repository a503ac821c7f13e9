"""Reads about accounts: a person's language, their registry record, their roles."""

from django.conf import settings
from django.db.models import QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from workforce.models import Cadre, Facility, Governorate, HealthWorker, RoleAssignment


def preferred_language(*, user) -> str:
    """The language the user chose on their profile, or "" if they never chose."""
    preferences = getattr(user, "preferences", None) if user.pk else None
    return getattr(preferences, "language", "")


def language_for(*, user) -> str:
    """The language to use when writing to this user (emails, PDFs); the site default if unset."""
    return preferred_language(user=user) or settings.LANGUAGE_CODE


NOTICE_CHANNELS = ("email", "sms")


def notice_channel_wanted(*, user, channel: str) -> bool:
    """Whether the person lets notices reach them on `channel` ("email" or "sms"); yes unless
    they turned it off on their profile (a walk-in with no account has not)."""
    preferences = getattr(user, "preferences", None) if user is not None and user.pk else None
    return preferences is None or getattr(preferences, f"notices_by_{channel}")


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


def _in_reading_order(queryset: QuerySet) -> QuerySet:
    """Sorted by the name the reader sees: in their language, or in English where that is blank."""
    language = (get_language() or "en").split("-")[0]
    if language not in ("ar", "ckb"):
        return queryset.order_by("name_en")
    return queryset.order_by(Coalesce(NullIf(f"name_{language}", Value("")), "name_en"))


def registration_cadres() -> QuerySet[Cadre]:
    """Cadres offered when a health worker registers."""
    return _in_reading_order(Cadre.objects.all())


def registration_governorates() -> QuerySet[Governorate]:
    """Governorates offered when a health worker registers (the public list of places)."""
    return _in_reading_order(Governorate.objects.all())


def registration_facilities(*, governorate_id: int | None) -> QuerySet[Facility]:
    """Active facilities of one governorate, offered when a health worker registers."""
    if not governorate_id:
        return Facility.objects.none()
    return _in_reading_order(Facility.objects.filter(governorate_id=governorate_id, is_active=True))


def is_staff_member(*, user) -> bool:
    """Staff for the session rules: any role assignment, or Django's staff or superuser flag."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or RoleAssignment.objects.filter(user=user).exists()
