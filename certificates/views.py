"""Certificate pages: public verification, holders' downloads, a workshop's certificates."""

import hashlib
import io
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import bulk, identity, services, verification
from certificates.badges import certificate_credential, public_key_document
from certificates.models import Certificate
from certificates.selectors import (
    workshop_certificates,
    workshop_certificates_to_issue,
)
from core.http import client_address, rate_limit_retry_after
from courses.models import Workshop
from workforce.models import TRAINING_ROLES
from workforce.reads import Kind, personal_record_read

MANAGING_ROLES = TRAINING_ROLES


def _rate_limited(request) -> HttpResponse:
    """429 to a look-up past the verification rates (see verification_look_up)."""
    response = render(request, "certificates/rate_limited.html", status=429)
    response["Retry-After"] = str(rate_limit_retry_after(window=60))
    return response


def _verification(request, key: str, signature: str | None = None):
    return verification.verification_look_up(
        address=client_address(request),
        key=key,
        facts=request.GET.get("f", ""),
        signature=request.GET.get("s", "") if signature is None else signature,
        family_name=request.GET.get("family_name", ""),
    )


def verify(request, key: str, signature: str | None = None):
    """Public page: is this certificate valid, revoked, superseded or withdrawn, and its facts."""
    looked_up = _verification(request, key, signature)
    if looked_up is None:
        return _rate_limited(request)
    found, result = looked_up
    return render(
        request,
        "certificates/verify.html",
        {
            "result": result,
            "found": found,
            "key": key,
            "card": _card_fingerprint(key, result) if found else None,
        },
        status=200 if found else 404,
    )


def _card_fingerprint(key: str, result: dict) -> str:
    """What the page's card is remembered under (per process, `{% cache ... using="local" %}`):
    everything it shows, in the reader's language. A changed answer (revoked, expired, a name
    shown) is a different fingerprint, so the card drawn is never an old one."""
    shown = json.dumps([get_language(), key, result], sort_keys=True, default=str)
    return hashlib.blake2b(shown.encode(), digest_size=16).hexdigest()


def verify_scanned(request, key: str, digits: str):
    """The page a certificate's QR code opens: its code, and its signature as decimal digits."""
    # Digits that cannot be a signature are checked as one that does not match, never a 500.
    return verify(request, key, identity.signature_from_digits(digits) or "-")


def verify_json(request, key: str):
    """The verification result as JSON (the holder's names only with a proof, as on the page)."""
    looked_up = _verification(request, key)
    if looked_up is None:
        return _rate_limited(request)
    found, result = looked_up
    response = JsonResponse(result, status=200 if found else 404)
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
    return FileResponse(
        io.BytesIO(services.certificate_pdf_content(certificate=certificate)),
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
    job_id = bulk.workshop_certificates_issue_start(workshop=current, user=request.user)
    return redirect(f"{reverse('certificates:workshop', args=[current.pk])}?job={job_id}")


@login_required
def workshop_download(request, workshop_id: int, kind: str):
    """All valid certificates of a workshop as one PDF or a zip of PDFs."""
    if kind not in services.BUNDLES:
        raise Http404
    current = _managed_workshop(request, workshop_id)
    certificates = list(workshop_certificates(workshop=current, user=request.user))
    if not certificates:
        raise Http404
    for certificate in certificates:
        _note_read(request, certificate)
    bundle = services.certificates_bundle(certificates=certificates, kind=kind)
    response = HttpResponse(bundle, content_type=services.BUNDLES[kind])
    filename = f"certificates-workshop-{current.pk}.{kind}"
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
