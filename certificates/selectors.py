"""Reads of certificates and templates."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet

from certificates import identity
from certificates.models import Certificate, CertificateTemplate
from certificates.pdf import CertificateFacts, CertificateLook, CertificateRenderer, SignatoryLook
from certificates.provider_marks import provider_marks
from courses.models import CoursePage


@dataclass
class CourseFacts:
    """What every certificate of one course shares, looked up once for a bulk issue."""

    course_id: int
    titles: dict[str, str]
    template: CertificateTemplate | None
    renderer: CertificateRenderer


def course_facts(*, course: CoursePage) -> CourseFacts:
    """The course's titles, certificate template and a renderer of that template."""
    template = certificate_template_for(course=course)
    return CourseFacts(
        course_id=course.pk,
        titles=course_titles(course=course),
        template=template,
        renderer=CertificateRenderer(certificate_look(template=template)),
    )


def certificate_template_for(*, course: CoursePage) -> CertificateTemplate | None:
    """The course's own template if it has one, else the default template (else the first)."""
    template = getattr(course, "certificate_template", None)
    if template is not None:
        return template
    templates = CertificateTemplate.objects.order_by("-is_default", "pk")
    return templates.first()


def course_titles(*, course: CoursePage) -> dict[str, str]:
    """The course title in each language it is published in, English first."""
    titles = {"en": course.title}
    for page in course.get_translations(inclusive=True).select_related("locale"):
        titles[page.locale.language_code] = page.title
    return titles


def _image_path(image) -> str | None:
    if image is None:
        return None
    try:
        return image.file.path
    except (NotImplementedError, ValueError):
        return None


def certificate_look(*, template: CertificateTemplate | None) -> CertificateLook:
    """The renderer's view of a template (built-in defaults when there is none)."""
    if template is None:
        template = CertificateTemplate(name="default")
        signatories = ()
    else:
        signatories = tuple(
            SignatoryLook(
                name=signatory.name,
                title=signatory.title,
                signature_path=_image_path(signatory.signature),
            )
            for signatory in template.signatories.all()
        )
    return CertificateLook(
        layout=template.layout,
        titles={"en": template.title_en, "ar": template.title_ar, "ckb": template.title_ckb},
        issuers={"en": template.issuer_en, "ar": template.issuer_ar, "ckb": template.issuer_ckb},
        accent_colour=template.accent_colour,
        logo_start_path=_image_path(template.logo_start),
        logo_end_path=_image_path(template.logo_end),
        background_path=_image_path(template.background),
        signatories=signatories,
    )


def certificate_facts(*, certificate: Certificate) -> CertificateFacts:
    """What the certificate's PDF prints, from its stored snapshot."""
    from certificates.services import certificate_qr_payload, certificate_verification_url

    return CertificateFacts(
        serial=certificate.serial,
        holder_latin=certificate.holder_name_latin,
        holder_arabic=certificate.holder_name_ar,
        course_titles={
            "en": certificate.course_title_en,
            "ar": certificate.course_title_ar,
            "ckb": certificate.course_title_ckb,
        },
        cme_hours=f"{certificate.cme_hours:.1f}",
        completed_on=certificate.completed_on,
        valid_until=certificate.valid_until,
        verification_url=certificate_verification_url(certificate=certificate),
        verification_code=certificate.verification_code,
        qr_payload=certificate_qr_payload(certificate=certificate),
        providers=provider_marks(snapshot=certificate.providers),
    )


def certificate_lookup(*, serial_or_code: str) -> Certificate | None:
    """The certificate with this serial or verification code, exactly as given (upper-cased)."""
    key = serial_or_code.strip().upper()
    # One query: a code (24 base32 letters) can never be a serial (CME-XXX-YYYY-NNNNNN), so the
    # public verification, the site's busiest page, does not look for it in both columns.
    field = "verification_code" if identity.looks_like_code(key) else "serial"
    return Certificate.objects.filter(**{field: key}).first()


def certificates_of_holder(*, user) -> QuerySet[Certificate]:
    """A signed-in health worker's own certificates, newest first (for "My learning")."""
    if not user.is_authenticated:
        return Certificate.objects.none()
    return Certificate.objects.filter(completion__health_worker__user=user).order_by("-issued_at")


REMINDER_DAYS = (60, 14)


def certificates_expiring(*, on: datetime.date, days: int) -> QuerySet[Certificate]:
    """Valid certificates whose last valid day is exactly `days` after `on` (the reminders).

    A holder who has renewed (a valid certificate of the same course lasting longer, or never
    expiring) is not reminded. Every holder is listed, with or without an account: the reminder
    is sent on the system's behalf, never on a user's (no `visible_to`).
    """
    renewed = Certificate.objects.filter(
        Q(valid_until__isnull=True) | Q(valid_until__gt=OuterRef("valid_until")),
        status=Certificate.Status.VALID,
        completion__health_worker=OuterRef("completion__health_worker"),
        completion__course=OuterRef("completion__course"),
    )
    return (
        Certificate.objects.filter(
            status=Certificate.Status.VALID,
            valid_until=on + datetime.timedelta(days=days),
        )
        .exclude(Exists(renewed))
        .select_related("completion__health_worker__user")
        .order_by("valid_until", "pk")
    )


def workshop_certificates(*, workshop, user) -> QuerySet[Certificate]:
    """The valid certificates of a workshop that the user may see, in roster order."""
    return (
        Certificate.objects.visible_to(user)
        .filter(completion__workshop=workshop, status=Certificate.Status.VALID)
        .order_by("holder_name_latin", "holder_name_ar", "pk")
    )


def workshop_certificates_to_issue(*, workshop) -> int:
    """How many complete completions of a workshop have no valid certificate yet."""
    return (
        workshop.completions.filter(is_complete=True)
        .exclude(certificates__status=Certificate.Status.VALID)
        .count()
    )


def certificate_sample_pdf(*, template: CertificateTemplate) -> bytes:
    """A template drawn with a sample holder and course, for the admin preview."""
    code = "SAMPLESAMPLESAMPLESAMPLE"
    facts = identity.facts_text(
        serial="CME-BGD-2026-000123",
        holder="Zainab Hawre Salih",
        course_code="SAMPLE-1",
        cme_hours="12.0",
        completed_on="2026-03-05",
    )
    signature = identity.sign(identity.signed_message(code=code, facts=facts))
    sample = CertificateFacts(
        serial="CME-BGD-2026-000123",
        holder_latin="Zainab Hawre Salih",
        holder_arabic="زەینەب هاوڕێ ساڵح",
        course_titles={
            "en": "Basic Life Support (sample)",
            "ar": "دعم الحياة الأساسي (نموذج)",
            "ckb": "پاڵپشتی ژیانی بنەڕەتی (نموونە)",
        },
        cme_hours="12.0",
        completed_on=datetime.date(2026, 3, 5),
        verification_url=f"{settings.SITE_URL.rstrip('/')}/verify/{code}/",
        verification_code=code,
        qr_payload=identity.qr_payload(code=code, signature=signature),
    )
    return CertificateRenderer(certificate_look(template=template)).render(sample)
