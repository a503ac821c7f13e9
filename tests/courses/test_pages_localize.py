import pytest

from wagtail.models import Locale

from courses.models import HomePage
from tests.factories.course_pages import module_page
from tests.factories.courses import course_page
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def test_translate_action_with_subtree_gives_a_browsable_arabic_tree(
    client, django_capture_on_commit_callbacks
):
    course = course_page(title="Oxygen", slug="oxygen")
    module_page(course, title="Cylinders", slug="cylinders")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    home = HomePage.objects.get(locale__language_code="en")
    arabic = Locale.objects.get(language_code="ar")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{home.pk}/",
            {"locales": [arabic.pk], "include_subtree": "on"},
        )
    assert response.status_code == 302
    client.logout()
    assert client.get("/ar/courses/oxygen/cylinders/").status_code == 200
    assert "fallback-notice" not in client.get("/ar/courses/oxygen/").content.decode()
