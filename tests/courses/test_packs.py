import io
import posixpath
import re
import time
import zipfile

import pytest

from django.core.cache import caches
from django.core.files.storage import storages

from courses.packs import pack_build, pack_name, pack_ready
from tests.factories.course_pages import document, image, module_page, translation_of
from tests.factories.courses import course_page
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db
LINK = re.compile(r'\b(?:href|src)="([^"]*)"')


@pytest.fixture(autouse=True)
def _fresh_renditions():
    """Wagtail caches renditions by image id; each test has its own media folder."""
    caches["default"].clear()


@pytest.fixture
def course():
    course = course_page(title="Oxygen", slug="oxygen", code="OXY-101")
    first = module_page(
        course,
        title="Sources",
        slug="sources",
        body=[
            {
                "type": "image",
                "value": {"image": image().pk, "alt_text": "Cylinder", "caption": ""},
            },
            {
                "type": "handout",
                "value": {
                    "document": document(title="Checklist", name="check.pdf").pk,
                    "title": "",
                    "description": "",
                },
            },
            {
                "type": "slide_deck",
                "value": {"document": document(title="Slides", name="slides.pdf").pk, "title": ""},
            },
            {
                "type": "handout",
                "value": {
                    "document": document(title="Contacts", restricted=True).pk,
                    "title": "",
                    "description": "",
                },
            },
        ],
    )
    module_page(
        course,
        title="Safety",
        slug="safety",
        body=[
            {
                "type": "paragraph",
                "value": f'<p>See <a linktype="page" id="{first.pk}">the sources</a>.</p>',
            },
            {
                "type": "video",
                "value": {
                    "video": "https://www.youtube.com/watch?v=abcdefghijk",
                    "title": "Valve",
                    "text_alternative": "<p>Open slowly.</p>",
                },
            },
        ],
    )
    return course


def _zip(result) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(storages["private"].open(result["name"]).read()))


def test_every_link_in_the_pack_resolves_inside_the_zip(course):
    archive = _zip(pack_build(course_id=course.pk, language="en"))
    names = set(archive.namelist())
    pages = [name for name in names if name.endswith(".html")]
    assert len(pages) == 3
    for page in pages:
        for url in LINK.findall(archive.read(page).decode()):
            if url.startswith(("https://", "http://", "#")):
                continue
            assert posixpath.normpath(posixpath.join(posixpath.dirname(page), url)) in names, url


def test_pack_loads_nothing_from_another_host(course):
    archive = _zip(pack_build(course_id=course.pk, language="en"))
    for name in archive.namelist():
        if name.endswith((".html", ".css")):
            text = archive.read(name).decode()
            assert not re.search(r'\bsrc="(?:https?:)?//', text)
            assert "url(http" not in text


def test_pack_holds_the_images_and_public_handouts_but_not_restricted_ones(course):
    archive = _zip(pack_build(course_id=course.pk, language="en"))
    names = archive.namelist()
    assert any(name.endswith("check.pdf") for name in names)
    assert any(name.endswith("slides.pdf") for name in names)
    assert any("/media/images/" in name for name in names)
    assert not any("handout" in name and name.endswith("/handout.pdf") for name in names)
    module = next(name for name in names if "module-01" in name)
    assert "restricted: sign in" in archive.read(module).decode()


def test_arabic_pack_is_right_to_left_and_in_arabic(course):
    translation_of(course, language="ar", title="الأوكسجين الطبي")
    archive = _zip(pack_build(course_id=course.pk, language="ar"))
    index = next(name for name in archive.namelist() if name.endswith("/index.html"))
    html = archive.read(index).decode()
    assert 'dir="rtl"' in html
    assert "الأوكسجين الطبي" in html


def test_pack_is_reused_until_a_module_changes(course):
    first = pack_build(course_id=course.pk, language="en")
    assert pack_build(course_id=course.pk, language="en")["name"] == first["name"]
    module = course.get_children().first().specific
    module.title = "Oxygen sources"
    module.save_revision().publish()
    assert pack_ready(course=course) is None
    assert pack_name(course=course, language="en") != first["name"]


def test_a_rebuilt_pack_replaces_the_old_one_in_storage(course):
    first = pack_build(course_id=course.pk, language="en")
    arabic = pack_build(course_id=course.pk, language="ar")
    module = course.get_children().first().specific
    module.title = "Oxygen sources"
    module.save_revision().publish()
    second = pack_build(course_id=course.pk, language="en")
    private = storages["private"]
    assert not private.exists(first["name"])
    assert private.exists(second["name"])
    assert private.exists(arabic["name"])  # built from the English page too, but its own pack


def test_anonymous_reader_is_sent_to_log_in_for_a_pack(client, course):
    response = client.post("/courses/oxygen/offline/")
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_signed_in_reader_gets_the_pack_as_a_zip(
    client, course, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/courses/oxygen/offline/", HTTP_ACCEPT="application/json")
    status = client.post("/courses/oxygen/offline/", HTTP_ACCEPT="application/json").json()
    assert status["ready"] is True
    response = client.get(status["url"])
    assert response["Content-Disposition"].startswith(
        'attachment; filename="oxy-101-en-offline.zip"'
    )
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert "oxy-101-en-offline/index.html" in archive.namelist()


@pytest.fixture
def worker_media(settings):
    """The media folders the worker process writes to (the test settings' own, not tmp_path)."""
    from cme.settings import test as worker_settings

    settings.MEDIA_ROOT = worker_settings.MEDIA_ROOT
    settings.PRIVATE_MEDIA_ROOT = worker_settings.PRIVATE_MEDIA_ROOT
    settings.STORAGES = worker_settings.STORAGES


@pytest.mark.services
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pack_built_by_a_real_worker_reports_its_progress_to_the_reader_only(
    client, real_worker, worker_media, course
):
    client.force_login(UserFactory())
    started = client.post("/courses/oxygen/offline/", HTTP_ACCEPT="application/json").json()
    assert started["ready"] is False and started["status_url"]
    job = client.get(started["status_url"]).json()
    for _ in range(1200):
        if job["ready"]:
            break
        time.sleep(0.1)
        job = client.get(started["status_url"]).json()
    assert (job["failed"], job["done"], job["total"]) == (False, 4, 4)
    client.force_login(UserFactory())
    assert client.get(started["status_url"]).status_code == 404
    assert client.post("/courses/oxygen/offline/", HTTP_ACCEPT="application/json").json()["ready"]


def test_kurdish_pack_of_an_english_course_marks_its_text_english_with_the_notice(course):
    files = _zip(pack_build(course_id=course.pk, language="ckb"))
    index = files.read("oxy-101-ckb-offline/index.html").decode()
    module = files.read("oxy-101-ckb-offline/module-01-sources.html").decode()
    assert '<html lang="ckb" dir="rtl">' in index
    for html in (index, module):
        assert "fallback-notice" in html
        assert "ئەم پەڕەیە هێشتا وەرنەگێڕدراوەتە" in html
    assert '<header lang="en" dir="ltr">' in index
    assert '<article class="module" lang="en" dir="ltr">' in module


def test_arabic_pack_of_an_arabic_course_has_no_notice_and_no_marks(course):
    translation_of(course, language="ar", title="الأوكسجين")
    index = _zip(pack_build(course_id=course.pk, language="ar")).read(
        "oxy-101-ar-offline/index.html"
    )
    html = index.decode()
    assert "fallback-notice" not in html
    assert '<header lang="en"' not in html
