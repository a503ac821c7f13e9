"""Every page answers with a Content-Security-Policy that allows no inline script, and every file
the site hands a person is never stored by a cache.

The URLs are discovered: every pattern of the URL resolver (outside the admin), reversed with
sample records that all share one primary key and with the values each string argument takes, plus
every live page and every stored document. Each is fetched as a superuser and as a health worker.
"""

import datetime
import itertools

import pytest

from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from django.urls.resolvers import RegexPattern

from wagtail.documents import get_document_model
from wagtail.models import Page

from certificates import services as certificate_services
from core.headers import is_file_response
from courses.models import AttendanceImport, Session, WalkInRequest
from coverage import exports
from coverage.models import CoverageExport
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.course_pages import document
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    ExternalActivityFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db

SAMPLE = 9001
SKIPPED_PREFIXES = ("admin/", "api/")  # the admin has its own policy (test below)


def _patterns(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern).startswith(SKIPPED_PREFIXES):
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            if (prefix + str(entry.pattern)).startswith(SKIPPED_PREFIXES):
                continue
            yield f"{namespace}{entry.name}", entry


@pytest.fixture
def samples():
    """One record of every kind a URL names, each with primary key SAMPLE; returns the holder."""
    holder = UserFactory()
    template = CertificateTemplateFactory(is_default=True)
    SignatoryFactory(template=template)
    worker = HealthWorkerFactory(pk=SAMPLE, user=holder, facility__directorate=directorate("KIR"))
    course = course_page(title="Oxygen therapy", code="OXY-1")
    workshop = WorkshopFactory(pk=SAMPLE, course=course, venue=worker.facility, sessions=False)
    session = Session.objects.create(pk=SAMPLE, workshop=workshop, date=workshop.starts_on)
    enrolment = EnrolmentFactory(pk=SAMPLE, workshop=workshop, health_worker=worker)
    completion = CompletionFactory(pk=SAMPLE, enrolment=enrolment)
    certificate = certificate_services.certificate_issue(completion_id=completion.pk)
    type(certificate).objects.filter(pk=certificate.pk).update(id=SAMPLE)
    ExternalActivityFactory(pk=SAMPLE, health_worker=worker)
    upload = AttendanceImport(
        pk=SAMPLE,
        workshop=workshop,
        original_name="sheet.xlsx",
        status=AttendanceImport.Status.DONE,
    )
    upload.file.save("sheet.xlsx", ContentFile(b"PK"), save=True)
    WalkInRequest.objects.create(pk=SAMPLE, session=session, health_worker=worker)
    document(title="Staff only", restricted=True)
    document(title="For everyone")
    return {"holder": holder, "certificate": type(certificate).objects.get(pk=SAMPLE)}


def _export_for(user):
    export = CoverageExport(
        pk=SAMPLE,
        user=user,
        view="table",
        file_format="csv",
        finished_at=datetime.datetime.now(tz=datetime.UTC),
    )
    export.file.save("coverage-table.csv", ContentFile(b"a,b\n"), save=True)
    return export


def _urls(samples) -> set[str]:
    values = {
        "kind": ["pdf", "zip"],
        "view": list(exports.VIEWS),
        "file_format": list(exports.FORMATS),
        "key": [samples["certificate"].serial],
    }
    urls = set()
    for name, pattern in _patterns(get_resolver().url_patterns):
        regex = pattern.pattern.regex
        if isinstance(pattern.pattern, RegexPattern) and regex.groups and not regex.groupindex:
            continue  # unnamed groups: the document view, walked through the documents
        arguments = list(pattern.pattern.regex.groupindex)
        choices = [values.get(argument, [SAMPLE, "sample"]) for argument in arguments]
        for combination in itertools.product(*choices):
            try:
                urls.add(reverse(name, kwargs=dict(zip(arguments, combination, strict=True))))
            except NoReverseMatch:
                continue
    urls.update(page.url for page in Page.objects.live().specific() if page.url)
    urls.update(item.url for item in get_document_model().objects.all())
    return urls


def _script_sources(response) -> str:
    policy = response.get("Content-Security-Policy", "")
    directives = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip()
    )
    return directives.get("script-src", directives.get("default-src", "'unsafe-inline'"))


def test_every_page_has_a_strict_script_policy_and_every_file_is_no_store(client, samples):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    checked_types = set()
    pages = 0
    _export_for(superuser)
    for user in (superuser, samples["holder"]):
        client.force_login(user)
        for url in sorted(_urls(samples)):
            response = client.get(url)
            if response.status_code != 200:
                continue
            content_type = response.get("Content-Type", "").split(";")[0]
            if is_file_response(response):
                checked_types.add(content_type)
                assert "no-store" in response.get("Cache-Control", ""), url
                assert "private" in response.get("Cache-Control", ""), url
            elif content_type == "text/html":
                pages += 1
                sources = _script_sources(response)
                assert "'unsafe-inline'" not in sources, url
                assert "'unsafe-eval'" not in sources, url
    assert pages > 20
    assert {"application/pdf", "application/zip", "text/csv"} <= checked_types
    assert any("spreadsheetml" in kind for kind in checked_types)


def test_admin_pages_have_their_own_policy_that_blocks_plugins_and_framing_elsewhere(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "default-src 'self'" in policy


@pytest.mark.parametrize("path", ["/verify/key.json", "/ar/verify/ABC/", "/admin/pages/"])
def test_the_policy_written_once_is_the_one_django_csp_builds_for_each_answer(rf, path):
    from csp.middleware import CSPMiddleware

    from django.http import HttpResponse

    from core.headers import ContentSecurityPolicyMiddleware

    middleware = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())
    ours = middleware(rf.get(path))["Content-Security-Policy"]
    # django-csp's own path, which builds the policy again for every answer.
    request, response = rf.get(path), HttpResponse()
    middleware.process_request(request)
    theirs = CSPMiddleware.process_response(middleware, request, response)
    assert ours == theirs["Content-Security-Policy"]
    assert ("'unsafe-inline'" in ours.split("script-src")[1].split(";")[0]) == path.startswith(
        "/admin/"
    )


def test_a_view_that_changes_its_policy_still_gets_its_own_and_settings_apply(rf, settings):
    from csp.decorators import csp_update

    from django.http import HttpResponse

    from core.headers import ContentSecurityPolicyMiddleware

    @csp_update({"img-src": ["https://tiles.example.org"]})
    def view(request):
        return HttpResponse()

    updated = ContentSecurityPolicyMiddleware(view)(rf.get("/somewhere/"))
    assert "https://tiles.example.org" in updated["Content-Security-Policy"]
    before = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(rf.get("/x/"))
    assert "default-src 'self'" in before["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    changed = ContentSecurityPolicyMiddleware(lambda request: HttpResponse())(rf.get("/x/"))
    assert changed["Content-Security-Policy"] == "default-src 'none'"
