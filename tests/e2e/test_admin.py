"""The Wagtail admin in a browser: in the staff member's language, and nothing from elsewhere."""

import os
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from django.urls import NoReverseMatch, Resolver404, get_resolver, resolve, reverse

from courses.models import CoursePage
from tests.e2e.conftest import login
from tests.factories.course_pages import course_section, document, image, module_page
from tests.factories.workforce import UserFactory, governorate
from workforce.services import role_assign

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LONG_TITLE = "Medical oxygen management and biomedical support for district hospitals and clinics"
# Pages of one kind (one URL pattern) are visited once per user; this caps a runaway walk.
WALK_CAP = 150
NOT_VISITED = ("/admin/logout/", "/admin/login/")


def _screenshot(page, name: str) -> None:
    folder = os.environ.get("E2E_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"))


def _leave_the_editor(page) -> None:
    """Stop the editor's background requests (session pings) before the database is reset."""
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")


def _kirkuk_course():
    section = course_section(governorate_code="KIR")
    course = section.add_child(
        instance=CoursePage(title=LONG_TITLE, slug="oxygen", code="OXY", cme_hours=4)
    )
    course.save_revision().publish()
    return course


def _staff(username: str, role: str, **scope):
    user = UserFactory(username=username, email="", first_name="", last_name="")
    role_assign(user=user, role=role, **scope)
    return user


def test_trainer_without_name_or_email_submits_a_module_in_the_arabic_admin(page):
    course = _kirkuk_course()
    module = module_page(course, title="Cylinders", slug="cylinders")
    _staff("trainer.kirkuk", "trainer", level="governorate", governorate=governorate("KIR"))
    login(page, "trainer.kirkuk")
    page.select_option("#language-select", "ar")
    page.wait_for_url("**/ar/**")
    page.get_by_role("link", name="الإدارة").click()
    page.wait_for_url("**/admin/")
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    page.fill("#id_title", "Cylinder storage")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("button", name="تقديم إلى مراجعة الدورة").click()
    page.wait_for_load_state()
    page.goto(f"/admin/pages/{module.pk}/edit/")
    html = page.content()
    assert "موافقة المراجِع" in html
    assert "Reviewer approval" not in html and "Course review" not in html
    module.refresh_from_db()
    assert module.workflow_in_progress
    _screenshot(page, "admin-ar-module-edit")
    _leave_the_editor(page)


def test_long_english_title_in_the_arabic_admin_header_is_cut_at_its_end(page):
    course = _kirkuk_course()
    module = module_page(course, title=LONG_TITLE + " module one", slug="one")
    _staff("trainer.kirkuk", "trainer", level="governorate", governorate=governorate("KIR"))
    login(page, "trainer.kirkuk")
    page.goto("/ar/accounts/profile/")
    page.goto(f"/admin/pages/{module.pk}/edit/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    _screenshot(page, "admin-ar-long-title")
    title = page.locator(".w-breadcrumbs li:last-child > *").first
    assert LONG_TITLE[:20] in title.text_content()
    # The first letter of the title lies inside the visible box: its start is not cut off.
    first_letter_left, box_left, box_right = title.evaluate(
        """e => { const text = [...e.childNodes].find(n => n.nodeType === 3 && n.data.trim());
          const start = text.data.indexOf(text.data.trim()[0]);
          const range = document.createRange();
          range.setStart(text, start);
          range.setEnd(text, start + 1);
          const box = e.getBoundingClientRect();
          return [range.getBoundingClientRect().left, box.left, box.right]; }"""
    )
    assert box_left - 1 <= first_letter_left <= box_right
    assert page.locator("#id_title").evaluate("e => e.scrollLeft") == 0
    _leave_the_editor(page)


def _admin_routes_without_arguments() -> list[str]:
    """Every admin URL the resolver can build with no arguments."""
    urls = []
    for name in get_resolver().reverse_dict:
        if not isinstance(name, str):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        if url.startswith("/admin/") and not url.startswith(NOT_VISITED):
            urls.append(url)
    return sorted(set(urls))


def _pattern_of(path: str) -> str | None:
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.route


def _walk_admin(page, origin: str) -> tuple[set[str], list[str]]:
    """Breadth-first over the admin links a user sees, each kind of page once; foreign requests."""
    foreign: list[str] = []
    host = urlsplit(origin).netloc

    def record(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != host:
            foreign.append(f"{request.url} (from {page.url})")

    page.on("request", record)
    queue = deque(["/admin/", *_admin_routes_without_arguments()])
    seen_patterns: set[str] = set()
    visited: set[str] = set()
    while queue and len(visited) < WALK_CAP:
        path = queue.popleft()
        pattern = _pattern_of(urlsplit(path).path)
        if pattern is None or pattern in seen_patterns or path.startswith(NOT_VISITED):
            continue
        seen_patterns.add(pattern)
        visited.add(path)
        try:
            response = page.goto(path, wait_until="load")
        except PlaywrightError:  # a download (an export) is not a page
            continue
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            parts = urlsplit(urldefrag(href)[0])
            if parts.netloc == host and parts.path.startswith("/admin/"):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    # Let the last page's own requests finish before the test ends and the database is reset.
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    page.remove_listener("request", record)
    return visited, foreign


def test_no_admin_page_of_trainer_reviewer_or_administrator_loads_from_another_host(page):
    course = _kirkuk_course()
    module_page(course, title="Cylinders", slug="cylinders")
    image()
    document(title="Checklist", name="check.pdf")
    users = [
        _staff("trainer.kirkuk", "trainer", level="governorate", governorate=governorate("KIR")),
        _staff("reviewer.national", "reviewer", level="national"),
        _staff("administrator.national", "administrator", level="national"),
    ]
    for user in users:
        user.email = f"{user.username}@example.org"  # would be a Gravatar image if they were on
        user.save()
    for user in users:
        page.context.clear_cookies()
        login(page, user.username)
        origin = page.evaluate("location.origin")
        visited, foreign = _walk_admin(page, origin)
        assert len(visited) > 10, (user.username, visited)
        assert foreign == [], (user.username, foreign)
