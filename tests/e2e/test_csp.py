"""In a real browser, in Arabic on a phone, pages break no rule of their security policy."""

import datetime

import pytest

from coverage.services import coverage_rebuild
from tests.coverage.conftest import complete
from tests.e2e.conftest import login
from tests.factories.course_pages import document, image, module_page
from tests.factories.courses import course_page
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    directorate,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WATCH = """() => {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) => {
    window.__violations.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
  });
}"""


def _violations(phone, path: str) -> list[str]:
    phone.goto(path)
    phone.wait_for_load_state("networkidle")
    return phone.evaluate("window.__violations")


def test_arabic_pages_on_a_phone_break_no_content_security_policy(phone):
    course = course_page(title="Oxygen", slug="oxygen")
    module_page(
        course,
        title="Cylinders",
        slug="cylinders",
        body=[
            {
                "type": "image",
                "value": {"image": image().pk, "alt_text": "Cylinder", "caption": ""},
            },
            {
                "type": "handout",
                "value": {"document": document().pk, "title": "Checklist", "description": ""},
            },
        ],
    )
    facility = FacilityFactory(directorate=directorate("KIR"))
    complete(HealthWorkerFactory(facility=facility), course, datetime.date(2026, 3, 2))
    coverage_rebuild()
    auditor = RoleAssignmentFactory(role="auditor", level="national").user
    RoleAssignmentFactory(user=UserFactory(username="reader"), role="trainer", level="national")
    phone.context.add_init_script(f"({WATCH})()")
    public = ["/ar/", "/ar/accounts/login/", "/ar/verify/CME-0/", "/ar/courses/oxygen/cylinders/"]
    seen = {path: _violations(phone, path) for path in public}
    login(phone, "reader")
    seen["/ar/courses/oxygen/"] = _violations(phone, "/ar/courses/oxygen/")
    phone.context.clear_cookies()
    login(phone, auditor.username)
    trend = f"/ar/coverage/trend/?start=2026-01&end=2026-06&courses={course.pk}"
    seen[trend] = _violations(phone, trend)
    assert phone.locator('[data-chart-library="chartist"] svg .ct-bar').count() == 6
    assert {path: found for path, found in seen.items() if found} == {}
