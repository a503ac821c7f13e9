"""Which language stands in for an untranslated page is a setting: CONTENT_FALLBACK_LANGUAGES."""

import pytest

from tests.factories.course_pages import translation_of
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db


def test_kurdish_reader_gets_the_english_original_by_default(client):
    course = course_page(title="Oxygen", slug="oxygen", summary="Cylinders.")
    translation_of(course, language="ar", title="الأوكسجين", summary="الأسطوانات.")
    html = client.get("/ckb/courses/oxygen/").content.decode()
    assert "<h1>Oxygen</h1>" in html
    assert '<header lang="en" dir="ltr">' in html


def test_kurdish_reader_gets_the_arabic_version_when_the_ministry_sets_it_first(client, settings):
    settings.CONTENT_FALLBACK_LANGUAGES = {"ckb": ["ar", "en"]}
    course = course_page(title="Oxygen", slug="oxygen", summary="Cylinders.")
    translation_of(course, language="ar", title="الأوكسجين", summary="الأسطوانات.")
    html = client.get("/ckb/courses/oxygen/").content.decode()
    assert "<h1>الأوكسجين</h1>" in html
    assert '<header lang="ar" dir="rtl">' in html
    assert "بە عەرەبی دەیخوێنیتەوە" in html


def test_kurdish_catalogue_lists_the_arabic_version_when_it_comes_first(client, settings):
    settings.CONTENT_FALLBACK_LANGUAGES = {"ckb": ["ar", "en"]}
    course = course_page(title="Oxygen", slug="oxygen")
    translation_of(course, language="ar", title="الأوكسجين")
    html = client.get("/ckb/courses/").content.decode()
    assert "الأوكسجين" in html
    assert "Oxygen" not in html
    assert "ئێستا تەنها بە عەرەبی" in html
