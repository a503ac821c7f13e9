"""A small site as the demo makes one, for tests of the whole database (backups, upgrades)."""

import io

from PIL import Image

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from certificates import services as certificate_services
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    AttendanceMarkFactory,
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory


def small_site(*, facilities) -> list:
    """Logins, a workshop with a health worker from each facility, their marks, completions and
    issued certificates (PDFs in private storage), and a published image; the certificates."""
    template = CertificateTemplateFactory(name="Ministry default", is_default=True)
    SignatoryFactory(template=template)
    UserFactory(username="ministry-admin")
    workshop = WorkshopFactory(venue=facilities[0], course=course_page(code="BLS-1"))
    certificates = []
    for facility in facilities:
        enrolment = EnrolmentFactory(
            workshop=workshop, health_worker=HealthWorkerFactory(facility=facility)
        )
        AttendanceMarkFactory(enrolment=enrolment)
        completion = CompletionFactory(enrolment=enrolment)
        certificates.append(certificate_services.certificate_issue(completion_id=completion.pk))
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(picture, format="PNG")
    get_image_model().objects.create(title="Poster", file=ImageFile(picture, name="poster.png"))
    return certificates
