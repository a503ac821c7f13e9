import pytest

from tests.factories.course_pages import document, image, module_page, translation_of
from tests.factories.courses import course_page
from tests.factories.workforce import cadre

pytestmark = pytest.mark.django_db


def test_arabic_course_page_is_right_to_left_with_its_arabic_text(client):
    course = course_page(title="Oxygen", slug="oxygen", summary="Oxygen in hospitals")
    translation_of(
        course, language="ar", title="الأوكسجين الطبي", summary="الأوكسجين في المستشفيات"
    )
    html = client.get("/ar/courses/oxygen/").content.decode()
    assert 'dir="rtl"' in html
    assert "الأوكسجين الطبي" in html
    assert "fallback-notice" not in html


def test_untranslated_course_is_served_in_english_with_a_notice(client):
    course_page(title="Oxygen", slug="oxygen")
    response = client.get("/ckb/courses/oxygen/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Oxygen</h1>" in html
    assert "fallback-notice" in html


def test_english_text_inside_a_kurdish_page_is_marked_english_left_to_right(client):
    course_page(title="Oxygen", slug="oxygen", summary="Cylinders need no electricity.")
    html = client.get("/ckb/courses/oxygen/").content.decode()
    assert '<html lang="ckb" dir="rtl"' in html
    assert '<header lang="en" dir="ltr">' in html
    assert "<h1>Oxygen</h1>" in html


def test_untranslated_module_of_a_translated_course_falls_back_to_english(client):
    course = course_page(title="Oxygen", slug="oxygen")
    module_page(course, title="Cylinders", slug="cylinders")
    translation_of(course, language="ar", title="الأوكسجين")
    html = client.get("/ar/courses/oxygen/cylinders/").content.decode()
    assert "<h1>Cylinders</h1>" in html
    assert "fallback-notice" in html


def test_arabic_catalogue_lists_english_only_courses_with_a_badge(client):
    course_page(title="Triage basics", slug="triage")
    translation_of(course_page(title="Oxygen", slug="oxygen"), language="ar", title="الأوكسجين")
    html = client.get("/ar/courses/").content.decode()
    assert "الأوكسجين" in html
    assert "Triage basics" in html
    assert html.count('class="badge"') == 1
    assert html.count('<h2 lang="en" dir="ltr">') == 1


def test_catalogue_search_finds_arabic_words(client):
    course = course_page(title="Oxygen", slug="oxygen")
    translation_of(course, language="ar", title="إدارة الأوكسجين", summary="سلامة الأسطوانات")
    translation_of(
        course_page(title="Triage", slug="triage"), language="ar", title="الإنعاش القلبي"
    )
    html = client.get("/ar/courses/", {"q": "الأسطوانات"}).content.decode()
    assert "إدارة الأوكسجين" in html
    assert "الإنعاش القلبي" not in html


def test_catalogue_search_finds_kurdish_words_in_module_text(client):
    course = course_page(title="Mobile clinics", slug="mobile")
    kurdish = translation_of(course, language="ckb", title="کلینیکی گەڕۆک")
    module = module_page(course, title="Triage", slug="triage")
    body = [{"type": "paragraph", "value": "<p>پۆلێنکردنی نەخۆشەکان بەپێی مەترسی</p>"}]
    translation_of(module, language="ckb", title="پۆلێنکردن", body=body)
    html = client.get("/ckb/courses/", {"q": "مەترسی"}).content.decode()
    assert kurdish.title in html


def test_catalogue_filters_by_cadre_topic_and_language(client):
    nursing = course_page(title="Wound care", slug="wounds", topic="Nursing")
    nursing.audience_cadres.set([cadre("nurse")])
    nursing.save()
    course_page(title="Data collection", slug="data", topic="Information")
    translation_of(nursing, language="ar", title="العناية بالجروح")
    html = client.get("/courses/", {"cadre": "nurse"}).content.decode()
    assert "Wound care" in html and "Data collection" not in html
    html = client.get("/courses/", {"topic": "Information"}).content.decode()
    assert "Data collection" in html and "Wound care" not in html
    html = client.get("/courses/", {"language": "ar"}).content.decode()
    assert "Wound care" in html and "Data collection" not in html


def test_catalogue_search_finds_english_words_in_module_text(client):
    course = course_page(title="Medical oxygen", slug="oxygen")
    module_page(
        course,
        title="Storage",
        body=[{"type": "paragraph", "value": "<p>Chain every cylinder upright.</p>"}],
    )
    course_page(title="Triage in mobile clinics", slug="triage")
    html = client.get("/courses/", {"q": "cylinder"}).content.decode()
    assert "Medical oxygen" in html
    assert "Triage in mobile clinics" not in html


def test_module_renders_every_kind_of_teaching_block(client):
    course = course_page(title="Oxygen", slug="oxygen")
    body = [
        {"type": "heading", "value": "Cylinders"},
        {"type": "paragraph", "value": "<p>Store them upright.</p>"},
        {
            "type": "image",
            "value": {"image": image().pk, "alt_text": "A cylinder", "caption": "Fig 1"},
        },
        {
            "type": "handout",
            "value": {"document": document(title="Checklist").pk, "title": "", "description": ""},
        },
        {
            "type": "video",
            "value": {
                "video": "https://www.youtube.com/watch?v=abcdefghijk",
                "title": "Demo",
                "text_alternative": "<p>The video shows a valve.</p>",
            },
        },
        {
            "type": "callout",
            "value": {"kind": "warning", "title": "Grease", "text": "<p>No grease.</p>"},
        },
        {"type": "checklist", "value": {"title": "Daily", "items": ["Gauge read", "Chain fixed"]}},
        {"type": "slide_deck", "value": {"document": document(title="Slides").pk, "title": ""}},
    ]
    module_page(course, title="Storage", slug="storage", body=body)
    html = client.get("/courses/oxygen/storage/").content.decode()
    for text in [
        "Cylinders",
        "Store them upright.",
        'alt="A cylinder"',
        "Fig 1",
        "Checklist",
        "The video shows a valve.",
        "callout-warning",
        "Chain fixed",
        "Slides",
    ]:
        assert text in html
    assert "<iframe" not in html
