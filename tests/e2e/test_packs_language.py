"""A Kurdish offline pack of an English-only course, opened from disk with no network."""

import io
import os
import zipfile

import pytest

from django.core.files.storage import storages

from courses.packs import pack_build
from tests.factories.course_pages import module_page
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_kurdish_pack_of_an_untranslated_course_shows_the_notice_and_english_left_to_right(
    page, tmp_path
):
    course = course_page(title="Medical oxygen", slug="oxygen", code="OXY-101")
    module_page(
        course,
        title="Sources",
        slug="sources",
        body=[{"type": "paragraph", "value": "<p>Cylinders need no electricity.</p>"}],
    )
    built = pack_build(course_id=course.pk, language="ckb")
    with zipfile.ZipFile(io.BytesIO(storages["private"].open(built["name"]).read())) as archive:
        archive.extractall(tmp_path / "usb")

    offline = page.context.browser.new_context(viewport={"width": 360, "height": 740})
    offline.set_offline(True)
    offline.route("http*://**/*", lambda route: route.abort())
    reader = offline.new_page()
    reader.goto((tmp_path / "usb" / "oxy-101-ckb-offline" / "index.html").as_uri())
    html = reader.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ckb", "rtl")
    assert "هێشتا وەرنەگێڕدراوەتە" in reader.locator(".fallback-notice").inner_text()
    title = reader.locator("h1")
    assert title.inner_text() == "Medical oxygen"
    assert title.evaluate("e => getComputedStyle(e).direction") == "ltr"
    reader.get_by_role("link", name="Sources").first.click()
    text = reader.locator("article.module p").first
    assert text.inner_text() == "Cylinders need no electricity."
    assert text.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert reader.locator(".fallback-notice").count() == 1
    if os.environ.get("E2E_SCREENSHOTS"):
        reader.screenshot(path=f"{os.environ['E2E_SCREENSHOTS']}/pack-ckb.png", full_page=True)
    offline.close()
