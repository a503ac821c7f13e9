"""Workflow, task and site names are stored in English and shown in the admin reader's language."""

import json

import pytest

from django.utils.translation import override

from wagtail.models import Task, Workflow
from wagtail.users.models import UserProfile

from courses.models import CoursePage
from tests.factories.course_pages import course_section, module_page
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, governorate

pytestmark = pytest.mark.django_db


def _arabic_trainer(client):
    user = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=user, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    UserProfile.objects.create(user=user, preferred_language="ar")
    client.force_login(user)
    return user


def _module():
    section = course_section(governorate_code="KIR")
    course = section.add_child(
        instance=CoursePage(title="Oxygen", slug="oxy", code="OXY", cme_hours=4)
    )
    course.save_revision().publish()
    return module_page(course, title="Cylinders", slug="cylinders")


def test_arabic_editor_offers_to_submit_to_the_workflow_named_in_arabic(client):
    _arabic_trainer(client)
    html = client.get(f"/admin/pages/{_module().pk}/edit/").content.decode()
    assert "تقديم إلى مراجعة الدورة" in html
    assert "Course review" not in html


def test_english_editor_keeps_the_english_workflow_name(client):
    user = _arabic_trainer(client)
    UserProfile.objects.filter(user=user).update(preferred_language="en")
    html = client.get(f"/admin/pages/{_module().pk}/edit/").content.decode()
    assert "Submit to Course review" in html


def test_submitted_page_shows_the_task_in_arabic(client):
    user = _arabic_trainer(client)
    module = _module()
    module.get_workflow().start(module, user)
    html = client.get(f"/admin/pages/{module.pk}/edit/").content.decode()
    assert "موافقة المراجِع" in html
    assert "Reviewer approval" not in html


def test_arabic_dashboard_names_the_site_in_arabic(client):
    _arabic_trainer(client)
    _module()
    html = client.get("/admin/").content.decode()
    assert "منصة التعليم الطبي المستمر" in html


def test_arabic_edit_form_shows_the_arabic_name_and_saving_it_keeps_english(client, admin_user):
    UserProfile.objects.create(user=admin_user, preferred_language="ar")
    client.force_login(admin_user)
    workflow = Workflow.objects.get(name="Course review")
    html = client.get(f"/admin/workflows/edit/{workflow.pk}/").content.decode()
    assert 'value="مراجعة الدورة"' in html
    with override("ar"):
        workflow.name = str(workflow.name)  # what the form posts back
        workflow.save()
    assert Workflow.objects.filter(pk=workflow.pk, name="Course review").exists()


def test_names_are_english_to_queries_and_json():
    with override("ar"):
        task = Task.objects.get(name="Reviewer approval")
        assert json.dumps(task.name) == '"Reviewer approval"'
        assert Task.objects.filter(name=task.name).count() == 1
        assert f"{task.name}" == "موافقة المراجِع"
