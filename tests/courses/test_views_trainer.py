import json
import uuid

import pytest

from django.urls import reverse

from courses.models import AttendanceMark, Completion, Workshop
from tests.factories.courses import EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def tap(client, session, enrolment, status, key=None):
    return client.post(
        reverse("courses:session_mark", args=[session.pk]),
        json.dumps(
            {"enrolment": enrolment.pk, "status": status, "client_uuid": str(key or uuid.uuid4())}
        ),
        content_type="application/json",
    )


def test_my_workshops_lists_the_workshops_a_trainer_runs(client, trainer, workshop):
    client.force_login(trainer)
    response = client.get(reverse("courses:my_workshops"))
    assert workshop.course.title in response.content.decode()


def test_a_trainer_schedules_a_three_day_workshop_with_three_sessions(
    client, trainer, course, kirkuk_facility
):
    client.force_login(trainer)
    response = client.post(
        reverse("courses:workshop_create"),
        {
            "course": course.pk,
            "venue": kirkuk_facility.pk,
            "starts_on": "2026-05-10",
            "ends_on": "2026-05-12",
            "capacity": 25,
            "language": "ar",
        },
    )
    workshop = Workshop.objects.get(course=course)
    assert response.status_code == 302
    assert [s.date.day for s in workshop.sessions.all()] == [10, 11, 12]
    assert list(workshop.trainers.all()) == [trainer]


def test_a_tap_on_the_roster_marks_and_returns_the_counts(client, trainer, workshop, kirkuk_worker):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    reply = tap(client, workshop.sessions.first(), enrolment, "late").json()
    assert reply["result"] == "applied"
    assert reply["counts"]["late"] == 1
    assert reply["counts"]["unmarked"] == 0
    assert AttendanceMark.objects.get().method == "roster"


def test_a_trainer_cannot_mark_another_trainers_workshop(
    client, other_trainer, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(other_trainer)
    assert tap(client, workshop.sessions.first(), enrolment, "present").status_code == 404
    assert client.get(reverse("courses:workshop_detail", args=[workshop.pk])).status_code == 404
    assert not AttendanceMark.objects.exists()


def test_an_auditor_in_scope_cannot_run_the_workshop(client, kirkuk_auditor, workshop):
    client.force_login(kirkuk_auditor)
    assert client.get(reverse("courses:roster", args=[workshop.pk])).status_code == 404


def test_the_roster_finds_a_worker_by_arabic_name_without_hamza(
    client, trainer, workshop, kirkuk_worker
):
    client.force_login(trainer)
    response = client.get(reverse("courses:roster", args=[workshop.pk]), {"q": "احمد"})
    assert "Ahmed Kirkuki" in response.content.decode()


def test_a_walk_in_with_a_known_name_is_warned_and_not_registered(
    client, trainer, workshop, kirkuk_worker
):
    client.force_login(trainer)
    data = {
        "name_ar": "أحمد الكركوكي",
        "cadre": kirkuk_worker.cadre_id,
        "facility": workshop.venue_id,
    }
    response = client.post(reverse("courses:roster_walk_in", args=[workshop.pk]), data)
    assert "already registered" in response.content.decode()
    assert not workshop.enrolments.exists()
    client.post(reverse("courses:roster_walk_in", args=[workshop.pk]), data | {"confirm_new": "on"})
    assert workshop.enrolments.get().source == "walk_in"


def test_the_score_grid_saves_nothing_when_a_cell_is_wrong(client, trainer, workshop):
    first, second = EnrolmentFactory.create_batch(2, workshop=workshop)
    client.force_login(trainer)
    url = reverse("courses:scores", args=[workshop.pk])
    response = client.post(url, {f"pre_{first.pk}": "٤٥", f"post_{first.pk}": "101"})
    assert "Between 0 and 100" in response.content.decode()
    assert not first.scores.exists()
    client.post(
        url, {f"pre_{first.pk}": "٤٥", f"post_{first.pk}": "80,5", f"post_{second.pk}": "60"}
    )
    assert sorted(str(s.score) for s in first.scores.all()) == ["45.0", "80.5"]


def test_recording_a_score_grid_keeps_nothing_when_one_cell_fails(trainer, workshop):
    from decimal import InvalidOperation

    from courses.services import scores_record

    first, second = EnrolmentFactory.create_batch(2, workshop=workshop)
    grid = {(first, "pre"): 45, (first, "post"): 80, (second, "pre"): "not a number"}
    with pytest.raises(InvalidOperation):
        scores_record(grid=grid, user=trainer)
    assert not first.scores.exists()  # the first two cells were rolled back with the third


def test_closing_the_workshop_shows_completions_and_knowledge_gain(client, trainer, workshop):
    enrolment = EnrolmentFactory(workshop=workshop)
    client.force_login(trainer)
    for session in workshop.sessions.all():
        tap(client, session, enrolment, "present")
    client.post(
        reverse("courses:scores", args=[workshop.pk]),
        {f"pre_{enrolment.pk}": "40", f"post_{enrolment.pk}": "90"},
    )
    client.post(reverse("courses:workshop_close", args=[workshop.pk]))
    page = client.get(reverse("courses:workshop_detail", args=[workshop.pk])).content.decode()
    assert Completion.objects.get().is_complete
    assert "+50.0" in page
    assert "Completed" in page


def test_a_health_worker_cannot_see_another_workers_history(client, participant_user):
    other = HealthWorkerFactory()
    client.force_login(participant_user)
    assert client.get(reverse("courses:worker_history", args=[other.pk])).status_code == 404
    own = participant_user.health_worker.pk
    assert client.get(reverse("courses:worker_history", args=[own])).status_code == 200


def test_withdrawing_takes_a_person_off_the_roster_and_keeps_their_marks(
    client, trainer, workshop, kirkuk_worker
):
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    tap(client, workshop.sessions.first(), enrolment, "present")
    client.post(reverse("courses:enrolment_withdraw", args=[enrolment.pk]))
    roster = client.get(reverse("courses:roster", args=[workshop.pk])).content.decode()
    assert "0 people enrolled" in roster
    assert enrolment.marks.count() == 1


def test_the_roster_finds_a_worker_by_licence_number_in_arabic_indic_digits(
    client, trainer, workshop, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, name_latin="Omar Licenced", licence_number="4521")
    client.force_login(trainer)
    response = client.get(reverse("courses:roster", args=[workshop.pk]), {"q": "٤٥٢١"})
    assert "Omar Licenced" in response.content.decode()


def test_an_override_without_a_reason_changes_nothing(client, trainer, workshop):
    enrolment = EnrolmentFactory(workshop=workshop)
    client.force_login(trainer)
    client.post(reverse("courses:workshop_close", args=[workshop.pk]))
    completion = Completion.objects.get(enrolment=enrolment)
    url = reverse("courses:completion_override", args=[completion.pk])
    response = client.post(url, {"is_complete": "1", "reason": "  "}, follow=True)
    completion.refresh_from_db()
    assert "Give the reason for the override." in response.content.decode()
    assert not completion.is_complete


def test_the_marking_page_reads_right_to_left_in_arabic(client, trainer, workshop, kirkuk_worker):
    EnrolmentFactory(workshop=workshop, health_worker=kirkuk_worker)
    client.force_login(trainer)
    page = client.get(f"/ar/learning/sessions/{workshop.sessions.first().pk}/").content.decode()
    assert 'dir="rtl"' in page
    assert "حاضر" in page
    assert "اعرض رمز \u2068QR\u2069 لتسجيل الحضور" in page


def test_the_schedule_form_lists_courses_by_their_title_in_the_readers_language(
    client, trainer, course
):
    from django.utils.translation import override

    from tests.factories.course_pages import translation_of

    translation_of(course, language="ar", title="الأكسجين الطبي")
    client.force_login(trainer)
    with override("ar"):
        url = reverse("courses:workshop_create")
    html = client.get(url).content.decode()
    assert f'<option value="{course.pk}">الأكسجين الطبي</option>' in html
