"""What certificates adds to other apps' pages, through the signals those apps send."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from certificates.selectors import certificates_of_holder


def my_learning_certificates(sender, *, request, health_worker, **kwargs) -> str:
    """The signed-in holder's certificates with their downloads, newest first (My learning)."""
    language = (get_language() or "en").split("-")[0]
    certificates = list(certificates_of_holder(user=request.user))
    for certificate in certificates:
        certificate.title = (
            getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en
        )
    return render_to_string(
        "certificates/includes/my_certificates.html",
        {"certificates": certificates},
        request=request,
    )
