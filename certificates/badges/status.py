"""The Bitstring Status List (W3C) that tells verifiers which credentials no longer hold.

Each certificate has a stable place: list `pk // LIST_SIZE`, bit `pk % LIST_SIZE`, so nothing is
stored and a credential's entry never moves. A bit is set when the certificate is no longer valid
(revoked, withdrawn, or superseded by a re-issue). The list is gzip-compressed and written as
multibase base64url (`u` prefix, no padding), bit 0 being the first byte's most significant bit;
LIST_SIZE is the spec's minimum of 16 KiB so that one fetch says little about which bit is asked.
"""

import base64
import gzip

from django.urls import reverse
from django.utils import timezone

from certificates.badges.contexts import VC_V2
from certificates.badges.keys import issuer_did, site_url
from certificates.badges.proof import proof_add
from certificates.models import Certificate

LIST_SIZE = 131_072
PURPOSE = "revocation"


def status_list_url(number: int) -> str:
    """The URL of one status list credential."""
    return site_url(reverse("credentials:status-list", args=[number]))


def status_entry(*, certificate: Certificate) -> dict:
    """The `credentialStatus` of a certificate's credential."""
    number, index = divmod(certificate.pk, LIST_SIZE)
    return {
        "id": f"{status_list_url(number)}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": PURPOSE,
        "statusListIndex": str(index),
        "statusListCredential": status_list_url(number),
    }


def encoded_list(*, number: int) -> str:
    """The list's bits for its certificates that no longer hold, gzip + multibase base64url."""
    bits = bytearray(LIST_SIZE // 8)
    start = number * LIST_SIZE
    ended = (
        Certificate.objects.filter(pk__gte=start, pk__lt=start + LIST_SIZE)
        .exclude(status=Certificate.Status.VALID)
        .values_list("pk", flat=True)
    )
    for pk in ended:
        index = pk - start
        bits[index // 8] |= 0x80 >> (index % 8)
    packed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(packed).rstrip(b"=").decode("ascii")


def status_list_credential(*, number: int) -> dict:
    """The signed BitstringStatusListCredential for list `number`, as it stands now."""
    url = status_list_url(number)
    now = timezone.now()
    credential = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_did(),
        "validFrom": now.replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encoded_list(number=number),
        },
    }
    return proof_add(credential, created=now)
