"""Deleting a record that others still use is refused with a message, never a server error."""

import pytest

from courses.models import CoursePage, Workshop
from tests.factories.courses import WorkshopFactory, course_page
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def _national_admin(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))


def test_deleting_a_course_with_workshops_is_refused_with_a_message_and_keeps_both(client):
    course = course_page()
    WorkshopFactory(course=course)
    _national_admin(client)
    url = f"/admin/pages/{course.pk}/delete/"
    response = client.post(url, HTTP_REFERER=f"http://testserver{url}", follow=True)
    assert response.status_code == 200
    assert "cannot be deleted because other records still use it (1 workshop)" in (
        response.content.decode()
    )
    assert CoursePage.objects.filter(pk=course.pk).exists()
    assert Workshop.objects.filter(course=course).count() == 1


def test_the_refusal_reads_in_arabic_in_the_arabic_admin(client):
    from wagtail.users.models import UserProfile

    course = course_page()
    WorkshopFactory(course=course)
    WorkshopFactory(course=course)
    user = UserFactory(is_superuser=True, is_staff=True)
    UserProfile.objects.create(user=user, preferred_language="ar")
    client.force_login(user)
    response = client.post(f"/admin/pages/{course.pk}/delete/", follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "لا يمكن حذف" in html
    assert "cannot be deleted" not in html
