"""Nobody decides on their own record: every decision service and every page that posts one.

The services are discovered from `workforce.duties.DECISION_SERVICES`, the pages from the URL
resolver (every view whose code calls a decision service). Each needs a scenario below, so a new
decision service or page fails here until someone says how to try it on oneself.
"""

import inspect
import re
from dataclasses import dataclass, field

import pytest

from django.contrib.messages import get_messages
from django.core import serializers
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from wagtail.models import ModelLogEntry

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses.models import ExternalActivity, JoinRequest, RecordChange, WalkInRequest
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory, staff_user
from workforce import services as workforce_services
from workforce.duties import DECISION_SERVICES, OwnRecordRefused
from workforce.merging import services as merging_services
from workforce.models import RoleAssignment

pytestmark = pytest.mark.django_db


@dataclass
class Scenario:
    record: object  # the record decided on; its row must not change
    call: dict  # keyword arguments of the decision service, actor = subject
    url: str = ""  # the page that posts the decision
    data: dict = field(default_factory=dict)


@pytest.fixture
def insider(kirkuk_worker):
    """A national administrator who is also a health worker in the registry."""
    user = staff_user("administrator", "national")
    kirkuk_worker.user = user
    kirkuk_worker.save()
    return user


def _certificate(worker):
    template = CertificateTemplateFactory(name="Ministry default", is_default=True)
    SignatoryFactory(template=template)
    workshop = WorkshopFactory(venue=worker.facility)
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
    completion = CompletionFactory(enrolment=enrolment)
    return certificate_services.certificate_issue(completion_id=completion.pk, notify=False)


def claim_review(user, worker):
    claim = ExternalActivityFactory(health_worker=worker, hours=40)
    url = reverse("courses:claim_review", args=[claim.pk])
    call = {"activity": claim, "approve": True, "note": "", "user": user}
    return Scenario(claim, call, url, {"decision": "approve", "note": ""})


def completion_override(user, worker):
    workshop = WorkshopFactory(venue=worker.facility)
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
    completion = CompletionFactory(enrolment=enrolment, is_complete=False)
    url = reverse("courses:completion_override", args=[completion.pk])
    data = {"is_complete": "1", "reason": "I was there"}
    call = {"completion": completion, "is_complete": True, "reason": "I was there", "user": user}
    return Scenario(completion, call, url, data)


def walk_in_request_decide(user, worker):
    workshop = WorkshopFactory(venue=worker.facility, status="running")
    walk_in = WalkInRequest.objects.create(session=workshop.sessions.first(), health_worker=worker)
    url = reverse("courses:walk_in_decide", args=[walk_in.pk])
    call = {"request": walk_in, "accept": True, "user": user}
    return Scenario(walk_in, call, url, {"decision": "accept"})


def join_request_decide(user, worker):
    workshop = WorkshopFactory(venue=worker.facility, status="open")
    join = JoinRequest.objects.create(workshop=workshop, health_worker=worker)
    url = reverse("courses:join_request_decide", args=[join.pk])
    call = {"request": join, "accept": True, "user": user}
    return Scenario(join, call, url, {"decision": "accept"})


def lead_waiver_record(user, worker):
    course = course_page()
    course_page(trainer_course_of=course)  # its trainer course: leading needs a qualification
    workshop = WorkshopFactory(course=course, venue=worker.facility, status="planned")
    url = reverse("courses:lead_set", args=[workshop.pk])
    call = {"workshop": workshop, "trainer": user, "reason": "I lead", "user": user}
    return Scenario(workshop, call, url, {"trainer": user.pk, "waiver_reason": "I lead"})


def certificate_revoke(user, worker):
    certificate = _certificate(worker)
    url = reverse("certificates:revoke", args=[certificate.pk])
    call = {"certificate": certificate, "reason": "mine", "user": user}
    return Scenario(certificate, call, url, {"reason": "mine"})


def certificate_reissue(user, worker):
    certificate = _certificate(worker)
    url = reverse("certificates:reissue", args=[certificate.pk])
    call = {"certificate": certificate, "reason": "mine", "user": user}
    return Scenario(certificate, call, url, {"reason": "mine"})


def role_assign(user, worker):
    own = user.role_assignments.get()
    call = {"user": user, "actor": user, "role": "reviewer", "level": "national"}
    data = {"user": user.pk, "role": "reviewer", "level": "national"}
    return Scenario(own, call, reverse("role_assignments:add"), data)


def role_assignment_update(user, worker):
    own = user.role_assignments.get()
    call = {"assignment": own, "actor": user, "user": user, "role": "reviewer", "level": "national"}
    data = {"user": user.pk, "role": "reviewer", "level": "national"}
    return Scenario(own, call, reverse("role_assignments:edit", args=[own.pk]), data)


def role_unassign(user, worker):
    own = user.role_assignments.get()
    call = {"assignment": own, "actor": user}
    return Scenario(own, call, reverse("role_assignments:delete", args=[own.pk]))


def health_worker_merge(user, worker):
    other = HealthWorkerFactory(facility=worker.facility)
    url = reverse("health_worker_merge", args=[worker.pk, other.pk])
    call = {"survivor": worker, "merged": other, "actor": user, "choices": {}}
    data = {"confirm": "merge", "name_ar": "survivor", "name_latin": "survivor",
            "licence_number": "survivor"}  # fmt: skip
    return Scenario(worker, call, url, data)


def health_worker_merge_undo(user, worker):
    other = HealthWorkerFactory(facility=worker.facility)
    colleague = staff_user("administrator", "national")
    record = merging_services.health_worker_merge(
        survivor=worker, merged=other, actor=colleague, choices={}
    )
    url = reverse("health_worker_merge_record", args=[record.pk])
    return Scenario(record, {"record": record, "actor": user}, url)


SCENARIOS = {
    scenario.__name__: scenario
    for scenario in (
        claim_review,
        completion_override,
        walk_in_request_decide,
        join_request_decide,
        lead_waiver_record,
        certificate_revoke,
        certificate_reissue,
        role_assign,
        role_assignment_update,
        role_unassign,
        health_worker_merge,
        health_worker_merge_undo,
    )
}
SCENARIOS["external_activity_review"] = SCENARIOS.pop("claim_review")


def _state(record):
    """The decided record as stored, and how many rows every kind of history holds."""
    row = type(record).objects.filter(pk=record.pk)
    return (
        serializers.serialize("json", row),
        RecordChange.objects.count(),
        ModelLogEntry.objects.count(),
        Certificate.objects.count(),
        RoleAssignment.objects.count(),
    )


def _views(resolver=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _views(pattern)
        elif isinstance(pattern, URLPattern):
            yield getattr(pattern.callback, "view_class", pattern.callback)


PROJECT_APPS = {"courses", "certificates", "workforce", "accounts", "core", "cme"}


def _calls_decision_service(view) -> set[str]:
    try:
        source = inspect.getsource(inspect.unwrap(view))
    except (OSError, TypeError):
        return set()
    if isinstance(view, type):  # a class-based view: its own code and its mixins'
        for base in view.__mro__[1:]:
            if base.__module__.split(".")[0] in PROJECT_APPS:
                source += inspect.getsource(base)
    return {name for name in DECISION_SERVICES if re.search(rf"\b{name}\(", source)}


def test_every_decision_service_has_a_scenario_that_tries_it_on_oneself():
    assert {"external_activity_review", "completion_override", "role_assign"} <= set(
        DECISION_SERVICES
    )
    assert set(DECISION_SERVICES) == set(SCENARIOS)


def test_every_page_that_posts_a_decision_is_tried_on_oneself(insider, kirkuk_worker):
    posting = {view for view in _views() if _calls_decision_service(view)}
    assert posting, "no page calls a decision service"
    tried = set()
    for scenario in SCENARIOS.values():
        match = resolve(scenario(insider, kirkuk_worker).url)
        tried.add(getattr(match.func, "view_class", match.func))
    assert {inspect.unwrap(view) for view in posting} <= {inspect.unwrap(v) for v in tried}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_deciding_on_ones_own_record_through_the_service_is_refused_and_changes_nothing(
    name, insider, kirkuk_worker
):
    scenario = SCENARIOS[name](insider, kirkuk_worker)
    before = _state(scenario.record)
    with pytest.raises(OwnRecordRefused):
        DECISION_SERVICES[name].function(**scenario.call)
    assert _state(scenario.record) == before


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_posting_a_decision_on_ones_own_record_is_refused_and_changes_nothing(
    name, client, insider, kirkuk_worker
):
    scenario = SCENARIOS[name](insider, kirkuk_worker)
    before = _state(scenario.record)
    client.force_login(insider)
    response = client.post(scenario.url, scenario.data)
    assert response.status_code in (200, 302, 403, 404)  # refused, or the form shown again
    if response.status_code == 302:  # back to the list, saying why
        flashed = [str(message) for message in get_messages(response.wsgi_request)]
        assert str(OwnRecordRefused()) in flashed
    assert _state(scenario.record) == before


def test_a_reviewer_in_the_registry_does_not_see_their_own_claim_in_the_queue(
    client, insider, kirkuk_worker, basra_worker
):
    ExternalActivityFactory(health_worker=kirkuk_worker, title="My own conference")
    ExternalActivityFactory(health_worker=basra_worker, title="Someone else's course")
    client.force_login(insider)
    html = client.get(reverse("courses:claims_review")).content.decode()
    assert "Someone else&#x27;s course" in html
    assert "My own conference" not in html


def test_a_refused_decision_tells_why_in_the_readers_language(client, insider, kirkuk_worker):
    scenario = completion_override(insider, kirkuk_worker)
    client.force_login(insider)
    response = client.post("/ar" + scenario.url, scenario.data)
    assert response.status_code == 403
    assert "سجلك" in response.content.decode()


def test_another_reviewer_still_decides_the_claim(insider, kirkuk_worker):
    claim = ExternalActivityFactory(health_worker=kirkuk_worker, hours=40)
    reviewer = staff_user("reviewer", "national")
    course_services.external_activity_review(activity=claim, approve=True, note="", user=reviewer)
    claim.refresh_from_db()
    assert claim.status == ExternalActivity.Status.APPROVED


def test_an_administrator_still_hands_a_role_to_someone_else(insider):
    other = HealthWorkerFactory().facility  # any place; the role is national
    colleague = staff_user("auditor", "governorate", governorate=other.governorate)
    workforce_services.role_assign(user=colleague, actor=insider, role="reviewer", level="national")
    assert colleague.role_assignments.filter(role="reviewer").exists()


def test_the_workshop_page_offers_no_override_of_ones_own_completion(
    client, insider, kirkuk_worker
):
    own = completion_override(insider, kirkuk_worker).record
    other = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=own.workshop, health_worker=HealthWorkerFactory())
    )
    client.force_login(insider)
    html = client.get(reverse("courses:workshop_detail", args=[own.workshop_id])).content.decode()
    assert reverse("courses:completion_override", args=[other.pk]) in html
    assert reverse("courses:completion_override", args=[own.pk]) not in html
