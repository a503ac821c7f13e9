"""Certificate verification on a phone: a serial alone shows no name; the family name shows it."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def certificate(kirkuk_facility):
    from certificates import services
    from tests.factories.courses import (
        CompletionFactory,
        EnrolmentFactory,
        WorkshopFactory,
        course_page,
    )
    from tests.factories.workforce import HealthWorkerFactory

    worker = HealthWorkerFactory(
        facility=kirkuk_facility, name_latin="Ahmed Ali Hassan", name_ar="أحمد علي حسن"
    )
    workshop = WorkshopFactory(venue=kirkuk_facility, course=course_page(code="BLS-1"))
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker)
    )
    return services.certificate_issue(completion_id=completion.pk, notify=False)


@pytest.mark.parametrize(
    ("language", "button"), [("ar", "أظهر حامل الشهادة"), ("ckb", "خاوەنی بڕوانامە پیشان بدە")]
)
def test_a_serial_shows_no_name_until_the_family_name_is_typed(
    phone, certificate, language, button, tmp_path
):
    phone.goto(f"/{language}/verify/{certificate.serial}/")
    assert "أحمد علي حسن" not in phone.locator("main").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=str(tmp_path / f"verify-serial-{language}.png"), full_page=True)
    phone.fill("input[name=family_name]", "حَسن")
    phone.get_by_role("button", name=button).click()
    phone.wait_for_load_state()
    assert "أحمد علي حسن" in phone.locator("main").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=str(tmp_path / f"verify-named-{language}.png"), full_page=True)


@pytest.fixture
def kurdish_only_certificate(kirkuk_facility):
    from certificates import services
    from tests.factories.courses import CompletionFactory, EnrolmentFactory, WorkshopFactory
    from tests.factories.workforce import HealthWorkerFactory

    worker = HealthWorkerFactory(facility=kirkuk_facility, name_latin="", name_ar="هاوڕێ کاوە ساڵح")
    workshop = WorkshopFactory(venue=kirkuk_facility)
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker)
    )
    return services.certificate_issue(completion_id=completion.pk, notify=False)


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_a_scanned_qr_code_names_a_kurdish_only_holder_in_every_language(
    phone, kurdish_only_certificate, language, tmp_path
):
    from urllib.parse import urlsplit

    from certificates import services

    path = urlsplit(services.certificate_qr_payload(certificate=kurdish_only_certificate)).path
    phone.goto(path if language == "en" else f"/{language}{path}")

    name = phone.locator("main bdi", has_text="هاوڕێ کاوە ساڵح")
    assert (name.get_attribute("dir"), name.get_attribute("lang")) == ("rtl", "ckb")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    phone.screenshot(path=str(tmp_path / f"verify-scanned-{language}.png"), full_page=True)
