"""Arabic and Kurdish pages: hours as "12 ساعة", Latin text isolated, no raw field names or UTC."""

import datetime
from decimal import Decimal

import polib
import pytest

from django.conf import settings
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from tests.courses.test_views_trainer import tap
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
)
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return Template("{% load tracking %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("ar", Decimal("12.0"), "<bdi>12</bdi> ساعة"),
        ("ckb", Decimal("12.0"), "<bdi>12</bdi> کاتژمێر"),
        ("en", Decimal("1.0"), "<bdi>1</bdi> hour"),
        ("en", Decimal("7.5"), "<bdi>7.5</bdi> hours"),
    ],
)
def test_hours_print_whole_numbers_without_a_decimal_and_with_a_translated_unit(
    language, value, expected
):
    assert render("{{ value|hours }}", language, value=value) == expected


def test_my_learning_in_arabic_shows_claim_hours_in_arabic_and_isolates_latin_titles(
    client, participant_user, kirkuk_worker
):
    ExternalActivityFactory(health_worker=kirkuk_worker, hours=Decimal("6.0"))
    enrolment = EnrolmentFactory(health_worker=kirkuk_worker)
    CompletionFactory(enrolment=enrolment, completed_on=datetime.date.today())
    client.force_login(participant_user)
    page = client.get("/ar" + reverse("courses:my_learning")).content.decode()
    assert "<bdi>6</bdi> ساعات" in page
    assert " h<" not in page and "6,0" not in page and "12,0" not in page
    assert "<bdi>Regional emergency medicine conference</bdi>" in page


def test_a_course_card_isolates_its_code_and_prints_whole_hours(client):
    from tests.factories.courses import course_page

    course = course_page(code="OXY-101", cme_hours=Decimal("12.0"))
    page = client.get("/ar" + course.get_parent().url).content.decode()
    assert '<bdi class="code">OXY-101</bdi> · 12 ' in page


def test_the_history_in_arabic_shows_labelled_fields_and_baghdad_time(
    client, trainer, workshop, settings
):
    enrolment = EnrolmentFactory(workshop=workshop)
    client.force_login(trainer)
    tap(client, workshop.sessions.first(), enrolment, "present")
    tap(client, workshop.sessions.first(), enrolment, "late")
    page = client.get("/ar" + reverse("courses:workshop_detail", args=[workshop.pk]))
    history = page.content.decode().split('class="history')[1]
    assert "status=" not in history and "taken_at" not in history and "session_id" not in history
    assert "<dt>الحضور</dt><dd><bdi>متأخر</bdi></dd>" in history
    assert "<dt>الجلسة</dt>" in history
    taken_at = enrolment.marks.get().taken_at
    assert f"{timezone.localtime(taken_at):%H:%M}" in history  # Baghdad time, as the page's
    assert f"{taken_at.astimezone(datetime.UTC):%H:%M:%S}" not in history  # not the stored UTC


def test_the_arabic_login_error_says_password_with_the_same_word_as_the_rest_of_the_page(client):
    UserFactory(username="sara")
    page = client.post("/ar/accounts/login/", {"username": "sara", "password": "wrong"})
    text = page.content.decode()
    assert "كلمة المرور" in text
    assert "كلمة السر" not in text


def test_every_arabic_translation_of_a_password_string_uses_one_word():
    import django.contrib.auth

    catalogue = polib.pofile(f"{django.contrib.auth.__path__[0]}/locale/ar/LC_MESSAGES/django.po")
    with translation.override("ar"):
        shown = [
            translation.gettext(entry.msgid)
            for entry in catalogue
            if "password" in entry.msgid.lower() and not entry.msgid_plural
        ]
    assert shown and not [text for text in shown if "كلمة السر" in text]


def test_the_trainers_list_says_how_many_are_enrolled_in_arabic(client, trainer, workshop):
    EnrolmentFactory.create_batch(15, workshop=workshop)
    client.force_login(trainer)
    page = client.get("/ar" + reverse("courses:my_workshops")).content.decode()
    assert "15 مسجلاً" in page
    assert "enrolled" not in page


def test_back_links_draw_their_arrow_by_direction_not_as_a_fixed_character(
    client, trainer, workshop
):
    client.force_login(trainer)
    page = client.get("/ar" + reverse("courses:roster", args=[workshop.pk])).content.decode()
    assert 'class="back-arrow"' in page and "←" not in page
    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    assert '[dir="rtl"] .back-arrow::before { content: "→"; }' in css
