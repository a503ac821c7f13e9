import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories.workforce import UserFactory, governorate
from workforce.models import HealthWorker, RoleAssignment
from workforce.services import role_assign, role_unassign

pytestmark = pytest.mark.django_db


def test_role_assign_puts_the_user_in_the_role_group():
    user = UserFactory()
    role_assign(user=user, role="auditor", level="governorate", governorate=governorate("KIR"))
    assert list(user.groups.values_list("name", flat=True)) == ["Auditors"]
    assert user.has_perm("workforce.view_healthworker")
    assert not user.has_perm("workforce.change_healthworker")


def test_role_assign_refuses_a_governorate_role_without_its_governorate():
    user = UserFactory()
    with pytest.raises(ValidationError):
        role_assign(user=user, role="auditor", level="governorate")
    assert not RoleAssignment.objects.exists()
    assert not user.groups.exists()


def test_role_unassign_keeps_the_group_while_another_scope_holds_the_role():
    user = UserFactory()
    kirkuk = role_assign(
        user=user, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    basra = role_assign(
        user=user, role="trainer", level="governorate", governorate=governorate("BAS")
    )
    role_unassign(assignment=kirkuk)
    assert user.groups.filter(name="Trainers").exists()
    role_unassign(assignment=basra)
    assert not user.groups.filter(name="Trainers").exists()


def test_auditor_cannot_add_a_health_worker_through_the_admin(client, staff, kirkuk_facility):
    client.force_login(staff("auditor", "governorate", governorate=governorate("KIR")))
    data = {"name_latin": "Nobody", "cadre": 1, "facility": kirkuk_facility.pk}
    response = client.post(reverse("health_workers:add"), data)
    assert response.status_code == 302
    assert not HealthWorker.objects.filter(name_latin="Nobody").exists()


def test_governorate_administrator_gets_404_on_role_assignments(client, staff):
    role_assign(user=UserFactory(username="basra.auditor"), role="auditor", level="national")
    client.force_login(staff("administrator", "governorate", governorate=governorate("KIR")))
    assert client.get(reverse("role_assignments:add")).status_code == 404
    assert "basra.auditor" not in client.get(reverse("role_assignments:index")).content.decode()


def test_national_administrator_assigns_a_role_through_the_admin(client, staff):
    client.force_login(staff("administrator", "national"))
    trainee = UserFactory(username="new.trainer")
    data = {
        "user": trainee.pk,
        "role": "trainer",
        "level": "governorate",
        "governorate": governorate("KIR").pk,
    }
    client.post(reverse("role_assignments:add"), data)
    assert trainee.role_assignments.get().governorate.code == "KIR"
    assert trainee.groups.filter(name="Trainers").exists()


def test_national_administrator_deleting_an_assignment_takes_the_user_out_of_the_group(
    client, staff
):
    client.force_login(staff("administrator", "national"))
    user = UserFactory()
    assignment = role_assign(user=user, role="reviewer", level="national")
    client.post(reverse("role_assignments:delete", args=[assignment.pk]))
    assert not user.role_assignments.exists()
    assert not user.groups.filter(name="Reviewers").exists()


def test_a_role_alone_lets_nobody_choose_another_governorates_documents(client):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from courses.collections import scope_collection

    document = get_document_model()(
        title="Erbil only", collection=scope_collection(governorate=governorate("ERB"))
    )
    document.file = ContentFile(b"%PDF-1.4", name="erbil.pdf")
    document.save()
    user = UserFactory()
    role_assign(user=user, role="auditor", level="governorate", governorate=governorate("KIR"))
    client.force_login(user)
    response = client.get(reverse("wagtaildocs_chooser:choose"))
    assert response.status_code == 200
    assert "Erbil only" not in response.content.decode()
