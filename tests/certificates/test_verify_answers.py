"""Remembered verification answers: fast for a repeated look-up, never older than a change."""

import pytest

from certificates import services
from certificates.answers import remembered_answer
from courses import services as courses
from tests.factories.workforce import RoleAssignmentFactory

pytestmark = pytest.mark.django_db


def _json(client, key):
    return client.get(f"/verify/{key}.json").json()


def test_a_repeated_look_up_is_answered_without_the_database(
    certificate, client, django_assert_num_queries
):
    first = client.get(f"/verify/{certificate.verification_code}.json")
    with django_assert_num_queries(0):
        again = client.get(f"/verify/{certificate.verification_code}.json")
    assert again.status_code == 200
    assert again.json() == first.json()


def test_without_a_cache_time_every_look_up_asks_the_database(
    certificate, client, settings, django_assert_num_queries
):
    settings.CERTIFICATE_VERIFY_CACHE_SECONDS = 0
    _json(client, certificate.verification_code)
    with django_assert_num_queries(1):
        assert _json(client, certificate.verification_code)["status"] == "valid"


@pytest.mark.parametrize("by", ["verification_code", "serial"])
def test_a_certificate_verified_then_revoked_is_answered_revoked_at_once(
    by, certificate, client, admin_user
):
    key = getattr(certificate, by)
    assert _json(client, key)["status"] == "valid"
    assert "Valid certificate" in client.get(f"/verify/{key}/").content.decode()

    services.certificate_revoke(certificate=certificate, reason="Forged sheet", user=admin_user)

    assert (_json(client, key)["status"], _json(client, key)["reason"]) == (
        "revoked",
        "Forged sheet",
    )
    page = client.get(f"/verify/{key}/").content.decode()
    assert "Revoked certificate" in page and "Valid certificate" not in page


def test_a_certificate_verified_then_withdrawn_is_answered_withdrawn(
    certificate, client, django_capture_on_commit_callbacks
):
    trainer = RoleAssignmentFactory(role="trainer", level="national").user
    assert _json(client, certificate.verification_code)["status"] == "valid"

    with django_capture_on_commit_callbacks(execute=True):  # the task runs once it commits
        courses.completion_override(
            completion=certificate.completion, is_complete=False, reason="Absent", user=trainer
        )

    assert _json(client, certificate.verification_code)["status"] == "withdrawn"


def test_a_certificate_verified_then_reissued_points_to_its_successor(
    certificate, client, admin_user
):
    assert _json(client, certificate.serial)["status"] == "valid"

    new = services.certificate_reissue(certificate=certificate, user=admin_user, reason="Typo")

    old = _json(client, certificate.serial)
    assert (old["status"], old["superseded_by"]) == ("superseded", new.serial)
    assert _json(client, new.serial)["status"] == "valid"


def test_a_deleted_certificate_is_invalid_on_the_next_look_up(certificate, client):
    assert client.get(f"/verify/{certificate.serial}.json").status_code == 200
    certificate.delete()

    response = client.get(f"/verify/{certificate.serial}.json")
    assert (response.status_code, response.json()["status"]) == (404, "invalid")


def test_an_answer_read_before_the_revocation_committed_is_never_served_after_it(
    certificate, client, admin_user, django_capture_on_commit_callbacks
):
    code = certificate.verification_code
    valid = client.get(f"/verify/{code}.json").json()
    with django_capture_on_commit_callbacks(execute=True):
        services.certificate_revoke(certificate=certificate, reason="Forged", user=admin_user)
        # A look-up in another process read the row before the revocation committed, and stores
        # that (valid) answer now, after the revocation's first step.
        remembered_answer(key=code, language="en", compute=lambda: (True, valid))

    assert _json(client, code)["status"] == "revoked"


def test_a_family_name_or_signature_is_checked_even_when_the_serial_is_remembered(
    certificate, client
):
    assert _json(client, certificate.serial)["holder_shown"] is False

    named = client.get(f"/verify/{certificate.serial}.json", {"family_name": "Hassan"}).json()
    wrong = client.get(f"/verify/{certificate.serial}.json", {"family_name": "Jones"}).json()

    assert named["holder"] == "Ahmed Ali Hassan"
    assert wrong["holder_shown"] is False


def test_each_language_gets_its_own_remembered_answer(certificate, client):
    assert _json(client, certificate.serial)["course"] == "Basic Life Support"
    arabic = client.get(f"/ar/verify/{certificate.serial}.json").json()
    assert arabic["course"] == "دعم الحياة الأساسي"
    assert _json(client, certificate.serial)["course"] == "Basic Life Support"


def _card_drawn(response) -> bool:
    return "certificates/verify_card.html" in [t.name for t in response.templates]


def test_a_repeated_page_shows_the_card_drawn_the_first_time(certificate, client):
    first = client.get(f"/verify/{certificate.verification_code}/")
    again = client.get(f"/verify/{certificate.verification_code}/")

    assert _card_drawn(first) and not _card_drawn(again)
    card = first.content.decode().split('<main id="main" tabindex="-1">')[1].split("</main>")[0]
    assert "Valid certificate" in card and "Basic Life Support" in card
    assert card in again.content.decode()


def test_a_remembered_card_is_never_shown_in_another_language_or_for_another_answer(
    certificate, client, admin_user
):
    assert "Basic Life Support" in client.get(f"/verify/{certificate.serial}/").content.decode()
    # The course has no Kurdish title: the answer is the English one word for word, and only
    # the language tells the cards apart.
    kurdish = client.get(f"/ckb/verify/{certificate.serial}/")
    assert _card_drawn(kurdish) and "بڕوانامەی دروست" in kurdish.content.decode()
    arabic = client.get(f"/ar/verify/{certificate.serial}/")
    assert _card_drawn(arabic) and "دعم الحياة الأساسي" in arabic.content.decode()
    named = client.get(f"/verify/{certificate.serial}/", {"family_name": "Hassan"})
    assert _card_drawn(named) and "Ahmed Ali Hassan" in named.content.decode()

    services.certificate_revoke(certificate=certificate, reason="Forged sheet", user=admin_user)

    arabic = client.get(f"/ar/verify/{certificate.serial}/")
    assert _card_drawn(arabic) and "Forged sheet" in arabic.content.decode()


def test_an_unknown_key_draws_its_card_each_time(client):
    # Only certificates that exist are remembered: made-up keys cannot fill the process's memory.
    for _ in range(2):
        response = client.get("/verify/NO-SUCH-CODE/")
        assert response.status_code == 404 and _card_drawn(response)


def test_the_rate_limit_still_answers_429_when_the_answer_is_remembered(
    certificate, client, settings
):
    settings.CERTIFICATE_VERIFY_RATE = 3
    statuses = [
        client.get(f"/verify/{certificate.verification_code}.json").status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


@pytest.mark.services
def test_a_remembered_look_up_is_one_round_trip_to_redis(certificate, client, monkeypatch):
    # The busiest address of the site: its two rate counters and its remembered answer travel
    # together (docs/benchmarks.md). Needs the shared cache of production (CACHE_URL, Redis).
    import os

    from redis.connection import AbstractConnection

    from django.core.cache import caches
    from django.core.cache.backends.redis import RedisCache

    if not isinstance(caches["default"], RedisCache):
        message = "needs the Redis cache (CACHE_URL; .ci/run sets it)"
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    sent = []
    send = AbstractConnection.send_packed_command
    monkeypatch.setattr(
        AbstractConnection,
        "send_packed_command",
        lambda self, command, *args, **kwargs: (
            sent.append(1),
            send(self, command, *args, **kwargs),
        )[1],
    )
    for key in (certificate.verification_code, certificate.serial):
        first = _json(client, key)
        sent.clear()
        assert _json(client, key) == first
        assert len(sent) == 1, key
