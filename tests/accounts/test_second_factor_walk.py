"""Every URL of the site, Wagtail's admin included, is closed to staff until the second factor.

The URLs come from walking Django's resolver, so a page added later is covered without editing
this test.
"""

import re
import uuid

import pytest

from django.urls import URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

from tests.factories.second_factor import authenticator_for
from tests.factories.workforce import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.real_otp]

# What a signed-in person reaches before their second factor: logging in and out, the code step,
# setting a factor up, and the language switch.
ALLOWED = {
    "accounts:login",
    "accounts:logout",
    "accounts:login_verify",
    "accounts:second_factor_setup",
    "set_language",
    "javascript-catalog",
}
SAMPLES = ["1", "x", str(uuid.UUID(int=1)), "x/y.pdf"]
_GROUP = re.compile(r"\((?:\?P<\w+>)?(?:[^()\\]|\\.)*\)[?*+]?")


def _routes(patterns, prefix=""):
    """Every route of the resolver as text, with the converters it uses."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern).lstrip("^").rstrip("$")
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


def _concrete(route: str) -> str | None:
    """A path that the route matches, with a sample value in each parameter, if one resolves."""
    for sample in SAMPLES:
        path = "/" + re.sub(r"<(?:\w+:)?\w+>", sample, route)
        path = _GROUP.sub(sample, path).replace("\\", "")
        try:
            resolve(path)
        except Resolver404:
            continue
        return path
    return None


def _every_path() -> list[str]:
    paths = {_concrete(route) for route in _routes(get_resolver().url_patterns)}
    return sorted(path for path in paths if path)


@pytest.fixture
def superuser_with_authenticator():
    user = UserFactory(is_superuser=True, is_staff=True)
    authenticator_for(user)
    return user


def test_no_page_opens_to_staff_before_the_second_factor(
    client, kirkuk_auditor, superuser_with_authenticator
):
    paths = _every_path()
    assert len(paths) > 200  # the walk reached Wagtail's admin and every app
    targets = {
        kirkuk_auditor: "/accounts/two-step/setup/?next=",
        superuser_with_authenticator: "/accounts/login/code/?next=",
    }
    for user, target in targets.items():
        client.force_login(user)
        for path in paths:
            if resolve(path).view_name in ALLOWED:
                continue
            for method in (client.get, client.post):
                response = method(path)
                assert response.status_code == 302, (user, method, path)
                assert response["Location"].startswith(target), (user, method, path)
        client.logout()


def test_the_pages_before_the_second_factor_answer(client, kirkuk_auditor):
    client.force_login(kirkuk_auditor)
    assert client.get("/accounts/two-step/setup/").status_code == 200
    assert client.get("/jsi18n/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
