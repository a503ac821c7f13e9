import re
from decimal import Decimal

import pytest

from django.template.loader import get_template

from wagtail.models import get_page_models

from certificates.selectors import certificate_template_for
from courses.blocks import module_body_blocks
from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.course_pages import image, module_page
from tests.factories.courses import course_page
from tests.factories.workforce import UserFactory, cadre

pytestmark = pytest.mark.django_db


def test_course_page_shows_its_code_hours_audience_and_completion_rule(client):
    course = course_page(
        title="Medical oxygen",
        slug="oxygen",
        code="OXY-101",
        cme_hours=Decimal("12.5"),
        accrediting_body="Iraqi Medical Council",
        objectives="<p>Store cylinders safely.</p>",
        min_attendance_percent=75,
        pass_mark_percent=70,
    )
    course.audience_cadres.set([cadre("nurse")])
    course.save()
    html = client.get("/courses/oxygen/").content.decode()
    for text in [
        "OXY-101",
        "12.5",
        "Iraqi Medical Council",
        "Store cylinders safely.",
        cadre("nurse").name,
        "attend at least 75% of the sessions",
        "score at least 70% in the post-test",
    ]:
        assert text in html


def test_course_without_a_post_test_asks_for_attendance_only(client):
    course_page(slug="triage", min_attendance_percent=100, pass_mark_percent=None)
    html = client.get("/courses/triage/").content.decode()
    assert "attend at least 100% of the sessions" in html
    assert "post-test" not in html


def test_course_editor_shows_the_chosen_certificate_template(client):
    template = CertificateTemplateFactory(name="Kurdistan Region certificate")
    course = course_page(slug="oxygen", certificate_template=template)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    html = client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert 'name="certificate_template"' in html
    assert "Kurdistan Region certificate" in html


def test_certificate_of_a_course_uses_the_template_chosen_on_the_course():
    CertificateTemplateFactory(name="Ministry default", is_default=True)
    chosen = CertificateTemplateFactory(name="Kurdistan Region certificate")
    course = course_page(certificate_template=chosen)
    assert certificate_template_for(course=course) == chosen
    assert certificate_template_for(course=course_page()).name == "Ministry default"


def test_every_page_type_declares_where_it_may_live_and_what_it_may_hold():
    models = [model for model in get_page_models() if model._meta.app_label == "courses"]
    assert {model.__name__ for model in models} >= {"HomePage", "CoursePage", "ModulePage"}
    for model in models:
        assert "parent_page_types" in vars(model), model
        assert "subpage_types" in vars(model), model


def test_every_teaching_block_has_its_own_template():
    for name, block in module_body_blocks:
        assert block.meta.template == f"courses/blocks/{name}.html"
        get_template(block.meta.template)


def test_course_and_module_pages_load_nothing_from_another_host(client):
    course = course_page(slug="oxygen")
    body = [
        {"type": "image", "value": {"image": image().pk, "alt_text": "Valve", "caption": ""}},
        {
            "type": "video",
            "value": {
                "video": "https://www.youtube.com/watch?v=abcdefghijk",
                "title": "Valve",
                "text_alternative": "<p>Open slowly.</p>",
            },
        },
    ]
    module_page(course, title="Valves", slug="valves", body=body)
    for url in ["/", "/courses/", "/courses/oxygen/", "/courses/oxygen/valves/"]:
        html = client.get(url).content.decode()
        loaded = re.findall(
            r'<(?:script|img|iframe|source|link)\b[^>]*\b(?:src|href)="([^"]*)"', html
        )
        assert loaded, url
        assert [src for src in loaded if re.match(r"(?:https?:)?//", src)] == [], url
        assert "url(http" not in html and "@import" not in html
