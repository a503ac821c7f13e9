"""Certificate pages: public verification, holders' downloads, a workshop's certificates."""

import io
import zipfile
from functools import wraps

from pypdf import PdfWriter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import identity, services
from certificates.badges import certificate_credential, public_key_document
from certificates.models import Certificate
from certificates.selectors import (
    certificate_lookup,
    workshop_certificates,
    workshop_certificates_to_issue,
)
from certificates.tasks import workshop_certificates_issue_task
from cme.http import client_address
from courses.models import Workshop
from workforce.reads import Kind, personal_record_read

MANAGING_ROLES = ("trainer", "administrator")


def rate_limited(view):
    """Allow CERTIFICATE_VERIFY_RATE requests a minute per client address, then answer 429."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        address = client_address(request)
        window = int(timezone.now().timestamp() // 60)
        key = f"certificates:verify:{address}:{window}"
        cache.add(key, 0, timeout=120)
        try:
            count = cache.incr(key)
        except ValueError:
            count = 1
        if count > settings.CERTIFICATE_VERIFY_RATE:
            response = render(request, "certificates/rate_limited.html", status=429)
            response["Retry-After"] = str(60 - int(timezone.now().timestamp()) % 60)
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _signature_check(request, certificate: Certificate | None) -> bool | None:
    """Whether the signed facts in the QR's query check out (None when none were given)."""
    facts, signature = request.GET.get("f"), request.GET.get("s")
    if not facts or not signature:
        return None
    code = certificate.verification_code if certificate else ""
    message = identity.signed_message(code=code, facts=facts)
    return bool(certificate) and identity.signature_valid(message, signature)


def _verification(certificate: Certificate | None, signature_ok: bool | None) -> dict:
    if certificate is None:
        return {"status": "invalid", "signature_valid": signature_ok}
    language = (get_language() or "en").split("-")[0]
    course = getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en
    holder = certificate.holder_name_latin
    if language != "en" and certificate.holder_name_ar:
        holder = certificate.holder_name_ar
    return {
        "status": certificate.status,
        "serial": certificate.serial,
        "holder": holder,
        "holder_name_latin": certificate.holder_name_latin,
        "holder_name_arabic": certificate.holder_name_ar,
        "course": course,
        "course_code": certificate.course_code,
        "cme_hours": f"{certificate.cme_hours:.1f}",
        "completed_on": certificate.completed_on.isoformat(),
        "issued_on": certificate.issued_at.date().isoformat(),
        "reason": certificate.status_reason if certificate.status != "valid" else "",
        "superseded_by": certificate.superseded_by.serial if certificate.superseded_by else None,
        "signature_valid": signature_ok,
    }


@rate_limited
def verify(request, key: str):
    """Public page: is this certificate valid, revoked or superseded, and what does it say."""
    certificate = certificate_lookup(serial_or_code=key)
    result = _verification(certificate, _signature_check(request, certificate))
    status = 200 if certificate else 404
    return render(
        request,
        "certificates/verify.html",
        {"result": result, "certificate": certificate, "key": key},
        status=status,
    )


@rate_limited
def verify_json(request, key: str):
    """The verification result as JSON."""
    certificate = certificate_lookup(serial_or_code=key)
    result = _verification(certificate, _signature_check(request, certificate))
    response = JsonResponse(result, status=200 if certificate else 404)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def verify_key(request):
    """The published public key that checks QR signatures and Open Badges proofs."""
    response = JsonResponse(public_key_document())
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _note_read(request, certificate: Certificate) -> None:
    worker = certificate.completion.health_worker
    personal_record_read(reader=request.user, health_worker=worker, kind=Kind.CERTIFICATE,
                         detail=certificate.serial)  # fmt: skip


def _own_certificate(request, pk: int) -> Certificate:
    return get_object_or_404(Certificate.objects.visible_to(request.user), pk=pk)


@login_required
def download(request, pk: int):
    """The certificate's PDF, for its holder (and staff whose scope covers them)."""
    certificate = _own_certificate(request, pk)
    _note_read(request, certificate)
    if not certificate.pdf:
        services.certificate_pdf_store(certificate=certificate)
    return FileResponse(
        certificate.pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
    )


@login_required
def badge(request, pk: int):
    """The certificate as a signed Open Badges 3.0 credential."""
    certificate = _own_certificate(request, pk)
    response = JsonResponse(
        certificate_credential(certificate=certificate), json_dumps_params={"ensure_ascii": False}
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}.json"'
    return response


def _managed_workshop(request, workshop_id: int) -> Workshop:
    workshops = Workshop.objects.visible_to(request.user, roles=MANAGING_ROLES)
    return get_object_or_404(workshops.select_related("course"), pk=workshop_id)


@login_required
def workshop(request, workshop_id: int):
    """A workshop's certificates: issue them all, download them, revoke or re-issue one."""
    current = _managed_workshop(request, workshop_id)
    certificates = workshop_certificates(workshop=current, user=request.user)
    return render(
        request,
        "certificates/workshop.html",
        {
            "workshop": current,
            "certificates": certificates,
            "complete_count": current.completions.filter(is_complete=True).count(),
            "to_issue": workshop_certificates_to_issue(workshop=current),
            "job_id": request.GET.get("job", ""),
        },
    )


@login_required
@require_POST
def workshop_issue(request, workshop_id: int):
    """Start issuing a workshop's certificates in the background; the page shows progress."""
    current = _managed_workshop(request, workshop_id)
    result = workshop_certificates_issue_task.delay(current.pk, request.user.pk)
    return redirect(f"{request.path.rsplit('/issue/', 1)[0]}/?job={result.id}")


@login_required
def workshop_download(request, workshop_id: int, kind: str):
    """All valid certificates of a workshop as one PDF or a zip of PDFs."""
    if kind not in ("pdf", "zip"):
        raise Http404
    current = _managed_workshop(request, workshop_id)
    certificates = list(workshop_certificates(workshop=current, user=request.user))
    if not certificates:
        raise Http404
    for certificate in certificates:
        _note_read(request, certificate)
        if not certificate.pdf:
            services.certificate_pdf_store(certificate=certificate)
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for certificate in certificates:
                with certificate.pdf.open("rb") as handle:
                    archive.writestr(f"{certificate.serial}.pdf", handle.read())
        content_type, extension = "application/zip", "zip"
    else:
        writer = PdfWriter()
        for certificate in certificates:
            with certificate.pdf.open("rb") as handle:
                writer.append(io.BytesIO(handle.read()))
        writer.write(buffer)
        content_type, extension = "application/pdf", "pdf"
    response = HttpResponse(buffer.getvalue(), content_type=content_type)
    filename = f"certificates-workshop-{current.pk}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _managed_certificate(request, pk: int) -> Certificate:
    # Scope only: a holder sees their own certificate but may not revoke or re-issue it.
    scope = Certificate.objects.all().scope_q(request.user, roles=MANAGING_ROLES)
    return get_object_or_404(Certificate.objects.filter(scope).select_related("completion"), pk=pk)


@login_required
@require_POST
def revoke(request, pk: int):
    """Revoke one certificate with a reason."""
    certificate = _managed_certificate(request, pk)
    try:
        services.certificate_revoke(
            certificate=certificate, reason=request.POST.get("reason", ""), user=request.user
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Certificate %(serial)s revoked.") % {"serial": certificate})
    return redirect("certificates:workshop", certificate.completion.workshop_id)


@login_required
@require_POST
def reissue(request, pk: int):
    """Re-issue one certificate with the holder's corrected names."""
    certificate = _managed_certificate(request, pk)
    try:
        new = services.certificate_reissue(
            certificate=certificate, user=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Certificate %(old)s superseded by %(new)s.") % {"old": certificate, "new": new},
        )
    return redirect("certificates:workshop", certificate.completion.workshop_id)
