import pytest

from courses.models import CoursePage
from tests.factories.course_pages import course_section, document, module_page
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, governorate, staff_user
from workforce.services import role_unassign

pytestmark = pytest.mark.django_db


def _course_in(section, slug):
    course = section.add_child(instance=CoursePage(title=slug, slug=slug, code=slug, cme_hours=4))
    course.save_revision().publish()
    return course


def _trainer_of(code, username):
    user = UserFactory(username=username)
    RoleAssignmentFactory(
        user=user, role="trainer", level="governorate", governorate=governorate(code)
    )
    return user


def test_trainer_edits_the_courses_of_their_governorate_only():
    kirkuk_course = _course_in(course_section(governorate_code="KIR"), "kirkuk-oxygen")
    basra_course = _course_in(course_section(governorate_code="BAS"), "basra-triage")
    trainer = _trainer_of("KIR", "trainer.kirkuk")
    assert kirkuk_course.permissions_for_user(trainer).can_edit()
    assert not basra_course.permissions_for_user(trainer).can_edit()


def test_trainer_is_refused_the_editor_of_another_governorates_course(client):
    basra_course = _course_in(course_section(governorate_code="BAS"), "basra-triage")
    kirkuk_course = _course_in(course_section(governorate_code="KIR"), "kirkuk-oxygen")
    client.force_login(_trainer_of("KIR", "trainer.kirkuk"))
    assert client.get(f"/admin/pages/{kirkuk_course.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{basra_course.pk}/edit/").status_code in (302, 403)


def test_trainer_may_not_publish_without_review():
    course = _course_in(course_section(governorate_code="KIR"), "kirkuk-oxygen")
    trainer = _trainer_of("KIR", "trainer.kirkuk")
    assert not course.permissions_for_user(trainer).can_publish()


def test_losing_the_trainer_role_removes_the_editing_rights():
    course = _course_in(course_section(governorate_code="KIR"), "kirkuk-oxygen")
    trainer = _trainer_of("KIR", "trainer.kirkuk")
    administrator = staff_user("administrator", "national")
    for assignment in trainer.role_assignments.all():
        role_unassign(assignment=assignment, actor=administrator)  # as the admin's delete view does
    assert not course.permissions_for_user(trainer).can_edit()


def test_submitted_module_goes_live_only_when_a_reviewer_approves():
    course = _course_in(course_section(governorate_code="KIR"), "kirkuk-oxygen")
    trainer = _trainer_of("KIR", "trainer.kirkuk")
    reviewer = UserFactory(username="reviewer")
    RoleAssignmentFactory(user=reviewer, role="reviewer", level="national")
    module = module_page(course, title="Cylinders", publish=False)
    module.save_revision(user=trainer)
    workflow_state = module.get_workflow().start(module, trainer)
    module.refresh_from_db()
    assert not module.live
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.get_actions(module, trainer) == []
    task_state.task.specific.on_action(task_state, reviewer, "approve")
    module.refresh_from_db()
    assert module.live


def test_restricted_handout_is_refused_to_anonymous_readers(client):
    handout = document(title="Supplier list", content=b"%PDF-1.4 secret", restricted=True)
    response = client.get(handout.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert b"secret" not in b"".join(getattr(response, "streaming_content", [response.content]))


def test_restricted_handout_is_served_to_signed_in_staff(client):
    handout = document(title="Supplier list", content=b"%PDF-1.4 secret", restricted=True)
    client.force_login(staff_user("trainer", "national"))
    response = client.get(handout.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"


def test_restricted_handout_is_not_found_for_a_signed_in_health_worker(client):
    handout = document(title="Supplier list", content=b"%PDF-1.4 secret", restricted=True)
    client.force_login(UserFactory())
    response = client.get(handout.url)
    assert response.status_code == 404
    assert b"secret" not in response.content


def test_public_handouts_are_served_through_the_serve_view_not_the_media_folder(client):
    handout = document(title="Poster", content=b"%PDF-1.4 poster")
    assert handout.url.startswith("/documents/")
    assert b"".join(client.get(handout.url).streaming_content) == b"%PDF-1.4 poster"
