"""FHIR exports for ministry staff who audit: one worker's Bundle, the scope's NDJSON."""

import json
import re

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.isolates import left_to_right
from coverage.views import auditor_required
from interop import selectors
from interop.fhir.bundle import worker_bundle, worker_resources

FHIR_JSON = "application/fhir+json; charset=utf-8"
FHIR_NDJSON = "application/fhir+ndjson; charset=utf-8"
GOVERNORATE_CODE = re.compile(r"[A-Za-z0-9-]{1,8}")


def _json(resource: dict) -> str:
    # Arabic names stay readable in the file; FHIR JSON is UTF-8.
    return json.dumps(resource, ensure_ascii=False, separators=(",", ":"))


@require_GET
@auditor_required
def worker(request, pk: int):
    """One health worker as a FHIR R4 `collection` Bundle (Practitioner, role, trainings)."""
    health_worker, completions = selectors.export_worker(user=request.user, pk=pk)
    response = HttpResponse(_json(worker_bundle(health_worker, completions)), FHIR_JSON)
    response["Content-Disposition"] = f'inline; filename="health-worker-{pk}.fhir.json"'
    return response


@require_GET
@auditor_required
def export(request):
    """Every health worker of the scope (or of `?governorate=<code>`), one resource a line."""
    code = request.GET.get("governorate", "").strip()
    if code and not GOVERNORATE_CODE.fullmatch(code):
        # Unprefixed URLs are English to LocaleMiddleware; the reader's cookie or browser decides.
        with translation.override(translation.get_language_from_request(request)):
            message = _("Give the governorate by its code, such as %(example)s for Basra.")
        return HttpResponseBadRequest(
            message % {"example": left_to_right("BAS")}, content_type="text/plain; charset=utf-8"
        )
    governorate = selectors.export_governorate(user=request.user, code=code)
    workers = selectors.export_workers(user=request.user, governorate=governorate)
    lines = (
        _json(resource) + "\n"
        for health_worker, completions in workers
        for resource in worker_resources(health_worker, completions)
    )
    response = StreamingHttpResponse(lines, content_type=FHIR_NDJSON)
    name = f"health-workers-{governorate.code}" if governorate else "health-workers"
    response["Content-Disposition"] = f'attachment; filename="{name}.ndjson"'
    return response
