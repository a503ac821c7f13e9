"""Weigh a course page's first load in real Chromium: `manage.py measure_page_weight --serve`."""

import socket
import subprocess
import sys
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage, ModulePage

BUDGET_BYTES = 300 * 1024
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"]
KINDS = ("document", "stylesheet", "script", "font", "image")
# The demo courses read in each language (seed_demo): oxygen in Arabic, mobile clinics in Kurdish.
DEMO_PAGES = [("OXY-101", "en"), ("OXY-101", "ar"), ("PHC-110", "ckb")]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _demo_paths() -> list[str]:
    """Each demo course page in its language, and its first module."""
    paths = []
    for code, language in DEMO_PAGES:
        course = CoursePage.objects.live().filter(code=code, locale__language_code=language).first()
        if course is None:
            continue
        paths.append(course.url)
        module = ModulePage.objects.child_of(course).live().order_by("path").first()
        if module is not None:
            paths.append(module.url)
    if not paths:
        raise CommandError("No demo course found: run `manage.py seed_demo` first, or pass paths.")
    return paths


class Command(BaseCommand):
    help = (
        "Load course pages in Chromium with an empty cache at phone width, sum the bytes of every "
        "response (HTML, CSS, JS, fonts, images; no video is embedded until asked for), and print "
        "them against the 300 KB budget. Fails when over budget, when anything comes from another "
        "host, or when the page is wider than the screen."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="page paths (default: the demo courses)")
        parser.add_argument("--base-url", default="", help="a running server (default: --serve)")
        parser.add_argument(
            "--serve", action="store_true", help="start `runserver` on a free port for the run"
        )
        parser.add_argument("--width", type=int, default=360, help="viewport width in CSS px")
        parser.add_argument("--screenshots", default="", help="folder for full-page screenshots")
        parser.add_argument("--chromium", default=CHROMIUM)

    def handle(self, *, paths, base_url, serve, width, screenshots, chromium, **options):
        paths = paths or _demo_paths()
        server = None
        if serve or not base_url:
            port = _free_port()
            base_url = f"http://127.0.0.1:{port}"
            server = subprocess.Popen(  # noqa: S603 - our own manage.py
                [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
                cwd=settings.BASE_DIR,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self._wait_for(base_url)
        try:
            failures = self._measure(base_url, paths, width, screenshots, chromium)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=10)
        if failures:
            raise CommandError("; ".join(failures))

    def _wait_for(self, base_url: str) -> None:
        for _ in range(120):
            try:
                urllib.request.urlopen(base_url + "/", timeout=2)  # noqa: S310 - our own server
                return
            except OSError:
                time.sleep(0.5)
        raise CommandError(f"The server at {base_url} did not answer.")

    def _measure(self, base_url, paths, width, screenshots, chromium) -> list[str]:
        from playwright.sync_api import sync_playwright

        failures = []
        self.stdout.write(f"First load at {width} px, empty cache, from {base_url}")
        self.stdout.write(
            f"{'page':<48} " + " ".join(f"{kind:>10}" for kind in KINDS) + f" {'total':>10}"
        )
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=CHROMIUM_ARGS, headless=True
            )
            for path in paths:
                failures += self._weigh(browser, base_url, path, width, screenshots)
            browser.close()
        verdict = "every page within budget and width" if not failures else "FAILED"
        self.stdout.write(f"Budget 300 KB a page, {width} px wide: {verdict}")
        return failures

    def _weigh(self, browser, base_url, path, width, screenshots) -> list[str]:
        """One page's first load: print its bytes by kind and return what breaks the budget."""
        host = urlsplit(base_url).netloc
        failures = []
        context = browser.new_context(
            viewport={"width": width, "height": 740}, is_mobile=True, has_touch=True
        )
        page = context.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(base_url + path, wait_until="load")
        # Scroll to the end so that lazy images count too (a reader who reads it all).
        page.evaluate(
            "async () => { for (let y = 0; y <= document.body.scrollHeight; y += 400) "
            "{ window.scrollTo(0, y); await new Promise(r => setTimeout(r, 100)); } }"
        )
        page.wait_for_load_state("networkidle")
        totals: dict[str, int] = defaultdict(int)
        for response in responses:
            if urlsplit(response.url).netloc != host:
                failures.append(f"{path} loads {response.url} from another host")
                continue
            sizes = response.request.sizes()
            kind = response.request.resource_type
            kind = kind if kind in KINDS else "other"
            totals[kind] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total = sum(totals.values())
        overflow = page.evaluate("document.documentElement.scrollWidth")
        self.stdout.write(
            f"{path[:48]:<48} "
            + " ".join(f"{totals[kind] / 1024:>9.1f}K" for kind in KINDS)
            + f" {total / 1024:>9.1f}K"
            + (f" (+{totals['other'] / 1024:.1f}K other)" if totals["other"] else "")
        )
        if total > BUDGET_BYTES:
            failures.append(f"{path} weighs {total / 1024:.1f} KB (budget 300 KB)")
        if overflow > width:
            failures.append(f"{path} is {overflow} px wide on a {width} px screen")
        if screenshots:
            folder = Path(screenshots)
            folder.mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "_") or "home"
            page.screenshot(path=folder / f"{name}.png", full_page=True)
        context.close()
        return failures
