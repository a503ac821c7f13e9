import random
import re

import pytest

from django.utils.html import strip_tags

from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from demo import content as content_demo

pytestmark = pytest.mark.django_db
DEMO_CODES = {"OXY-101": "medical oxygen", "HRM-201": "HeRAMS", "PHC-110": "mobile clinics"}


@pytest.fixture
def demo():
    report: dict = {}
    content_demo.seed_courses(rng=random.Random(1), report=report)
    return report


def _words(module: ModulePage) -> int:
    return len(strip_tags(str(module.body)).split())


def _in(language: str):
    return Page.objects.live().filter(locale__language_code=language)


def test_demo_has_the_three_programme_courses_with_three_taught_modules_each(demo):
    courses = CoursePage.objects.live().filter(locale__language_code="en")
    assert set(courses.values_list("code", flat=True)) >= set(DEMO_CODES)
    for course in courses.filter(code__in=DEMO_CODES):
        modules = ModulePage.objects.child_of(course).live()
        assert modules.count() >= 3, course.code
        assert all(_words(module) >= 120 for module in modules), course.code


def test_every_demo_course_and_module_is_translated_into_arabic(demo):
    for course in CoursePage.objects.filter(code__in=DEMO_CODES, locale__language_code="en"):
        for page in [course, *ModulePage.objects.child_of(course)]:
            arabic = _in("ar").filter(translation_key=page.translation_key).specific().first()
            assert arabic is not None, page.title
            assert arabic.title != page.title
            if isinstance(arabic, ModulePage):
                assert _words(arabic) >= 100, arabic.title


def test_one_demo_course_is_also_in_kurdish_with_all_its_modules(demo):
    kurdish = CoursePage.objects.live().filter(code__in=DEMO_CODES, locale__language_code="ckb")
    assert kurdish.exists()
    course = kurdish.first()
    english = course.get_translation(course.get_default_locale())
    modules = ModulePage.objects.child_of(english)
    assert _in("ckb").filter(translation_key__in=modules.values("translation_key")).count() == (
        modules.count()
    )


def test_demo_arabic_module_reads_in_arabic_without_the_fallback_notice(client, demo):
    module = ModulePage.objects.live().filter(locale__language_code="ar").first()
    html = client.get(module.url).content.decode()
    assert 'dir="rtl"' in html
    assert module.title in html
    assert "fallback-notice" not in html


def test_demo_pages_load_nothing_from_another_host(client, demo):
    for page in Page.objects.live().type(CoursePage, ModulePage):
        html = client.get(page.url).content.decode()
        assert not re.search(r'\b(?:src|srcset)="(?:https?:)?//', html), page.url
        assert not re.search(r'<link\b[^>]*href="(?:https?:)?//', html), page.url


def test_demo_handouts_for_staff_only_sit_in_the_restricted_collection(client, demo):
    from wagtail.documents import get_document_model

    restricted = get_document_model().objects.filter(title__contains="(staff only)")
    assert restricted.count() >= 2
    for handout in restricted:
        assert handout.collection.get_view_restrictions().exists()
        assert client.get(handout.url).status_code == 302


def test_seeding_the_demo_twice_adds_no_second_course(demo):
    content_demo.seed_courses(rng=random.Random(1), report={})
    assert CoursePage.objects.filter(code="OXY-101", locale__language_code="en").count() == 1


def test_demo_handouts_are_named_in_the_readers_language(client, demo):
    from wagtail.documents import get_document_model

    english_titles = list(get_document_model().objects.values_list("title", flat=True))
    for module in ModulePage.objects.live().exclude(locale__language_code="en"):
        html = client.get(module.url).content.decode()
        assert [title for title in english_titles if title in html] == [], module.url
