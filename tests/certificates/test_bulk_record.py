"""A bulk issue records a chunk of certificates with a few queries, by the rules of one."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from certificates import services
from certificates.models import Certificate
from certificates.selectors import course_facts
from certificates.verification import verification_answer
from tests.factories.courses import CompletionFactory, EnrolmentFactory
from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db


def _completions(workshop, facility, count):
    return [
        CompletionFactory(
            enrolment=EnrolmentFactory(
                workshop=workshop, health_worker=HealthWorkerFactory(facility=facility)
            )
        )
        for _ in range(count)
    ]


def test_a_chunk_gets_what_one_by_one_would_give(completion, kirkuk_facility):
    others = _completions(completion.workshop, kirkuk_facility, 3)
    incomplete = others[-1]
    incomplete.is_complete = False
    incomplete.save()
    already, _created = services.certificate_record(completion_id=others[0].pk)
    ids = [completion.pk, others[0].pk, others[1].pk, incomplete.pk]

    issued = services.certificates_record_many(
        completion_ids=ids, shared=course_facts(course=completion.course)
    )

    assert [(c.completion_id if c else None, created) for c, created in issued] == [
        (completion.pk, True),
        (others[0].pk, False),
        (others[1].pk, True),
        (None, False),
    ]
    assert issued[1][0].pk == already.pk  # found, not issued twice
    for certificate, _created in issued[:3]:
        certificate.refresh_from_db()
        # Numbered by its own id, signed, and verifiable like any other certificate.
        assert certificate.serial.endswith(f"-{certificate.pk:06d}")
        found, answer = verification_answer(key=certificate.serial)
        assert found and answer["status"] == "valid"
        assert services.certificate_qr_payload(certificate=certificate)
        assert certificate.signature
    assert Certificate.objects.filter(completion__in=ids, status="valid").count() == 3


def test_the_queries_of_a_chunk_do_not_grow_with_its_size(completion, kirkuk_facility):
    small = [completion.pk] + [c.pk for c in _completions(completion.workshop, kirkuk_facility, 1)]
    large = [c.pk for c in _completions(completion.workshop, kirkuk_facility, 20)]
    shared = course_facts(course=completion.course)
    with CaptureQueriesContext(connection) as two:
        services.certificates_record_many(completion_ids=small, shared=shared)
    with CaptureQueriesContext(connection) as twenty:
        services.certificates_record_many(completion_ids=large, shared=shared)
    assert len(twenty.captured_queries) == len(two.captured_queries)
    assert len(twenty.captured_queries) <= 12


def test_a_remembered_invalid_answer_is_forgotten_when_the_chunk_issues_it(
    completion, kirkuk_facility
):
    # The serials count up, so a serial can be looked up (and its "invalid" remembered) before
    # its certificate exists; the chunk's insert sends no post_save, and must still forget it.
    shared = course_facts(course=completion.course)
    first, _ = services.certificates_record_many(completion_ids=[completion.pk], shared=shared)[0]
    nxt = _completions(completion.workshop, kirkuk_facility, 1)[0]
    guess = first.serial[:-6] + f"{first.pk + 1:06d}"
    assert verification_answer(key=guess)[1]["status"] == "invalid"
    second, _ = services.certificates_record_many(completion_ids=[nxt.pk], shared=shared)[0]
    assert second.serial == guess
    assert verification_answer(key=guess)[1]["status"] == "valid"


def test_a_certificate_issued_meanwhile_is_found_not_issued_twice(
    completion, kirkuk_facility, monkeypatch
):
    # Another process issues one of the chunk's completions between the look-up and the insert:
    # the one-valid-certificate rule refuses the chunk's insert, and the chunk is recorded one by
    # one, finding that certificate.
    other = _completions(completion.workshop, kirkuk_facility, 1)[0]
    snapshot = services.providers_snapshot
    meanwhile = {}

    def providers_while_another_process_issues(workshop):
        # Called once the chunk has looked up its valid certificates, before its insert.
        monkeypatch.setattr(services, "providers_snapshot", snapshot)
        meanwhile["certificate"], _ = services.certificate_record(completion_id=other.pk)
        return snapshot(workshop=workshop)

    monkeypatch.setattr(services, "providers_snapshot", providers_while_another_process_issues)
    issued = services.certificates_record_many(
        completion_ids=[completion.pk, other.pk], shared=course_facts(course=completion.course)
    )

    assert issued[0][1] is True and issued[0][0].completion_id == completion.pk
    assert issued[1] == (meanwhile["certificate"], False)
    assert Certificate.objects.filter(completion=other, status="valid").count() == 1
    assert Certificate.objects.filter(completion=completion, status="valid").count() == 1
