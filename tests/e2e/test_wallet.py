"""'Add to wallet' on My learning on a phone, in Arabic and Kurdish: the QR opens and fits."""

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def holder(kirkuk_facility):
    from certificates import services
    from tests.factories.courses import (
        CompletionFactory,
        EnrolmentFactory,
        WorkshopFactory,
        course_page,
    )
    from tests.factories.workforce import HealthWorkerFactory, UserFactory

    user = UserFactory(username="holder")
    worker = HealthWorkerFactory(facility=kirkuk_facility, name_ar="أحمد علي حسن", user=user)
    workshop = WorkshopFactory(venue=kirkuk_facility, course=course_page(code="BLS-1"))
    completion = CompletionFactory(
        enrolment=EnrolmentFactory(workshop=workshop, health_worker=worker)
    )
    services.certificate_issue(completion_id=completion.pk, notify=False)
    return user


@pytest.mark.parametrize(
    ("language", "summary"), [("ar", "أضِف إلى المحفظة"), ("ckb", "زیادکردن بۆ جزدان")]
)
def test_add_to_wallet_opens_a_qr_that_fits_a_phone(phone, holder, language, summary, tmp_path):
    login(phone, "holder")
    phone.goto(f"/{language}/learning/#certificates")
    phone.get_by_text(summary).click()
    qr = phone.locator(".wallet-qr svg")

    box = qr.bounding_box()
    assert box["width"] >= 150 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    qr.scroll_into_view_if_needed()
    phone.screenshot(path=str(tmp_path / f"wallet-{language}.png"), full_page=True)
