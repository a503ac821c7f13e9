import zipfile

import pytest

from courses.models import CoursePage
from tests.e2e.conftest import login, wait_until
from tests.factories.course_pages import (
    course_section,
    document,
    image,
    module_page,
    translation_of,
)
from tests.factories.courses import course_page
from tests.factories.workforce import RoleAssignmentFactory, UserFactory, governorate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_reader_browses_the_arabic_catalogue_and_opens_a_course_on_a_phone(phone):
    course = course_page(title="Medical oxygen", slug="oxygen", summary="Oxygen in hospitals")
    translation_of(
        course, language="ar", title="إدارة الأوكسجين الطبي", summary="الأوكسجين في المستشفيات"
    )
    phone.goto("/ar/courses/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    phone.get_by_role("link", name="إدارة الأوكسجين الطبي").click()
    phone.wait_for_url("**/ar/courses/oxygen/")
    assert phone.locator("h1").inner_text() == "إدارة الأوكسجين الطبي"
    assert phone.locator("html").get_attribute("lang") == "ar"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_trainer_submits_a_module_and_a_reviewer_publishes_it(page):
    section = course_section(governorate_code="KIR")
    course = section.add_child(
        instance=CoursePage(title="Oxygen", slug="oxygen", code="OXY", cme_hours=4)
    )
    course.save_revision().publish()
    module = module_page(course, title="Cylinders", slug="cylinders", publish=False)
    trainer = UserFactory(username="trainer.kirkuk")
    RoleAssignmentFactory(
        user=trainer, role="trainer", level="governorate", governorate=governorate("KIR")
    )
    RoleAssignmentFactory(user=UserFactory(username="reviewer"), role="reviewer", level="national")

    login(page, "trainer.kirkuk")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    page.fill("#id_title", "Cylinder storage")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="Submit to Course review").click()
    page.wait_for_load_state()
    assert (
        page.context.request.get(
            f"{page.url.split('/admin')[0]}/courses/kir/oxygen/cylinders/"
        ).status
        == 404
    )

    page.context.clear_cookies()
    login(page, "reviewer")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator(
        "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    ).click()
    page.wait_for_load_state()
    page.context.clear_cookies()
    page.goto("/courses/kir/oxygen/cylinders/")
    assert page.locator("h1").inner_text() == "Cylinder storage"


def test_offline_pack_downloads_and_opens_from_disk_with_no_network(page, tmp_path):
    course = course_page(title="Medical oxygen", slug="oxygen", code="OXY-101")
    module_page(
        course,
        title="Sources",
        slug="sources",
        body=[
            {"type": "paragraph", "value": "<p>Cylinders need no electricity.</p>"},
            {
                "type": "image",
                "value": {"image": image().pk, "alt_text": "Cylinder", "caption": "A cylinder"},
            },
            {
                "type": "handout",
                "value": {
                    "document": document(title="Checklist", name="check.pdf").pk,
                    "title": "",
                    "description": "",
                },
            },
        ],
    )
    UserFactory(username="nurse")
    login(page, "nurse")
    page.goto("/courses/oxygen/")
    with page.expect_download() as waiting:
        page.get_by_role("button", name="Download for offline use").click()
    archive_path = tmp_path / "pack.zip"
    waiting.value.save_as(archive_path)
    with zipfile.ZipFile(archive_path) as archive:
        archive.extractall(tmp_path / "usb")

    offline = page.context.browser.new_context()
    offline.set_offline(True)
    offline.route("http*://**/*", lambda route: route.abort())
    reader = offline.new_page()
    reader.goto((tmp_path / "usb" / "oxy-101-en-offline" / "index.html").as_uri())
    assert reader.locator("h1").inner_text() == "Medical oxygen"
    reader.get_by_role("link", name="Sources").first.click()
    assert "Cylinders need no electricity." in reader.locator("main").inner_text()
    picture = reader.locator("img[alt=Cylinder]")
    picture.scroll_into_view_if_needed()
    # A lazy image loads a moment after it scrolls into view: wait for it rather than race it.
    wait_until(
        reader,
        "img => img.complete && img.naturalWidth > 0",
        arg=picture.element_handle(),
        timeout=10_000,
    )
    assert reader.locator(".site-header").evaluate("e => getComputedStyle(e).display") == "flex"
    offline.close()


def test_module_with_a_long_next_module_title_fits_a_phone_screen_in_arabic(phone):
    course = course_page(title="Oxygen", slug="oxygen")
    first = module_page(course, title="Sources", slug="sources")
    module_page(course, title="Storage", slug="storage")
    handout = document(title="Checklist", name="check.pdf")
    translation_of(course, language="ar", title="الأوكسجين")
    translation_of(
        first,
        language="ar",
        title="المصادر",
        body=[
            {"type": "handout", "value": {"document": handout.pk, "title": "", "description": ""}}
        ],
    )
    translation_of(
        course.get_children().last(),
        language="ar",
        title="الخزن الآمن والتداول وفحص الشبكة وصيانة المنظمات في كل ردهة",
    )
    phone.goto("/ar/courses/oxygen/sources/")
    assert phone.locator("html").get_attribute("dir") == "rtl"
    assert "الخزن الآمن" in phone.locator("a[rel=next]").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
