import pytest

from wagtail.models import Locale

from certificates import services
from tests.factories.certificates import CertificateTemplateFactory, SignatoryFactory
from tests.factories.courses import (
    CompletionFactory,
    EnrolmentFactory,
    WorkshopFactory,
    course_page,
)
from tests.factories.workforce import HealthWorkerFactory, UserFactory


@pytest.fixture
def default_template(db):
    template = CertificateTemplateFactory(name="Ministry default", is_default=True)
    SignatoryFactory(template=template)
    return template


@pytest.fixture
def holder_user(db):
    return UserFactory(username="holder")


@pytest.fixture
def completion(default_template, kirkuk_facility, holder_user):
    worker = HealthWorkerFactory(
        facility=kirkuk_facility,
        name_latin="Ahmed Ali Hassan",
        name_ar="أحمد علي حسن",
        user=holder_user,
        email="ahmed@example.org",
    )
    course = course_page(title="Basic Life Support", code="BLS-1")
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    translated = course.copy_for_translation(arabic, copy_parents=True)
    translated.title = "دعم الحياة الأساسي"
    translated.save_revision().publish()
    workshop = WorkshopFactory(venue=kirkuk_facility, course=course)
    enrolment = EnrolmentFactory(workshop=workshop, health_worker=worker)
    return CompletionFactory(enrolment=enrolment)


@pytest.fixture
def certificate(completion):
    return services.certificate_issue(completion_id=completion.pk)
