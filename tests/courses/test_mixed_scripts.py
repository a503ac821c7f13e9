"""Latin words in Arabic and Kurdish content keep their order, and untranslated titles say so."""

import pytest

from django.urls import reverse
from django.utils.translation import override

from tests.factories.course_pages import module_page, translation_of
from tests.factories.courses import ExternalActivityFactory, course_page

pytestmark = pytest.mark.django_db

ARABIC_BODY = [
    {
        "type": "paragraph",
        "value": '<p>استخدم استمارة HeRAMS وافتح <a href="/docs/index.html">index.html</a></p>',
    },
    {"type": "heading", "value": "محطات PSA"},
]


def test_latin_words_in_an_arabic_module_are_isolated_and_its_links_kept(client):
    course = course_page(title="Oxygen", slug="oxygen", code="OXY-101")
    module = module_page(course, title="Sources", slug="sources")
    translation_of(course, language="ar", title="الأوكسجين", summary="محطات PSA في المستشفى")
    translation_of(module, language="ar", title="مصادر MUAC", body=ARABIC_BODY)
    html = client.get("/ar/courses/oxygen/sources/").content.decode()
    assert '<h1>مصادر <bdi dir="ltr">MUAC</bdi></h1>' in html
    assert 'استخدم استمارة <bdi dir="ltr">HeRAMS</bdi> وافتح' in html
    assert '<a href="/docs/index.html"><bdi dir="ltr">index.html</bdi></a>' in html
    assert 'محطات <bdi dir="ltr">PSA</bdi>' in html
    course_html = client.get("/ar/courses/oxygen/").content.decode()
    assert 'محطات <bdi dir="ltr">PSA</bdi> في المستشفى' in course_html
    assert '<bdi dir="ltr">OXY-101</bdi>' in course_html


def test_an_english_page_shown_in_arabic_is_marked_english_and_left_as_written(client):
    course = course_page(title="Oxygen", slug="oxygen", summary="PSA plants")
    module_page(course, title="Sources", slug="sources")
    html = client.get("/ar/courses/oxygen/").content.decode()
    assert '<header lang="en" dir="ltr">' in html
    assert '<p class="lead">PSA plants</p>' in html


def test_a_kurdish_trainer_sees_an_untranslated_course_title_marked_english(
    client, trainer, workshop
):
    client.force_login(trainer)
    with override("ckb"):
        html = client.get(reverse("courses:my_workshops")).content.decode()
    title = workshop.course.title
    assert f'<bdi lang="en" dir="ltr">{title}</bdi>' in html


def test_a_translated_course_title_is_not_marked_as_another_language(client, trainer, workshop):
    translation_of(workshop.course, language="ckb", title="ئۆکسجین")
    client.force_login(trainer)
    with override("ckb"):
        html = client.get(reverse("courses:my_workshops")).content.decode()
    assert "<strong><bdi>ئۆکسجین</bdi></strong>" in html


def test_a_reviewers_note_in_english_is_laid_out_in_its_own_direction(
    client, participant_user, kirkuk_worker
):
    note = "Attendance certificate checked."
    ExternalActivityFactory(health_worker=kirkuk_worker, status="approved", review_note=note)
    client.force_login(participant_user)
    with override("ar"):
        html = client.get(reverse("courses:my_learning")).content.decode()
    assert f'<div class="muted small" dir="auto">{note}</div>' in html
