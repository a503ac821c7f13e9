"""The field app on a phone: enrol, download, work a workshop offline, every tap arrives once.

The phone is a persistent Chromium profile, so closing it and opening it again is a phone's
restart: the service worker and IndexedDB survive it, nothing else does.
"""

import contextlib
import datetime
import json
import os
import threading
import time
import urllib.request

import pytest

from django.db import connection
from django.utils import timezone, translation

from courses.models import AssessmentScore, AttendanceMark, PendingWalkIn, RecordChange
from field import services
from field.models import Device
from tests.e2e.conftest import CHROMIUM_ARGS, login, wait_until
from tests.e2e.journeys.checks import qr_from_screen
from tests.factories.courses import EnrolmentFactory, WorkshopFactory, course_page
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PEOPLE = 30
WAITING = "Number(document.getElementById('waiting').dataset.count)"
TOKEN = """() => new Promise((resolve) => {
  const opening = indexedDB.open("cme-field");
  opening.onsuccess = () => {
    const get = opening.result.transaction("meta").objectStore("meta").get("token");
    get.onsuccess = () => resolve(get.result);
  };
})"""


def _screenshot(page, name: str) -> None:
    if folder := os.environ.get("E2E_SCREENSHOTS"):
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


@pytest.fixture
def field_phone(django_db_serialized_rollback, browser, live_server, tmp_path, chromium_path):
    """Opens the same phone profile (360 px, touch); call it again after closing it to restart."""
    opened = []

    def open_phone(offline: bool = False):
        context = browser.browser_type.launch_persistent_context(
            str(tmp_path / "phone-profile"),
            executable_path=chromium_path,
            args=CHROMIUM_ARGS,
            headless=True,
            base_url=live_server.url,
            viewport={"width": 360, "height": 740},
            is_mobile=True,
            has_touch=True,
            offline=offline,
        )
        context.set_default_timeout(15_000)
        opened.append(context)
        return context, context.pages[0] if context.pages else context.new_page()

    yield open_phone
    for context in opened:
        with contextlib.suppress(Exception):  # already closed by the test (a restart)
            context.close()


def _trainer_and_workshop():
    trainer = UserFactory(username="trainer.kirkuk")
    kirkuk = directorate("KIR").governorate
    RoleAssignmentFactory(user=trainer, role="trainer", level="governorate", governorate=kirkuk)
    today = timezone.localdate()
    workshop = WorkshopFactory(
        course=course_page(),
        venue__directorate=directorate("KIR"),
        starts_on=today - datetime.timedelta(days=1),
        ends_on=today,
        status="running",
    )
    workshop.trainers.add(trainer)
    enrolments = [EnrolmentFactory(workshop=workshop) for _ in range(PEOPLE)]
    return trainer, workshop, enrolments


def _post(url: str, token: str, records: list) -> dict:
    # The live server's own http:// address, never a file: or other scheme.
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps({"records": records}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return json.load(response)


def _server_state(workshop) -> dict:
    return {
        "marks": sorted(
            AttendanceMark.objects.filter(session__workshop=workshop).values_list(
                "session_id", "enrolment_id", "status"
            )
        ),
        "history": RecordChange.objects.count(),
        "scores": sorted(
            AssessmentScore.objects.filter(enrolment__workshop=workshop).values_list(
                "enrolment_id", "kind", "score"
            )
        ),
        "walk_ins": PendingWalkIn.objects.filter(workshop=workshop).count(),
    }


def test_a_trainer_works_a_whole_workshop_offline_and_every_tap_arrives_once(
    page, field_phone, live_server
):
    trainer, workshop, enrolments = _trainer_and_workshop()
    sessions = list(workshop.sessions.order_by("date"))
    assert len(sessions) == 2

    # The trainer asks the site for an enrolment code; the phone's camera reads its QR code, which
    # opens the app with the code filled in.
    login(page, "trainer.kirkuk")
    page.goto("/ar/field/devices/")
    page.click("#enrol")
    code = page.locator("#enrolment-code code").inner_text()
    scanned = qr_from_screen(page, "#enrolment-code svg")
    assert scanned == f"{live_server.url}/ar/field/#enrol={code}"
    context, phone = field_phone()
    phone.goto(scanned)
    assert phone.input_value("#enrol-code") == code
    phone.fill("#enrol-name", "Galaxy A14")
    phone.click("#enrol-form button[type=submit]")
    phone.wait_for_selector(f".workshop-list li[data-workshop='{workshop.pk}']")
    assert phone.locator("#waiting").get_attribute("data-count") == "0"
    device = Device.objects.get(user=trainer)
    assert device.name == "Galaxy A14" and device.revoked_at is None
    # The service worker has kept the shell before the connection goes.
    assert phone.evaluate("navigator.serviceWorker.ready.then(() => caches.keys())")
    _screenshot(phone, "field-ar-list")

    # No network: the app opens again after a reload, and after the phone restarts.
    context.set_offline(True)
    phone.reload()
    phone.wait_for_selector("main[data-ready=true]")
    assert phone.evaluate("document.documentElement.dir") == "rtl"
    context.close()
    context, phone = field_phone(offline=True)
    sent = []
    phone.on(
        "request",
        lambda request: (
            sent.extend(request.post_data_json["records"])
            if request.url.endswith("/api/v1/field/sync") and request.method == "POST"
            else None
        ),
    )
    phone.goto("/ar/field/")
    phone.wait_for_selector(f".workshop-list li[data-workshop='{workshop.pk}'] .open-workshop")
    assert phone.locator("#connection").get_attribute("class") == "field-connection is-offline"
    phone.click(f".workshop-list li[data-workshop='{workshop.pk}'] .open-workshop")

    # Two sessions of thirty people: every tenth absent; then one tap corrected to late.
    for session in sessions:
        phone.click(f"[data-session='{session.pk}']")
        for i, enrolment in enumerate(enrolments):
            status = "absent" if i % 10 == 9 else "present"
            phone.click(f"li[data-enrolment='{enrolment.pk}'] .tap-{status}")
    phone.click(f"li[data-enrolment='{enrolments[0].pk}'] .tap-late")
    phone.wait_for_selector(f"li[data-enrolment='{enrolments[0].pk}'] .tap-late.is-on")
    wait_until(phone, f"{WAITING} === {2 * PEOPLE + 1}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _screenshot(phone, "field-ar-marking-offline")

    # Scores, typed as an Arabic keyboard types them; a score above 100 is refused on the phone.
    phone.click("#tab-scores")
    for enrolment in enrolments[:5]:
        phone.locator(f"#score-{enrolment.pk}-pre").fill("٤٥")
        phone.locator(f"#score-{enrolment.pk}-pre").blur()
        phone.locator(f"#score-{enrolment.pk}-post").fill("80٪")
        phone.locator(f"#score-{enrolment.pk}-post").blur()
    phone.locator(f"#score-{enrolments[5].pk}-post").fill("١٠١")
    phone.locator(f"#score-{enrolments[5].pk}-post").blur()
    wrong = phone.locator(f"li[data-enrolment='{enrolments[5].pk}'] .field-error:not([hidden])")
    assert wrong.count() == 1
    wait_until(phone, f"{WAITING} === {2 * PEOPLE + 1 + 10}")

    # A walk-in waits on the phone.
    phone.click("#tab-walk_ins")
    phone.fill("#walk-in-name_ar", "سيروان حمە")
    phone.fill("#walk-in-name_latin", "Sirwan Hama")
    phone.fill("#walk-in-phone", "07701234567")
    phone.click("#walk-in-form button[type=submit]")
    phone.wait_for_selector("#walk-ins li[data-state=waiting]")
    wait_until(phone, f"{WAITING} === {2 * PEOPLE + 12}")
    assert _server_state(workshop)["marks"] == []

    # The connection returns: everything goes by itself, and the app says nothing waits.
    context.set_offline(False)
    wait_until(phone, f"{WAITING} === 0", timeout=30_000)
    phone.wait_for_selector("#walk-ins li[data-state=sent]")
    _screenshot(phone, "field-ar-sent")
    marks = AttendanceMark.objects.filter(session__workshop=workshop)
    assert marks.count() == 2 * PEOPLE
    assert marks.get(session=sessions[1], enrolment=enrolments[0]).status == "late"
    assert marks.filter(status="absent").count() == 6
    mark_history = RecordChange.objects.filter(kind=RecordChange.Kind.ATTENDANCE)
    assert mark_history.count() == 2 * PEOPLE + 1
    assert set(mark_history.values_list("method", "device_id")) == {("sync", device.pk)}
    scores = {(s.enrolment_id, s.kind): s.score for s in AssessmentScore.objects.all()}
    assert len(scores) == 10
    assert {scores[(e.pk, "pre")] for e in enrolments[:5]} == {45}
    assert {scores[(e.pk, "post")] for e in enrolments[:5]} == {80}
    walk_in = PendingWalkIn.objects.get(workshop=workshop)
    assert (walk_in.name_latin, walk_in.status, walk_in.device_id) == (
        "Sirwan Hama",
        "pending",
        device.pk,
    )
    assert len(sent) == 2 * PEOPLE + 12

    # The same records again, sent at once by this phone and by a second phone: nothing changes.
    before = _server_state(workshop)
    tokens = [
        phone.evaluate(TOKEN),
        services.device_enrol(code=services.enrolment_code_create(user=trainer), name="Second")[1],
    ]
    replies = []
    url = f"{live_server.url}/api/v1/field/sync"
    if connection.vendor == "postgresql":
        threads = [
            threading.Thread(target=lambda t=token: replies.append(_post(url, t, sent)))
            for token in tokens
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    else:  # SQLite serialises writers (the race itself is tests/api/test_sync.py's, on PostgreSQL)
        replies = [_post(url, token, sent) for token in tokens]
    assert len(replies) == 2
    assert _server_state(workshop) == before
    assert {r["result"] for reply in replies for r in reply["results"]} == {"known"}

    # The trainer revokes the phone: its next record is refused, and the app says why.
    services.device_revoke(device=device, user=trainer)
    phone.click("#tab-attendance")
    phone.click(f"[data-session='{sessions[1].pk}']")
    phone.click(f"li[data-enrolment='{enrolments[1].pk}'] .tap-excused")
    with translation.override("ar"):
        revoked = translation.gettext(
            "This phone was revoked: enrol it again from your “My phones” page."
        )
    phone.wait_for_selector("#notice.is-bad:not([hidden])")
    assert phone.locator("#notice").inner_text() == revoked
    assert phone.locator("#waiting").get_attribute("data-count") == "1"
    assert marks.get(session=sessions[1], enrolment=enrolments[1]).status == "present"
    _screenshot(phone, "field-ar-revoked")


def test_an_upload_cut_off_after_the_server_stored_it_is_sent_again_and_stored_once(
    field_phone, live_server
):
    trainer, workshop, enrolments = _trainer_and_workshop()
    code = services.enrolment_code_create(user=trainer)
    context, phone = field_phone()
    phone.goto(f"/ckb/field/#enrol={code}")
    phone.click("#enrol-form button[type=submit]")
    phone.wait_for_selector(".open-workshop")
    assert phone.evaluate("document.documentElement.dir") == "rtl"

    # The server stores the first batch, but its answer never reaches the phone.
    cut = []

    def answer_lost(route):
        route.fetch()
        cut.append(route.request.post_data_json["records"])
        route.abort("connectionreset")

    phone.route("**/api/v1/field/sync", answer_lost)
    phone.click(".open-workshop")
    for enrolment in enrolments[:3]:
        phone.click(f"li[data-enrolment='{enrolment.pk}'] .tap-present")
    phone.wait_for_selector("#notice:not([hidden])")
    with translation.override("ckb"):
        failed = translation.gettext(
            "The server could not be reached: the records wait and go later."
        )
    assert phone.locator("#notice").inner_text() == failed
    assert phone.locator("#waiting").get_attribute("data-count") == "3"
    stored = AttendanceMark.objects.filter(session__workshop=workshop)
    assert stored.count() == 3

    # The connection is whole again: "Send now" sends the same three, and nothing doubles.
    phone.unroute("**/api/v1/field/sync")
    phone.click("#send-now")
    wait_until(phone, f"{WAITING} === 0")
    assert stored.count() == 3
    assert RecordChange.objects.filter(kind=RecordChange.Kind.ATTENDANCE).count() == 3
    assert len(cut) == 1 and len(cut[0]) == 3
    phone.click("#tab-attendance")
    phone.click(".back")
    with translation.override("ckb"):
        already = translation.gettext("Already there")
    wait_until(phone, "document.querySelectorAll('#results li[data-result=known]').length === 3")
    results = phone.locator("#results li[data-result=known]")
    assert already in results.first.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    _screenshot(phone, "field-ckb-resent")

    # A participant's card, its code typed (no camera here), marks them present; a stranger's not.
    phone.click(".open-workshop")
    card = f"CME-HW:{enrolments[3].health_worker_id}"
    phone.fill("#card-code", card)
    phone.click("#card-form button[type=submit]")
    phone.wait_for_selector(f"li[data-enrolment='{enrolments[3].pk}'] .tap-present.is-on")
    # The button shows the tap before the record is in the outbox: wait for the server to have it.
    deadline = time.monotonic() + 30
    while not stored.filter(enrolment=enrolments[3], status="present").exists():
        assert time.monotonic() < deadline, "the card's mark never reached the server"
        phone.wait_for_timeout(200)
    wait_until(phone, f"{WAITING} === 0")
    phone.fill("#card-code", "CME-HW:999999")
    phone.click("#card-form button[type=submit]")
    with translation.override("ckb"):
        stranger = translation.gettext("Not on this workshop's roster.")
    wait_until(phone, "document.getElementById('card-result').textContent", timeout=5_000)
    assert phone.locator("#card-result").inner_text() == stranger
    assert stored.count() == 4
