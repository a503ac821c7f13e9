import pytest

from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, CourseSectionPage, HomePage, ModulePage

pytestmark = pytest.mark.django_db


def test_course_may_live_in_the_catalogue_or_a_section_only():
    assert set(CoursePage.allowed_parent_page_models()) == {CourseIndexPage, CourseSectionPage}


def test_module_may_live_only_under_a_course_and_has_no_children():
    assert ModulePage.allowed_parent_page_models() == [CoursePage]
    assert ModulePage.allowed_subpage_models() == []


def test_catalogue_holds_sections_and_courses_but_not_modules():
    assert set(CourseIndexPage.allowed_subpage_models()) == {CourseSectionPage, CoursePage}
    assert not ModulePage.can_exist_under(CourseIndexPage.objects.first())


def test_home_page_sits_at_the_root_and_holds_only_the_catalogue():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert HomePage.allowed_subpage_models() == [CourseIndexPage]


def test_a_course_cannot_be_created_directly_under_the_home_page():
    home = HomePage.objects.get(locale__language_code="en")
    assert not CoursePage.can_create_at(home)
    assert CoursePage.can_create_at(CourseIndexPage.objects.get(locale__language_code="en"))
