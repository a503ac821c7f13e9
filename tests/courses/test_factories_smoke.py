import pytest

from tests.factories.courses import CompletionFactory

pytestmark = pytest.mark.django_db


def test_a_three_day_workshop_has_three_sessions_and_its_completion_earns_course_hours():
    completion = CompletionFactory()
    assert completion.workshop.sessions.count() == 3
    assert completion.cme_hours == completion.course.cme_hours
