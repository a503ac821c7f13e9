"""Demo step for providers and external participants (issue 16, part 1).

WHO, the federal Ministry of Health, the Kurdistan Region's Ministry of Health and IOM, each with a
small generated logo; a closed oxygen workshop in Kirkuk led by WHO with the federal ministry as
partner, where two people from outside the registry (the Ministry of Electricity's plant engineer
and a private oxygen supplier's technician) completed and got their certificates beside the
registry's health workers. Call `seed_providers(rng=..., report=...)` from the demo story after
the workshops step; it issues the workshop's certificates itself, so it may run after them too.
"""

import datetime
import io
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from certificates import services as certificates
from courses import services
from courses.models import AttendanceMark, CoursePage, Workshop
from courses.models.workshops import RecordMethod
from demo.tracking import _participants, _venue
from workforce.models import Cadre, Provider

# (code, kind, English, Arabic, Kurdish, logo colour, the letters on the logo)
PROVIDERS = [
    ("who", "un_agency", "World Health Organization", "منظمة الصحة العالمية",
     "ڕێکخراوی تەندروستی جیهانی", (0, 114, 188), "WHO"),
    ("moh-federal", "ministry", "Federal Ministry of Health", "وزارة الصحة الاتحادية",
     "وەزارەتی تەندروستی فیدراڵ", (0, 122, 61), "MOH"),
    ("moh-kri", "ministry", "Kurdistan Region Ministry of Health",
     "وزارة الصحة في إقليم كوردستان", "وەزارەتی تەندروستی هەرێمی کوردستان", (200, 16, 46), "KRG"),
    ("iom", "un_agency", "International Organization for Migration", "المنظمة الدولية للهجرة",
     "ڕێکخراوی نێودەوڵەتی بۆ کۆچ", (0, 51, 160), "IOM"),
]  # fmt: skip

# The two external participants: (Arabic name, Latin name, organisation, closest profession).
EXTERNALS = [
    ("حيدر كاظم الساعدي", "Haider Kadhim Al-Saadi", "Ministry of Electricity, Kirkuk plant",
     "biomedical-engineer"),
    ("سارة منير", "Sara Munir", "Rafidain Medical Gases (private oxygen supplier)",
     "biomedical-engineer"),
]  # fmt: skip


def provider_logo_png(*, colour: tuple[int, int, int], letters: str) -> bytes:
    """A small round logo: the provider's colour with its letters in white."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (96, 96), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, 93, 93), fill=(*colour, 255))
    draw.text((48, 48), letters, fill=(255, 255, 255, 255), anchor="mm", font_size=26)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _providers() -> dict[str, Provider]:
    found = {}
    for code, kind, en, ar, ckb, colour, letters in PROVIDERS:
        provider, created = Provider.objects.get_or_create(
            code=code, defaults={"kind": kind, "name_en": en, "name_ar": ar, "name_ckb": ckb}
        )
        if created or not provider.logo:
            png = provider_logo_png(colour=colour, letters=letters)
            provider.logo.save(f"{code}.png", ContentFile(png), save=True)
        found[code] = provider
    return found


def seed_providers(*, rng, report) -> None:
    """The four providers and a closed WHO + ministry oxygen workshop with two externals."""
    providers = _providers()
    report["providers"] = len(providers)
    existing = (
        Workshop.objects.filter(lead_provider=providers["who"], course__code="OXY-101")
        .order_by("pk")
        .first()
    )
    if existing is not None:  # built before: the demo is built once, whatever runs it again
        report["provider_workshop"] = existing.pk
        return
    trainer = get_user_model().objects.get(username="trainer.kirkuk")
    today = timezone.localdate()
    starts_on = today - datetime.timedelta(days=14)
    course = CoursePage.objects.get(code="OXY-101", locale__language_code="en")
    workshop = services.workshop_create(
        user=trainer,
        course=course,
        venue=_venue("KIR"),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=1),
        capacity=20,
        language="ar",
        lead_provider=providers["who"],
        partners=[providers["moh-federal"]],
    )
    services.workshop_status_set(workshop=workshop, status=Workshop.Status.RUNNING, user=trainer)
    enrolments = [
        services.enrolment_add(workshop=workshop, health_worker=worker, user=trainer)
        for worker in _participants(course, "KIR", 10, rng)
    ]
    for name_ar, name_latin, organisation, cadre in EXTERNALS:
        enrolments.append(
            services.external_participant_add(
                workshop=workshop,
                user=trainer,
                name_ar=name_ar,
                name_latin=name_latin,
                organisation=organisation,
                cadre=Cadre.objects.get(code=cadre),
            )
        )
    for session in workshop.sessions.all():
        taken_at = timezone.make_aware(datetime.datetime.combine(session.date, datetime.time(9)))
        for enrolment in enrolments:
            services.attendance_mark(
                session=session,
                enrolment=enrolment,
                status=AttendanceMark.Status.PRESENT,
                client_uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                method=RecordMethod.ROSTER,
                user=trainer,
                taken_at=taken_at,
            )
    for enrolment in enrolments:
        pre = rng.randint(35, 65)
        services.score_set(enrolment=enrolment, kind="pre", score=Decimal(pre), user=trainer)
        post = Decimal(min(100, pre + rng.randint(25, 40)))
        services.score_set(enrolment=enrolment, kind="post", score=post, user=trainer)
    completions = services.workshop_close(workshop=workshop, user=trainer)
    for completion in completions:
        if completion and completion.is_complete:
            certificates.certificate_issue(completion_id=completion.pk, notify=False)
    report["provider_workshop"] = workshop.pk
