"""Every certificate's QR code scans from a 100 dpi grey rendering, whatever the holder's name.

The QR code carries the certificate's code and signature, not its facts, so its size does not grow
with the name; what it opens checks the signature over the facts the certificate holds.
"""

import re
import string
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from django.core.cache import cache

from certificates import identity, services
from certificates.models import CertificateTemplate
from certificates.qr import qr_matrix
from tests.certificates.pdftools import pdf_qr_codes
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db

NAME_LENGTH = HealthWorker._meta.get_field("name_ar").max_length
LATIN_LENGTH = HealthWorker._meta.get_field("name_latin").max_length
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآةى"
KURDISH = "ابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆھەیێ"
LATIN = string.ascii_letters + "-"


def _names(alphabet: str, longest: int):
    words = st.text(alphabet=alphabet, min_size=1, max_size=20)
    return st.lists(words, min_size=1, max_size=longest // 2).map(
        lambda parts: " ".join(parts)[:longest].strip()
    )


HOLDERS = st.one_of(
    _names(ARABIC, NAME_LENGTH).map(lambda name: ("", name)),
    _names(KURDISH, NAME_LENGTH).map(lambda name: ("", name)),
    _names(LATIN, LATIN_LENGTH).map(lambda name: (name, "")),
)


@pytest.fixture
def workshops(kirkuk_facility):
    """A workshop of a course on each template layout: English with Arabic, English with Kurdish."""
    found = {}
    for layout in (CertificateTemplate.Layout.EN_AR, CertificateTemplate.Layout.EN_CKB):
        template = CertificateTemplateFactory(name=f"Template {layout}", layout=layout)
        SignatoryFactory(template=template)
        course = course_page(certificate_template=template)
        found[layout] = WorkshopFactory(venue=kirkuk_facility, course=course)
    return found


def _issue(workshop, *, latin: str, arabic: str):
    worker = HealthWorkerFactory(facility=workshop.venue, name_latin=latin, name_ar=arabic)
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker)
    )
    return services.certificate_issue(completion_id=completion.pk, notify=False)


def _pdf(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def _scanned(certificate) -> str:
    """The QR code of the certificate's stored PDF, read by zbarimg at 100 dpi in grey."""
    codes = pdf_qr_codes(_pdf(certificate), resolution=100, grey=True)
    assert len(codes) == 1, codes
    return codes[0]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(holder=HOLDERS, layout=st.sampled_from(["en_ar", "en_ckb"]))
@example(holder=("", ("محمد عبدالرحمن " * 20)[:NAME_LENGTH]), layout="en_ar")
@example(holder=("", ("هاوڕێ ئەحمەد " * 20)[:NAME_LENGTH]), layout="en_ckb")
@example(holder=(("Abdulrahman Mohammed " * 10)[:LATIN_LENGTH], ""), layout="en_ar")
def test_every_certificate_qr_scans_at_100_dpi_grey_and_verifies_to_its_certificate(
    workshops, client, holder, layout
):
    cache.clear()  # the verification rate limit counts every example
    latin, arabic = holder
    certificate = _issue(workshops[layout], latin=latin, arabic=arabic)

    payload = _scanned(certificate)
    page = client.get(urlsplit(payload).path)

    assert page.status_code == 200
    html = page.content.decode()
    assert "Valid certificate" in html and certificate.serial in html
    assert "The signed details in the QR code match" in html
    digits = payload.rsplit("/", 1)[1]
    message = identity.signed_message(
        code=certificate.verification_code,
        facts=services.certificate_facts_text(certificate=certificate),
    )
    assert identity.signature_valid(message, identity.signature_from_digits(digits))


def test_the_qr_code_is_as_small_for_the_longest_name_as_for_the_shortest(workshops):
    short = _issue(workshops["en_ar"], latin="", arabic="علي")
    longest = _issue(workshops["en_ar"], latin="", arabic=("ع" * 9 + " ") * (NAME_LENGTH // 10))
    sizes = {
        len(qr_matrix(services.certificate_qr_payload(certificate=certificate)))
        for certificate in (short, longest)
    }

    # Version 5 (37 modules) for this site's address; the facts used to make it 137 modules.
    assert sizes == {37}


def test_a_qr_code_printed_before_the_compact_payload_still_verifies(workshops, client):
    certificate = _issue(workshops["en_ar"], latin="", arabic="زينب حسين البياتي")
    printed_before = identity.verification_url(
        code=certificate.verification_code,
        facts=services.certificate_facts_text(certificate=certificate),
        signature=certificate.signature,
    )

    html = client.get(printed_before.removeprefix("http://127.0.0.1:8000")).content.decode()

    assert "The signed details in the QR code match" in html
    assert "زينب حسين البياتي" in html


def test_facts_changed_after_printing_no_longer_match_the_scanned_signature(workshops, client):
    certificate = _issue(workshops["en_ckb"], latin="", arabic="هاوڕێ کاوە ساڵح")
    path = urlsplit(services.certificate_qr_payload(certificate=certificate)).path
    type(certificate).objects.filter(pk=certificate.pk).update(cme_hours="40.0")

    html = client.get(path).content.decode()

    assert "do not match" in html


@pytest.mark.parametrize(
    "digits", ["0" * 154, "9" * 155, "x" * 155, "1" * 156, "١" * 155], ids=str.__len__
)
def test_a_mangled_signature_in_the_scanned_link_says_it_does_not_match(workshops, client, digits):
    certificate = _issue(workshops["en_ar"], latin="Ahmed Ali Hassan", arabic="")

    response = client.get(f"/V/{certificate.verification_code}/{digits}")

    assert response.status_code == 200
    assert "do not match" in response.content.decode()


def test_the_scanned_link_opens_in_the_browser_s_language(workshops, client):
    certificate = _issue(workshops["en_ar"], latin="", arabic="زينب حسين البياتي")
    path = urlsplit(services.certificate_qr_payload(certificate=certificate)).path

    response = client.get(path, HTTP_ACCEPT_LANGUAGE="ar", follow=True)

    assert response.status_code == 200
    assert re.search(r'<html[^>]+lang="ar"', response.content.decode())
    assert "زينب حسين البياتي" in response.content.decode()
