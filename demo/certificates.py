"""Demo step of certificates: the ministry's templates and the certificates of closed workshops."""

from certificates import services
from certificates.models import CertificateTemplate, Signatory
from courses import services as course_services
from courses.models import Completion, Workshop

TEMPLATES = (
    # name, layout, default
    ("Ministry of Health (English and Arabic)", CertificateTemplate.Layout.EN_AR, True),
    ("Kurdistan Region (English and Kurdish)", CertificateTemplate.Layout.EN_CKB, False),
)
KRI_GOVERNORATES = ("ERB", "DUH", "SUL", "HAL")


def seed_certificates(*, rng, report) -> None:
    """Templates (federal bilingual default, KRI English-Kurdish) and every demo certificate."""
    templates = {}
    for name, layout, default in TEMPLATES:
        template, created = CertificateTemplate.objects.get_or_create(
            name=name, defaults={"layout": layout, "is_default": default}
        )
        if created:
            Signatory.objects.create(
                template=template,
                name="Dr. Saad Hassan",
                title="Director of Training",
                sort_order=0,
            )
            Signatory.objects.create(
                template=template,
                name="Dr. Layla Kareem",
                title="Chair, CME Committee",
                sort_order=1,
            )
        templates[layout] = template
    kri = templates[CertificateTemplate.Layout.EN_CKB]
    closed = Workshop.objects.filter(status=Workshop.Status.CLOSED).select_related("course")
    # A course taught only in the Kurdistan Region chooses the English-Kurdish template.
    courses = {workshop.course_id: workshop.course for workshop in closed}
    federal = set(
        closed.exclude(venue__governorate__code__in=KRI_GOVERNORATES).values_list(
            "course_id", flat=True
        )
    )
    for course_id, course in courses.items():
        if course_id not in federal and course.certificate_template_id is None:
            course.certificate_template = kri
            course.save(update_fields=["certificate_template"])
    completions = Completion.objects.filter(workshop__in=closed, is_complete=True).order_by("pk")
    for completion_id in completions.values_list("pk", flat=True):
        services.certificate_issue(completion_id=completion_id, notify=False)
    report["certificates"] = completions.count()


def close_and_certify(*, workshop: Workshop, user) -> None:
    """Close a workshop of a step that runs after the certificates step, and issue its
    certificates as the trainer's "Issue certificates" would."""
    # Completions take the course's validity when evaluated; certificates copy it when issued.
    for completion in course_services.workshop_close(workshop=workshop, user=user):
        if completion and completion.is_complete:
            services.certificate_issue(completion_id=completion.pk, notify=False)
