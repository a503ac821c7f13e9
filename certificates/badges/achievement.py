"""The achievement a certificate proves: a course, with a page of its own in three languages.

Its `id` is the course's achievement page without a language prefix (English); the same page under
`/ar/` and `/ckb/` is in Arabic and Kurdish, and `.json` beside it is the Achievement as JSON.
"""

from decimal import Decimal

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale

from certificates.badges.keys import site_url
from courses.models import CoursePage

FIELD_OF_STUDY = "Continuing medical education"


def hours_number(value: Decimal) -> int | float:
    """CME hours as a JSON number: an integer when whole (as every JSON-LD processor reads it)."""
    return int(value) if value == int(value) else float(value)


def achievement_url(code: str, *, suffix: str = "") -> str:
    """The achievement's id: its page in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        return site_url(reverse("certificates:achievement" + suffix, args=[code]))


def achievement_course(*, code: str, language: str) -> CoursePage:
    """The live course with this code, in the reader's language where translated; else 404."""
    courses = CoursePage.objects.live().filter(code=code)
    course = courses.filter(locale=Locale.get_default()).first() or courses.first()
    if course is None:
        raise Http404
    translated = course.get_translations(inclusive=True).live()
    return translated.filter(locale__language_code=language).first() or course


def criteria_narrative(course: CoursePage) -> str:
    """The completion rule in words, in the active language."""
    values = {"attendance": course.min_attendance_percent, "pass_mark": course.pass_mark_percent}
    if course.pass_mark_percent is None:
        return _("Attend at least %(attendance)s%% of the workshop's sessions.") % values
    return (
        _(
            "Attend at least %(attendance)s%% of the workshop's sessions and score at least "
            "%(pass_mark)s%% in the post-test."
        )
        % values
    )


def achievement_document(*, course: CoursePage, hours: Decimal | None = None) -> dict:
    """The Open Badges Achievement of a course, in the active language."""
    language = course.locale.language_code
    with translation.override(language):
        narrative = criteria_narrative(course)
    return {
        "id": achievement_url(course.code),
        "type": ["Achievement"],
        "achievementType": "CertificateOfCompletion",
        "name": course.title,
        "description": course.summary or course.title,
        "criteria": {"id": achievement_url(course.code), "narrative": narrative},
        "creditsAvailable": hours_number(course.cme_hours if hours is None else hours),
        "fieldOfStudy": FIELD_OF_STUDY,
        "humanCode": course.code,
        "inLanguage": language,
    }
