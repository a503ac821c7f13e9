"""Offering a certificate's credential to a wallet: a short-lived URL that returns it, as a QR code.

The offer URL is a bearer link (signed with SECRET_KEY, valid OFFER_SECONDS): whoever scans it gets
the signed credential by a plain HTTPS GET, as wallets that import a credential from a URL do. It is
not an OpenID4VCI offer (no pre-authorised code, no token endpoint, no holder binding).
"""

import segno

from django.core import signing
from django.urls import reverse

from certificates.badges.keys import site_url
from certificates.models import Certificate

OFFER_SECONDS = 30 * 60
_SALT = "certificates.wallet.offer"


def offer_url(*, certificate: Certificate) -> str:
    """The URL a wallet fetches the certificate's credential from, for the next half hour."""
    token = signing.TimestampSigner(salt=_SALT).sign(str(certificate.pk))
    return site_url(reverse("credentials:offer", args=[token]))


def offer_certificate(*, token: str) -> Certificate | None:
    """The valid certificate an unexpired offer token names, else None."""
    try:
        pk = signing.TimestampSigner(salt=_SALT).unsign(token, max_age=OFFER_SECONDS)
    except signing.BadSignature:
        return None
    return Certificate.objects.filter(pk=int(pk), status=Certificate.Status.VALID).first()


def offer_qr_svg(url: str) -> str:
    """The offer URL as an inline SVG QR code."""
    return segno.make(url, error="m").svg_inline(border=2, dark="#1d2a33", omitsize=True)
