"""What certificates adds to courses' pages, through the Wagtail hooks courses calls."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from certificates import wallet
from certificates.selectors import (
    certificates_of_holder,
    workshop_certificates,
    workshop_certificates_to_issue,
)


def my_learning_certificates(request, health_worker) -> str:
    """The signed-in holder's certificates with their downloads, newest first (My learning)."""
    language = (get_language() or "en").split("-")[0]
    certificates = list(certificates_of_holder(user=request.user))
    for certificate in certificates:
        # A title not yet in the reader's language is shown in English, marked as English.
        certificate.title = getattr(certificate, f"course_title_{language}", "")
        certificate.title_language = language if certificate.title else "en"
        certificate.title = certificate.title or certificate.course_title_en
        if certificate.status == certificate.Status.VALID:
            certificate.offer_url = wallet.offer_url(certificate=certificate)
            certificate.wallet_qr = wallet.offer_qr_svg(certificate.offer_url)
    return render_to_string(
        "certificates/includes/my_certificates.html",
        {"certificates": certificates, "offer_minutes": wallet.OFFER_SECONDS // 60},
        request=request,
    )


def workshop_certificates_action(request, workshop) -> str:
    """The workshop page's link to its certificates, with how many are issued and waiting."""
    return render_to_string(
        "certificates/includes/workshop_action.html",
        {
            "workshop": workshop,
            "issued": workshop_certificates(workshop=workshop, user=request.user).count(),
            "to_issue": workshop_certificates_to_issue(workshop=workshop),
        },
        request=request,
    )
