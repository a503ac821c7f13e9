"""Visit every page a role can reach and record what a reader would find wrong on it.

The pages come from the URL resolver (every route under the language prefix, reversed with the
role's own records) and from the links of the site's navigation. One visit per page records every
check at once; the tests then read the findings check by check.
"""

import re
from pathlib import Path

from django.urls import reverse
from django.utils.translation import override

from certificates.models import Certificate
from courses.models import CourseIndexPage, CoursePage, ModulePage, Workshop
from tests.e2e.journeys.checks import BROKEN_IMAGES, OVERFLOW, at, login
from tests.urlwalk import i18n_routes
from workforce.models import HealthWorker

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe.min.js"
AXE_SOURCE = AXE.read_text(encoding="utf-8")
CHECKS = ["overflow", "broken image", "english", "console error", "axe"]
ROLES = ["worker.kirkuk", "trainer.kirkuk", "auditor.national", "reviewer.national"]

# Routes a visit would change a record through, or that need a one-off secret.
NOT_VISITED = {
    "courses:check_in": "a visit checks the reader in; the health worker's journey covers it",
    "accounts:logout": "logging out ends the walk",
}

# Latin words in text that is not marked as another language or isolated (bdi, dir=auto/ltr, code).
# Text between an isolate (LRI, RLI or FSI) and its PDI is isolated as <bdi> is: the catalogues
# wrap Latin codes in translated strings this way (core/isolates.py). Innermost pairs go first; an
# isolate left open runs to the end of the text, as in UAX #9.
ENGLISH_WORDS = """(language) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const words = new Set();
  const bare = (text) => {
    let before;
    do {
      before = text;
      text = text.replace(/[\u2066-\u2068][^\u2066-\u2069]*(?:\u2069|$)/g, " ");
    } while (text !== before);
    return text.match(/[A-Za-z]{2,}/g) || [];
  };
  const isolated = "bdi, [dir=auto], [dir=ltr], code, kbd, samp, script, style, noscript, "
    + "option:not(:checked), svg, template";
  while (walker.nextNode()) {
    const element = walker.currentNode.parentElement;
    const marked = element.closest("[lang]");
    if (marked && marked.lang !== language) continue;
    if (element.closest(isolated)) continue;
    if (!element.checkVisibility({visibilityProperty: true})) continue;
    for (const word of bare(walker.currentNode.textContent)) words.add(word);
  }
  document.querySelectorAll("input[placeholder], input[type=submit]").forEach((input) => {
    if (!input.checkVisibility() || input.closest("[dir=ltr], [dir=auto]")) return;
    const text = input.placeholder || input.value;
    for (const word of bare(text)) words.add(word);
  });
  return [...words].sort();
}"""
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}});
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × `
    + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | "));
}"""
DRAWS = """(url) => new Promise((done) => {
  const image = new Image();
  image.onload = () => done(image.naturalWidth);
  image.onerror = () => done(0);
  image.src = url;
})"""


def _samples(username: str) -> dict[str, dict]:
    """The role's own records for the routes' parameters, by the route's path before them."""
    worker = HealthWorker.objects.get(user__username="worker.kirkuk")
    kirkuk = Workshop.objects.filter(venue__governorate__code="KIR")
    closed = kirkuk.filter(status="closed").order_by("starts_on").first()
    running = kirkuk.get(status="running")
    certificate = Certificate.objects.filter(completion__health_worker=worker).first()
    claim = worker.external_activities.order_by("pk").first()
    return {
        "learning/workshops/": {"pk": running.pk},
        "learning/sessions/": {"pk": running.sessions.order_by("date").first().pk},
        "learning/claims/": {"pk": claim.pk},
        "learning/health-workers/": {"pk": worker.pk},
        "certificates/": {"pk": certificate.pk},
        "certificates/workshops/": {"workshop_id": closed.pk, "kind": "zip"},
        "verify/": {"key": certificate.verification_code},
        "coverage/export/": {"view": "index", "file_format": "xlsx"},
    }


def role_paths(username: str, language: str) -> dict[str, str]:
    """name -> path of every route reversible with the role's records, and the content pages."""
    samples = _samples(username)
    paths = {}
    for route in i18n_routes():
        if route.name in NOT_VISITED:
            continue
        prefix = re.sub(r"<.*", "", route.route)
        kwargs = {}
        if route.params:
            kwargs = samples.get(prefix)
            if kwargs is None or set(route.params) - set(kwargs):
                continue
            kwargs = {name: kwargs[name] for name in route.params}
        with override(language):
            paths[route.name] = reverse(route.name, kwargs=kwargs)
    course = CoursePage.objects.live().filter(locale__language_code=language).first()
    module = ModulePage.objects.live().filter(locale__language_code=language).first()
    catalogue = CourseIndexPage.objects.live().filter(locale__language_code=language).first()
    pages = (("page:catalogue", catalogue), ("page:course", course), ("page:module", module))
    for name, page in pages:
        if page is not None:
            paths[name] = at(language, "/" + page.url_path.split("/", 2)[2])
    return paths


def _nav_paths(page) -> dict[str, str]:
    links = page.eval_on_selector_all(
        "header a[href^='/']", "links => links.map((a) => a.getAttribute('href'))"
    )
    return {f"nav:{href}": href for href in links if not href.startswith("/admin")}


def walk(page, username: str, language: str) -> dict[str, dict[str, list]]:
    """{page name: {check: [findings]}} for every page the role reaches (404/403/405 skipped)."""
    page.language = language
    login(page, username)
    page.goto(at(language, "/"))
    paths = {**role_paths(username, language), **_nav_paths(page)}
    seen, findings = set(), {}
    for name, path in paths.items():
        if path in seen:
            continue
        seen.add(path)
        response = page.context.request.get(path, max_redirects=0)
        if response.status != 200:
            continue
        kind = response.headers.get("content-type", "")
        if kind.startswith("image/"):
            drawn = page.evaluate(DRAWS, path)
            findings[name] = {"broken image": [] if drawn > 0 else [path]}
            continue
        if not kind.startswith("text/html"):
            continue
        findings[name] = _visit(page, path, language)
    return findings


def _visit(page, path: str, language: str) -> dict[str, list]:
    page.console_errors.clear()
    page.goto(path)
    page.wait_for_load_state("load")
    errors = [str(error)[:200] for error in page.console_errors]
    # Evaluated through the browser's debugging protocol, not as a page script: the site's
    # Content-Security-Policy (script-src 'self') rightly refuses an injected inline script.
    page.evaluate(AXE_SOURCE)
    return {
        "overflow": [f"{overflow} px wider"] if (overflow := page.evaluate(OVERFLOW)) > 0 else [],
        "broken image": page.evaluate(BROKEN_IMAGES),
        "english": page.evaluate(ENGLISH_WORDS, language),
        "console error": errors,
        "axe": page.evaluate(AXE_RUN),
    }
