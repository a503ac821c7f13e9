"""The field app reads QR codes with the phone's camera where the browser has no BarcodeDetector.

Chromium on Linux, like Safari on iPhones, has none: the app reads the camera's frames with the
vendored jsQR. The camera here is Chromium's fake capture device playing a picture of the code.
"""

import io
import time

import pytest
import segno
from PIL import Image

from django.utils import translation

from courses.models import AttendanceMark
from field import services
from field.models import Device
from tests.e2e.conftest import CHROMIUM_ARGS, wait_until
from tests.e2e.test_field_app import _trainer_and_workshop

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def camera_film(path, text: str) -> None:
    """A Y4M film of the QR code of `text` on a white page, as a camera held over it sees it."""
    buffer = io.BytesIO()
    segno.make_qr(text).save(buffer, kind="png", scale=6, border=4)
    code = Image.open(buffer).convert("L")
    frame = Image.new("L", (640, 480), 255)
    frame.paste(code, ((640 - code.width) // 2, (480 - code.height) // 2))
    chroma = bytes([128]) * (320 * 240)
    with open(path, "wb") as film:
        film.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(5):
            film.write(b"FRAME\n" + frame.tobytes() + chroma + chroma)


@pytest.fixture
def phone_with_camera(django_db_serialized_rollback, browser, live_server, tmp_path, chromium_path):
    """Opens the same phone profile (360 px) with a camera filming the code it is given."""
    opened = []

    def open_phone(code_in_view: str):
        film = tmp_path / f"camera-{len(opened)}.y4m"
        camera_film(film, code_in_view)
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "phone-profile"),
            executable_path=chromium_path,
            args=[
                *CHROMIUM_ARGS,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-video-capture={film}",
            ],
            headless=True,
            base_url=live_server.url,
            viewport={"width": 360, "height": 740},
            is_mobile=True,
            has_touch=True,
            permissions=["camera"],
        )
        context.set_default_timeout(15_000)
        opened.append(context)
        return context, context.pages[0] if context.pages else context.new_page()

    yield open_phone
    for context in opened:
        context.close()


def test_a_phone_scans_its_enrolment_code_and_then_a_participants_card(phone_with_camera):
    trainer, workshop, enrolments = _trainer_and_workshop()
    code = services.enrolment_code_create(user=trainer)
    with translation.override("ar"):
        scan_code, scan_card = (
            translation.gettext("Scan the code"),
            translation.gettext("Scan a card"),
        )

    # The enrolment code, as My phones shows it, read by the app's own camera button.
    context, phone = phone_with_camera(f"http://example.org/ar/field/#enrol={code}")
    phone.goto("/ar/field/")
    assert phone.input_value("#enrol-code") == ""
    phone.get_by_role("button", name=scan_code).click()
    wait_until(phone, "document.getElementById('enrol-code').value !== ''")
    assert phone.input_value("#enrol-code") == code
    assert phone.locator("video.field-camera").is_hidden()
    phone.click("#enrol-form button[type=submit]")
    phone.wait_for_selector(".open-workshop")
    assert Device.objects.filter(user=trainer, revoked_at=None).count() == 1
    context.close()

    # A participant's card held up to the camera marks them present, and the mark reaches the site.
    person = enrolments[2]
    context, phone = phone_with_camera(f"CME-HW:{person.health_worker_id}")
    phone.goto("/ar/field/")
    phone.click(".open-workshop")
    phone.get_by_role("button", name=scan_card).click()
    phone.wait_for_selector(f"li[data-enrolment='{person.pk}'] .tap-present.is-on")
    # The button shows the tap before the record is in the outbox: wait for the server to have it.
    marks = AttendanceMark.objects.filter(session__workshop=workshop)
    deadline = time.monotonic() + 30
    while not marks.exists():
        assert time.monotonic() < deadline, "the card's mark never reached the server"
        phone.wait_for_timeout(200)
    assert list(marks.values_list("enrolment_id", "status")) == [(person.pk, "present")]


def test_a_phone_whose_camera_cannot_open_says_so_in_its_language_and_typing_still_works(
    phone, live_server
):
    # The desktop test browser has no camera and grants none: getUserMedia refuses.
    phone.goto(f"{live_server.url}/ckb/field/")
    with translation.override("ckb"):
        scan_code = translation.gettext("Scan the code")
        failed = translation.gettext("The camera could not be opened: allow it, or type the code.")
    phone.get_by_role("button", name=scan_code).click()
    phone.wait_for_selector("#notice:not([hidden])")
    assert phone.locator("#notice").inner_text() == failed
    assert phone.locator("video.field-camera").is_hidden()
    phone.fill("#enrol-code", "ABCD-EFGH")
    assert phone.input_value("#enrol-code") == "ABCD-EFGH"
