"""A certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential 2.0).

Issued by the site's `did:web`, signed with an embedded `eddsa-rdfc-2022` proof, its status in the
site's Bitstring Status List, and its achievement the course's page. Everything in it is in the
site's default language (English): Open Badges 3.0 has one value per property.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from certificates.badges.achievement import (
    FIELD_OF_STUDY,
    achievement_document,
    achievement_url,
    hours_number,
)
from certificates.badges.contexts import OB_V3, VC_V2
from certificates.badges.keys import issuer_did, site_url
from certificates.badges.proof import proof_add
from certificates.badges.status import status_entry
from certificates.models import Certificate


def _achievement(certificate: Certificate) -> dict:
    course = certificate.completion.workshop.course
    if course is None:
        return {
            "id": achievement_url(certificate.course_code),
            "type": ["Achievement"],
            "achievementType": "CertificateOfCompletion",
            "name": certificate.course_title_en,
            "description": certificate.course_title_en,
            "criteria": {"narrative": certificate.course_title_en},
            "creditsAvailable": hours_number(certificate.cme_hours),
            "fieldOfStudy": FIELD_OF_STUDY,
        }
    course = (
        course.get_translations(inclusive=True)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .specific()
        .first()
        or course.specific
    )
    # The certificate's own facts win over the course's current ones: they are what was earned.
    return {
        **achievement_document(course=course, hours=certificate.cme_hours),
        "id": achievement_url(certificate.course_code or course.code),
        "name": certificate.course_title_en,
    }


def _issuer(certificate: Certificate) -> dict:
    name = certificate.template.issuer_en if certificate.template else ""
    return {
        "id": issuer_did(),
        "type": ["Profile"],
        "name": name or "Ministry of Health",
        "url": site_url("/"),
    }


def certificate_credential(*, certificate: Certificate) -> dict:
    """The certificate as a signed Open Badges 3.0 credential."""
    with translation.override(settings.LANGUAGE_CODE):
        verify_url = site_url(reverse("verify:page", args=[certificate.verification_code]))
        holder = certificate.holder_name_latin or certificate.holder_name_ar
        issued = certificate.issued_at.replace(microsecond=0)
        credential = {
            "@context": [VC_V2, OB_V3],
            "id": verify_url,
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": certificate.course_title_en,
            "issuer": _issuer(certificate),
            "validFrom": issued.isoformat().replace("+00:00", "Z"),
            "credentialSubject": {
                "type": ["AchievementSubject"],
                "name": holder,
                "identifier": [
                    {
                        "type": "IdentityObject",
                        "identityType": "name",
                        "hashed": False,
                        "identityHash": holder,
                    }
                ],
                "creditsEarned": hours_number(certificate.cme_hours),
                "activityEndDate": certificate.completed_on.isoformat() + "T00:00:00Z",
                "achievement": _achievement(certificate),
            },
            "credentialStatus": status_entry(certificate=certificate),
            "evidence": [{"id": verify_url, "type": ["Evidence"], "name": certificate.serial}],
        }
        if certificate.valid_until:
            credential["validUntil"] = _end_of_day(certificate.valid_until)
        return proof_add(credential, created=issued)


def _end_of_day(day: datetime.date) -> str:
    """The last second of a day on the site's clock (Iraq), in UTC: the certificate's last
    valid day is valid to its end, and a verifier finds it expired from the next midnight."""
    midnight = datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=timezone.get_default_timezone()
    )
    last = (midnight - datetime.timedelta(seconds=1)).astimezone(datetime.UTC)
    return last.isoformat().replace("+00:00", "Z")
