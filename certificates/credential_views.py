"""What verifiers and wallets fetch: the issuer's DID document, status lists, achievement pages."""

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from certificates import wallet
from certificates.badges import certificate_credential, did_document, status_list_credential
from certificates.badges.achievement import (
    achievement_course,
    achievement_document,
    criteria_narrative,
)
from certificates.badges.status import LIST_SIZE
from certificates.models import Certificate


def _public_json(document: dict) -> JsonResponse:
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def did_json(request):
    """The site's did:web document: the certificate key under assertionMethod."""
    return _public_json(did_document())


@require_GET
def status_list(request, number: int):
    """A signed BitstringStatusListCredential; lists past the last certificate do not exist."""
    last = Certificate.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if number > last // LIST_SIZE:
        raise Http404
    response = _public_json(status_list_credential(number=number))
    # A verifier must see a revocation soon; a short cache still spares the signing under load.
    response["Cache-Control"] = "public, max-age=60"
    return response


def _course(code: str):
    return achievement_course(code=code, language=(get_language() or "en").split("-")[0])


@require_GET
def achievement(request, code: str):
    """The page of an achievement (a course a certificate proves), in the reader's language."""
    course = _course(code)
    document = achievement_document(course=course)
    if "json" in request.headers.get("Accept", "") and "html" not in request.headers["Accept"]:
        return _public_json(document)
    return render(
        request,
        "certificates/achievement.html",
        # The rule in the reader's language even when the course is not yet translated.
        {"course": course, "achievement": document, "criteria": criteria_narrative(course)},
    )


@require_GET
def achievement_json(request, code: str):
    """The achievement as Open Badges 3.0 JSON, in the reader's language."""
    return _public_json(achievement_document(course=_course(code)))


@require_GET
def offer(request, token: str):
    """The signed credential a wallet fetches from the QR code on My learning (no login)."""
    certificate = wallet.offer_certificate(token=token)
    if certificate is None:
        message = _("This link has expired or the certificate is no longer valid.")
        response = JsonResponse(
            {"error": message}, status=404, json_dumps_params={"ensure_ascii": False}
        )
        return response
    response = _public_json(certificate_credential(certificate=certificate))
    response["Cache-Control"] = "no-store"
    return response
