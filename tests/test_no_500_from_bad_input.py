"""No URL answers 500 to junk, empty, huge or non-ASCII input, whoever asks.

The walk discovers its targets: every pattern of the URL resolver (its path converters filled with
junk), and, from a crawl as a superuser and as a trainer, every page with the GET and POST keys
its view actually read (recorded by instrumenting QueryDict), replayed with junk values as
anonymous and as every role.

Wagtail's admin pages get junk in their paths only: posting to its actions (delete, move, lock a
page ...) deletes the very records the walk stands on, and junk in the query strings of Wagtail's
own views still finds 500s inside Wagtail (docs/security.md, section 12).
"""

import pytest

from django.contrib.auth import get_user_model

from tests import walk
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory, directorate, staff_user

pytestmark = pytest.mark.django_db

JUNK = {
    "junk": "abc",
    "empty": "",
    "huge": "9" * 5000 + "x" * 5240,  # 10 kB, digits first: int() parsers overflow too
    "non-ascii": "٣عربي\x00😀",
}
JUNK_PATH = ["abc", "99999999999999999999", "%D9%A3", "%F0%9F%98%80", "x" * 300]
SKIPPED = (
    "accounts:logout",  # a POST would sign the walker out mid-walk
    "wagtailadmin_error_test",  # Wagtail's page that fails on purpose, to show the 500 page
)


@pytest.fixture
def site_data():
    """A running Kirkuk workshop with a roster, a completion and a pending claim."""
    kirkuk = directorate("KIR")
    workshop = WorkshopFactory(venue__directorate=kirkuk, status="running", course=course_page())
    enrolment = EnrolmentFactory(workshop=workshop, health_worker__facility=workshop.venue)
    CompletionFactory(enrolment=EnrolmentFactory(workshop=workshop))
    ExternalActivityFactory(health_worker=enrolment.health_worker)
    return workshop


@pytest.fixture
def people(site_data):
    """Anonymous (None), a health worker, each role over Kirkuk or the nation, a superuser."""
    governorate = directorate("KIR").governorate
    worker_user = UserFactory()
    HealthWorkerFactory(user=worker_user, facility=site_data.venue)
    trainer = staff_user("trainer", "governorate", governorate=governorate)
    site_data.trainers.add(trainer)
    return {
        "anonymous": None,
        "health worker": worker_user,
        "trainer": trainer,
        "reviewer": staff_user("reviewer", "national"),
        "auditor": staff_user("auditor", "governorate", governorate=governorate),
        "administrator": staff_user("administrator", "national"),
        "superuser": get_user_model().objects.create_superuser("root", "root@example.org", "p"),
    }


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def discovered(client, people) -> dict:
    """URL -> (GET keys, POST keys) its view read, from crawls as the superuser and a trainer."""
    # Every pattern, its ids filled with 1 (the fixtures' first records), then what pages link to.
    starts = [path for route in walk.routes() if (path := route.fill("1")) and _followed(path)]
    pages: dict = {}
    for role in ("superuser", "trainer"):
        as_user(client, people[role])
        crawl = walk.Crawl().run(client, starts, budget=400, follow=_followed)
        for shape, (url, _response) in crawl.visited.items():
            path = url.split("?")[0]
            if shape[0] in SKIPPED:
                continue
            with walk.KeysRead() as post_keys:
                client.post(path, {"walk": "1"})  # a non-empty body: forms bind and read
            as_user(client, people[role])  # a POST may have ended the session
            get_keys, known = crawl.keys_read[shape], pages.get(path, (set(), set()))
            pages[path] = (known[0] | get_keys, known[1] | post_keys.keys)
    return pages


def _followed(url: str) -> bool:
    # The same pages again under /ar/ and /ckb/ read the same keys; the admin: see the docstring.
    return not url.startswith(("/ar/", "/ckb/", "/admin/"))


def server_errors(client, method, url, data) -> list:
    response = getattr(client, method)(url, data)
    return [(method, url, response.status_code)] if response.status_code >= 500 else []


def test_no_url_answers_500_to_junk_in_its_path_or_parameters(client, people):
    client.raise_request_exception = False
    pages = discovered(client, people)
    assert len(pages) > 40
    failures = []
    for user in people.values():
        as_user(client, user)
        for url, (get_keys, post_keys) in pages.items():
            for value in JUNK.values():
                if get_keys:
                    failures += server_errors(client, "get", url, dict.fromkeys(get_keys, value))
                if post_keys:
                    failures += server_errors(client, "post", url, dict.fromkeys(post_keys, value))
                    as_user(client, user)  # a POST may have ended the session
    for route in walk.routes():
        if not route.converters() or walk.route_of(route.fill() or "/") in SKIPPED:
            continue
        paths = [route.fill(value) for value in JUNK_PATH]
        paths = [path for path in paths if path and walk.route_of(path)]  # else no view runs
        for user in (None, people["trainer"], people["superuser"]):
            as_user(client, user)
            for path in paths:
                failures += server_errors(client, "get", path, {})
    assert failures == []
