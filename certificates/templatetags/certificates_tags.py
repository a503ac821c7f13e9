"""Template tags other apps' pages use to show certificates (My learning)."""

from django import template
from django.utils.translation import get_language

from certificates.selectors import certificates_of_holder

register = template.Library()


@register.inclusion_tag("certificates/includes/my_certificates.html", takes_context=True)
def my_certificates(context):
    """The signed-in holder's certificates with their downloads, newest first."""
    language = (get_language() or "en").split("-")[0]
    certificates = list(certificates_of_holder(user=context["request"].user))
    for certificate in certificates:
        certificate.title = (
            getattr(certificate, f"course_title_{language}", "") or certificate.course_title_en
        )
    return {"certificates": certificates}
