"""Every certificate page and JSON that names a holder names them in the script the certificate has.

"Every" is found by walking the URL resolver: each GET route of the certificates app is filled with
a certificate's own values, and the routes whose answer names a holder with a Latin name are the
routes that must also name a holder with only an Arabic or only a Kurdish name, in every language.
"""

import json
import re
from html.parser import HTMLParser

import pytest

from django.urls import resolve

from certificates import identity, services
from tests.factories.courses import CompletionFactory, EnrolmentFactory, WorkshopFactory
from tests.factories.workforce import HealthWorkerFactory, staff_user
from tests.walk import routes

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar", "ckb")
# (Latin name, Arabic-script name, the language the Arabic-script name is tagged with)
HOLDERS = {
    "latin": ("Ahmed Ali Hassan", "أحمد علي حسن", "ar"),
    "arabic only": ("", "زينب حسين البياتي", "ar"),
    "kurdish only": ("", "هاوڕێ کاوە ساڵح", "ckb"),
}
# Pages that name a holder today; the walk must find at least these (it may find more).
KNOWN_HOLDER_ROUTES = {"verify:page", "verify:json", "certificates:workshop", "certificates:badge"}
_PARAMETER = re.compile(r"<(?:[^>:]+:)?([^>]+)>")


@pytest.fixture
def certificates(kirkuk_facility):
    workshop = WorkshopFactory(venue=kirkuk_facility)
    issued = {}
    for kind, (latin, arabic, _script) in HOLDERS.items():
        worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin=latin, name_ar=arabic)
        enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
        completion = CompletionFactory(enrolment=enrolment)
        issued[kind] = services.certificate_issue(completion_id=completion.pk, notify=False)
    return issued


@pytest.fixture
def trainer_client(client, kirkuk_facility, settings):
    settings.CERTIFICATE_VERIFY_RATE = settings.CERTIFICATE_VERIFY_BLOCK_RATE = 10_000
    client.force_login(
        staff_user("trainer", "governorate", governorate=kirkuk_facility.governorate)
    )
    return client


def _values(certificate) -> dict:
    """What each route parameter of the certificates app means for one certificate."""
    return {
        "pk": certificate.pk,
        "key": certificate.verification_code,
        "workshop_id": certificate.completion.workshop_id,
        "kind": "pdf",
        "digits": identity.signature_digits(certificate.signature),
    }


def _certificate_routes() -> list[str]:
    """Every route (as written, with its converters) whose view is in the certificates app."""
    return [
        route.route
        for route in routes()
        if route.pattern.callback.__module__.startswith("certificates.")
    ]


def _path(route: str, language: str, values: dict) -> str | None:
    names = _PARAMETER.findall(route)
    if any(name not in values for name in names):
        return None
    path = "/" + _PARAMETER.sub(lambda match: str(values[match.group(1)]), route)
    return path if language == "en" else f"/{language}{path}"


class _NameTags(HTMLParser):
    """The `dir` and `lang` of the innermost element around each piece of text."""

    def __init__(self):
        super().__init__()
        self.stack: list[dict] = []
        self.tagged: dict[str, set] = {}

    def handle_starttag(self, tag, attrs):
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self.stack.append(dict(attrs))

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and self.stack:
            attrs = self.stack[-1]
            self.tagged.setdefault(data.strip(), set()).add((attrs.get("dir"), attrs.get("lang")))


def _json_strings(value) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _json_strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _json_strings(item)]
    return [value] if isinstance(value, str) else []


def _answer(client, path: str):
    """('html', tags) or ('json', document) for a page or JSON read; None for files and POSTs."""
    response = client.get(path)
    if response.status_code == 405:
        return None
    assert response.status_code == 200, path
    content_type = response.get("Content-Type", "")
    if "text/html" in content_type:
        parser = _NameTags()
        parser.feed(response.content.decode())
        return "html", parser.tagged
    if "json" in content_type:
        return "json", json.loads(response.content)
    return None


def _holder_routes(client, certificate) -> dict[str, str]:
    """The certificates app's routes whose answer names this (Latin-named) holder."""
    found = {}
    for route in _certificate_routes():
        path = _path(route, "en", _values(certificate))
        answer = path and _answer(client, path)
        if not answer:
            continue
        kind, content = answer
        texts = content if kind == "html" else _json_strings(content)
        if any(HOLDERS["latin"][0] in text for text in texts):
            found[resolve(path).view_name] = route
    return found


def test_every_page_and_json_that_names_a_holder_names_arabic_and_kurdish_only_holders(
    certificates, trainer_client
):
    holder_routes = _holder_routes(trainer_client, certificates["latin"])
    assert set(holder_routes) >= KNOWN_HOLDER_ROUTES, holder_routes

    for name, route in holder_routes.items():
        for kind, (latin, arabic, script) in HOLDERS.items():
            for language in LANGUAGES:
                path = _path(route, language, _values(certificates[kind]))
                answer_kind, content = _answer(trainer_client, path)
                if answer_kind == "html":
                    assert ("rtl", script) in content.get(arabic, set()), (name, kind, path)
                    if latin:
                        assert ("ltr", "en") in content.get(latin, set()), (name, kind, path)
                else:
                    assert arabic in _json_strings(content) or latin in _json_strings(content)
                    if not latin:
                        assert arabic in _json_strings(content), (name, kind, path)


@pytest.mark.parametrize("language", LANGUAGES)
def test_verify_json_names_the_holder_with_the_language_and_direction_of_the_name(
    certificates, client, language
):
    prefix = "" if language == "en" else f"/{language}"
    answers = {
        kind: client.get(f"{prefix}/verify/{certificate.verification_code}.json").json()
        for kind, certificate in certificates.items()
    }

    assert (answers["arabic only"]["holder"], answers["arabic only"]["holder_lang"]) == (
        "زينب حسين البياتي",
        "ar",
    )
    assert (answers["kurdish only"]["holder"], answers["kurdish only"]["holder_dir"]) == (
        "هاوڕێ کاوە ساڵح",
        "rtl",
    )
    assert answers["kurdish only"]["holder_lang"] == "ckb"
    latin = answers["latin"]
    expected = ("أحمد علي حسن", "ar", "rtl")
    if language == "en":
        expected = ("Ahmed Ali Hassan", "en", "ltr")
    assert (latin["holder"], latin["holder_lang"], latin["holder_dir"]) == expected


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["arabic only", "kurdish only"])
def test_a_serial_alone_still_names_no_arabic_or_kurdish_only_holder(
    certificates, client, kind, language
):
    certificate = certificates[kind]
    prefix = "" if language == "en" else f"/{language}"
    page = client.get(f"{prefix}/verify/{certificate.serial}/").content.decode()
    answer = client.get(f"{prefix}/verify/{certificate.serial}.json").json()

    assert HOLDERS[kind][1] not in page
    assert (answer["holder"], answer["holder_lang"], answer["holder_name_arabic"]) == (None,) * 3
