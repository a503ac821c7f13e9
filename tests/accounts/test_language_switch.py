"""The language switcher lands on the same page in the chosen language, from every page."""

import itertools

import pytest

from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from tests.factories.course_pages import module_page, translation_of
from tests.factories.courses import course_page
from tests.urlwalk import i18n_routes, sample_kwargs

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
PAIRS = list(itertools.permutations(LANGUAGES, 2))
QUERY = "?q=%D8%B9%D9%84%D9%8A&page=2"


def switch(client, next_url: str, language: str) -> str:
    """Choose `language` on the page at `next_url`, as a reader who came by a link (no cookie)."""
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)
    response = client.post(reverse("set_language"), {"language": language, "next": next_url})
    assert response.status_code == 302
    return response["Location"]


def routes_with_samples():
    for route in i18n_routes():
        kwargs = sample_kwargs(route)
        if kwargs is not None:
            yield route.name, kwargs


def test_the_walk_finds_the_app_pages_under_every_prefix():
    names = {name for name, _kwargs in routes_with_samples()}
    assert {"courses:my_learning", "certificates:workshop", "coverage:index"} <= names
    assert {"verify:page", "accounts:profile", "courses:session_qr"} <= names


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_switching_from_any_app_page_lands_on_the_same_page_in_the_new_language(
    client, source, target
):
    wrong = []
    for name, kwargs in routes_with_samples():
        with override(source):
            here = reverse(name, kwargs=kwargs)
        with override(target):
            expected = reverse(name, kwargs=kwargs)
        landed = switch(client, here + QUERY, target)
        if landed != expected + QUERY:
            wrong.append((here, landed))
    assert wrong == []


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_switching_remembers_the_choice_whatever_the_page(client, source, target):
    with override(source):
        here = reverse("courses:my_learning")
    client.post(reverse("set_language"), {"language": target, "next": here})
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == target


@pytest.fixture
def course_tree():
    """A course with a module; the course is translated into Arabic, the module is not."""
    course = course_page(title="Oxygen", slug="oxygen")
    module = module_page(course, title="Cylinders", slug="cylinders")
    arabic_course = translation_of(course, language="ar", title="الأكسجين", slug="al-oksijin")
    arabic_course.refresh_from_db()
    assert arabic_course.url_path.endswith("/al-oksijin/")
    return course, module, arabic_course


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_switching_from_a_course_page_lands_on_the_course_in_the_new_language(
    client, course_tree, source, target
):
    course, _module, arabic_course = course_tree
    pages = {"en": course, "ar": arabic_course, "ckb": course}
    prefix = {"en": "", "ar": "/ar", "ckb": "/ckb"}
    here = prefix[source] + "/" + _site_path(pages[source])
    landed = switch(client, here + QUERY, target)
    assert landed == prefix[target] + "/" + _site_path(pages[target]) + QUERY
    assert client.get(landed).status_code in (200, 302)


@pytest.mark.parametrize(("source", "target"), PAIRS)
def test_switching_from_an_untranslated_module_keeps_the_reader_on_that_module(
    client, course_tree, source, target
):
    _course, module, _arabic = course_tree
    prefix = {"en": "", "ar": "/ar", "ckb": "/ckb"}
    english_path = "/" + _site_path(module)
    here = prefix[source] + english_path.replace("/oxygen/", _course_slug(source))
    landed = switch(client, here, target)
    assert landed == prefix[target] + english_path.replace("/oxygen/", _course_slug(target))


def _course_slug(language: str) -> str:
    return "/al-oksijin/" if language == "ar" else "/oxygen/"


def _site_path(page) -> str:
    """The page's path below its locale's home page (`courses/oxygen/`)."""
    return page.url_path.split("/", 2)[2]
