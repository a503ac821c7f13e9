"""Reads of a health worker's learning: credits in the cycle, transcript, upcoming workshops."""

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from courses.models import (
    Completion,
    ExternalActivity,
    Workshop,
)
from courses.validity import expiry_state
from workforce.models import HealthWorker

# Cycles are counted in whole calendar years from this year: with a 3-year cycle, 2024-2026,
# 2027-2029 and so on. The ministry's licensing cycles all started on 1 January 2024.
CYCLE_EPOCH_YEAR = getattr(settings, "CME_CYCLE_EPOCH_YEAR", 2024)


@dataclass(frozen=True)
class CycleCredits:
    starts_on: datetime.date
    ends_on: datetime.date
    required: Decimal
    from_workshops: Decimal
    from_claims: Decimal
    from_licence: bool = False

    @property
    def earned(self) -> Decimal:
        return self.from_workshops + self.from_claims

    @property
    def percent(self) -> int:
        """Share of the requirement earned, capped at 100 for the progress bar."""
        if not self.required:
            return 100
        return min(100, int(self.earned * 100 / self.required))


def cycle_bounds(
    *, cycle_years: int, on: datetime.date, anchor: datetime.date | None = None
) -> tuple[datetime.date, datetime.date]:
    """First and last day of the cycle of `cycle_years` that contains `on`.

    Without an anchor, cycles are calendar years counted from CYCLE_EPOCH_YEAR; with one (a
    person's licence date, when their cadre's rule says so), cycles run from that day.
    """
    years = max(1, cycle_years)
    if anchor is None:
        start = CYCLE_EPOCH_YEAR + ((on.year - CYCLE_EPOCH_YEAR) // years) * years
        return datetime.date(start, 1, 1), datetime.date(start + years - 1, 12, 31)
    cycles = (on.year - anchor.year) // years
    if _years_after(anchor, cycles * years) > on:
        cycles -= 1
    # Both ends from the anchor, so that a 29 February licence leaves no day between two cycles.
    start, next_start = (_years_after(anchor, n * years) for n in (cycles, cycles + 1))
    return start, next_start - datetime.timedelta(days=1)


def _years_after(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def credits_in_cycle(*, health_worker: HealthWorker, on: datetime.date | None = None):
    """CME hours earned in the current cycle (completions and approved claims) against the need.

    A completion counts in the cycle of its completion date; a claim in the cycle of the activity's
    date, once approved.
    """
    return credits_in_cycle_many(health_workers=[health_worker], on=on)[health_worker.pk]


def credits_in_cycle_many(
    *, health_workers: Sequence[HealthWorker], on: datetime.date | None = None
) -> dict[int, CycleCredits]:
    """`credits_in_cycle` of several people (their cadres read), by id, in two queries for all.

    Each person's cycle has its own bounds (a licence-anchored cycle); the hours of everyone are
    read across the widest bounds and each person's summed within their own.
    """
    on = on or timezone.localdate()
    cycles = {}  # each person's (first day, last day, counted from their licence)
    for worker in health_workers:
        cadre = worker.cadre
        anchor = worker.licensed_on if cadre.cycles_from_licence else None
        first, last = cycle_bounds(cycle_years=cadre.cycle_years, on=on, anchor=anchor)
        cycles[worker.pk] = (first, last, anchor is not None)
    if not cycles:
        return {}
    widest = (min(c[0] for c in cycles.values()), max(c[1] for c in cycles.values()))
    people = list(cycles)
    completions = Completion.objects.filter(
        health_worker_id__in=people, is_complete=True, completed_on__range=widest
    ).values_list("health_worker_id", "completed_on", "cme_hours")
    claims = ExternalActivity.objects.filter(
        health_worker_id__in=people, status=ExternalActivity.Status.APPROVED, date__range=widest
    ).values_list("health_worker_id", "date", "hours")
    from_workshops, from_claims = (_hours_in_cycle(rows, cycles) for rows in (completions, claims))
    return {
        worker.pk: CycleCredits(
            starts_on=cycles[worker.pk][0],
            ends_on=cycles[worker.pk][1],
            required=Decimal(worker.cadre.cme_hours_per_cycle),
            from_workshops=from_workshops[worker.pk],
            from_claims=from_claims[worker.pk],
            from_licence=cycles[worker.pk][2],
        )
        for worker in health_workers
    }


def _hours_in_cycle(rows, cycles: dict) -> defaultdict:
    """Each person's hours of `rows` (person, day, hours) that fall within their own cycle."""
    hours = defaultdict(Decimal)
    for worker_id, day, amount in rows:
        first, last, _from_licence = cycles[worker_id]
        if first <= day <= last and amount is not None:
            hours[worker_id] += amount
    return hours


def transcript_for(*, health_worker: HealthWorker):
    """The health worker's evaluated workshops, newest first."""
    return (
        Completion.objects.filter(health_worker=health_worker)
        .select_related("course", "workshop__venue", "workshop__lead_provider")
        .prefetch_related("workshop__partners")
        .order_by("-completed_on")
    )


def upcoming_workshops_for(*, health_worker: HealthWorker, today: datetime.date | None = None):
    """Planned and open workshops of courses meant for the health worker's cadre."""
    today = today or timezone.localdate()
    return (
        Workshop.objects.filter(
            starts_on__gte=today,
            status__in=[Workshop.Status.PLANNED, Workshop.Status.OPEN],
            course__audience_cadres=health_worker.cadre,
        )
        .select_related("course", "venue")
        .distinct()
        .order_by("starts_on")[:10]
    )


def _arabic_title(page) -> str:
    """The title of a page's Arabic translation, when it has one."""
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code="ar").first()
    translated = page.get_translation_or_none(locale) if locale else None
    return translated.title if translated else ""


def _providers_printed(workshop) -> dict:
    """A workshop's providers as a transcript line prints them: names in two scripts, logos."""
    from workforce.logos import logo_for_print

    providers = workshop.providers()
    logos = (logo_for_print(provider.logo.name) for provider in providers)
    return {
        "providers_en": " · ".join(provider.name_en for provider in providers),
        "providers_ar": " · ".join(provider.name_ar or provider.name_en for provider in providers),
        "logos": tuple(logo for logo in logos if logo),
    }


def transcript_facts(*, health_worker: HealthWorker, on: datetime.date | None = None):
    """What the transcript PDF shows: completions, approved claims and this cycle's credits."""
    from courses.pdf import TranscriptClaim, TranscriptFacts, TranscriptLine

    on = on or timezone.localdate()
    credits = credits_in_cycle(health_worker=health_worker, on=on)
    cadre = health_worker.cadre
    claims = health_worker.external_activities.filter(
        status=ExternalActivity.Status.APPROVED
    ).order_by("-date")
    return TranscriptFacts(
        name_latin=health_worker.name_latin,
        name_arabic=health_worker.name_ar,
        licence_number=health_worker.licence_number or "",
        cadre_en=cadre.name_en,
        cadre_ar=cadre.name_ar or cadre.name_en,
        cycle=(
            f"{credits.starts_on:%Y-%m-%d}–{credits.ends_on:%Y-%m-%d}"
            if credits.from_licence  # a licence cycle does not start on 1 January
            else f"{credits.starts_on:%Y}–{credits.ends_on:%Y}"
        ),
        earned=f"{credits.earned.normalize():f}",
        required=f"{credits.required.normalize():f}",
        lines=tuple(
            TranscriptLine(
                course_en=completion.course.title,
                course_ar=_arabic_title(completion.course),
                completed_on=completion.completed_on,
                attendance_percent=str(completion.attendance_percent),
                completed=completion.is_complete,
                cme_hours=str(completion.cme_hours),
                valid_until=completion.valid_until,
                expiry=expiry_state(valid_until=completion.valid_until, on=on),
                **_providers_printed(completion.workshop),
            )
            for completion in transcript_for(health_worker=health_worker)
        ),
        claims=tuple(
            TranscriptClaim(
                title=claim.title, provider=claim.provider, date=claim.date, hours=str(claim.hours)
            )
            for claim in claims
        ),
        issued_on=on,
    )
