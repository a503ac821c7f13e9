"""Demo step: a training-of-trainers cascade across three governorates (docs/programmes.md).

OXY-TOT qualifies trainers of OXY-101 for 24 months. WHO master trainers run an OXY-TOT workshop
in Baghdad; three of its graduates (`trainer.baghdad`, `trainer.erbil`, `trainer.basra`) lead
OXY-101 workshops at home, `trainer.basra` trains trainers of Basra in turn and one of those
(`trainer.basra2`) leads an OXY-101 workshop too. An upcoming Kirkuk workshop is led under an
administrator's waiver. Everything goes through the services, as a real programme would. Run it
after the workshops step (it needs the OXY-101 course and the demo registry).
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses import services
from courses.models import CourseIndexPage, CoursePage, TrainerRole, Workshop
from courses.models.workshops import RecordMethod
from demo.certificates import close_and_certify
from demo.content import _course
from demo.tracking import _fill, _participants, _venue
from demo.workforce import DEMO_PASSWORD
from workforce.models import Governorate, HealthWorker, Provider
from workforce.services import role_assign

TOT_CODE = "OXY-TOT"
TOT_TEXT = {
    "slug": "medical-oxygen-training-of-trainers",
    "code": TOT_CODE,
    "cme_hours": "30.0",
    "min_attendance_percent": 100,
    "pass_mark_percent": 80,
    "title": {
        "en": "Medical oxygen: training of trainers",
        "ar": "الأوكسجين الطبي: تدريب المدرّبين",
        "ckb": "ئۆکسجینی پزیشکی: ڕاهێنانی ڕاهێنەران",
    },
    "summary": {
        "en": "Prepares clinicians to teach OXY-101 at home, with WHO master trainers.",
        "ar": "يُعدّ الأطباء والممرضين لتدريس OXY-101 في محافظاتهم، مع مدرّبين رئيسيين من WHO.",
        "ckb": "پزیشکان ئامادە دەکات بۆ وتنەوەی OXY-101 لە پارێزگاکەیان، لەگەڵ ڕاهێنەرانی WHO.",
    },
    "objectives": {
        "en": "<p>Teach, supervise practice and assess the OXY-101 course.</p>",
        "ar": "<p>تدريس دورة OXY-101 والإشراف على التطبيق وتقييمه.</p>",
        "ckb": "<p>وتنەوەی خولی OXY-101 و سەرپەرشتیکردنی ڕاهێنان و هەڵسەنگاندن.</p>",
    },
    "topic": {"en": "Medical oxygen", "ar": "الأوكسجين الطبي", "ckb": "ئۆکسجینی پزیشکی"},
    "accrediting_body": {
        "en": "Ministry of Health with WHO Iraq",
        "ar": "وزارة الصحة مع منظمة الصحة العالمية في العراق",
        "ckb": "وەزارەتی تەندروستی لەگەڵ ڕێکخراوی تەندروستی جیهانی لە عێراق",
    },
    "modules": [],
}
# username, governorate (a graduate of the master workshop who trains at home)
GRADUATE_TRAINERS = [("trainer.baghdad", "BGD"), ("trainer.erbil", "ERB"), ("trainer.basra", "BAS")]


def _trainer_course(course: CoursePage) -> CoursePage:
    cadres = [cadre.code for cadre in course.audience_cadres.all()]
    # In the national catalogue (every language has it), not in a governorate's section.
    catalogue = CourseIndexPage.objects.get(locale__language_code="en")
    tot = _course(catalogue, {**TOT_TEXT, "cadres": cadres}, media={})
    tot.trainer_course_of = course
    tot.qualification_months = 24
    tot.save_revision().publish()
    return tot


NAMES = {
    "who.master": ("Dr. Layla", "Haddad (WHO)"),
    "who.cotrainer": ("Dr. Omar", "Saleh (WHO)"),
}


def _staff(username: str, governorate: str, *, worker: HealthWorker | None = None):
    first, last = NAMES.get(username, ("", ""))
    if worker is not None:
        first, last = worker.name_latin, ""
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_staff": True, "first_name": first, "last_name": last}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    role_assign(
        user=user,
        role="trainer",
        level="governorate" if governorate else "national",
        **({"governorate": Governorate.objects.get(code=governorate)} if governorate else {}),
    )
    if worker is not None:  # the trainer's own registry record: their qualification is on it
        HealthWorker.objects.filter(pk=worker.pk).update(user=user)
    return user


def _schedule(lead, course, governorate, *, days_ago, days, **extra) -> Workshop:
    starts_on = timezone.localdate() - datetime.timedelta(days=days_ago)
    return services.workshop_create(
        user=extra.pop("user", lead),
        lead=lead,
        course=course,
        venue=_venue(governorate),
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=days - 1),
        capacity=25,
        language="ckb" if governorate in ("ERB", "SUL", "DOH") else "ar",
        **extra,
    )


def _graduate_all(workshop: Workshop, people, *, trainer, rng) -> None:
    """Everyone attends every day and passes: the trainer course's graduates."""
    enrolments = [
        services.enrolment_add(workshop=workshop, health_worker=worker, user=trainer)
        for worker in people
    ]
    for session in workshop.sessions.all():
        taken_at = timezone.make_aware(datetime.datetime.combine(session.date, datetime.time(9)))
        for enrolment in enrolments:
            services.attendance_mark(
                session=session,
                enrolment=enrolment,
                status="present",
                client_uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                method=RecordMethod.ROSTER,
                user=trainer,
                taken_at=taken_at,
            )
    for enrolment in enrolments:
        pre = rng.randint(45, 70)
        services.score_set(enrolment=enrolment, kind="pre", score=Decimal(pre), user=trainer)
        post = rng.randint(82, 98)
        services.score_set(enrolment=enrolment, kind="post", score=Decimal(post), user=trainer)
    close_and_certify(workshop=workshop, user=trainer)


def _run(workshop: Workshop, *, trainer, rng, count: int, governorate: str) -> None:
    people = _participants(workshop.course, governorate, count, rng)
    _fill(workshop, trainer=trainer, people=people, rng=rng, today=timezone.localdate())
    close_and_certify(workshop=workshop, user=trainer)


def seed_cascade(*, rng, report) -> None:
    """OXY-TOT in Baghdad by WHO trainers; its graduates lead OXY-101 in three governorates."""
    if CoursePage.objects.filter(code=TOT_CODE, workshops__isnull=False).exists():
        report["cascade_master"] = Workshop.objects.filter(course__code=TOT_CODE).last().pk
        return
    course = CoursePage.objects.get(code="OXY-101", locale__language_code="en")
    tot = _trainer_course(course)
    who_lead = _staff("who.master", "")
    who_co = _staff("who.cotrainer", "")
    # Run by WHO with the federal ministry when the providers step made them (docs/programmes.md).
    providers = {p.code: p for p in Provider.objects.filter(code__in=("who", "moh-federal"))}
    master = _schedule(
        who_lead,
        tot,
        "BGD",
        days_ago=140,
        days=5,
        lead_provider=providers.get("who"),
        partners=[providers["moh-federal"]] if "moh-federal" in providers else [],
    )
    services.workshop_trainer_add(
        workshop=master, trainer=who_co, role=TrainerRole.CO_TRAINER, user=who_lead
    )
    cohort = {code: _participants(tot, code, 3, rng) for code in ("BGD", "ERB", "BAS", "KIR")}
    graduates = {
        username: _staff(username, code, worker=cohort[code][0])
        for username, code in GRADUATE_TRAINERS
    }
    _graduate_all(
        master, [p for people in cohort.values() for p in people], trainer=who_lead, rng=rng
    )
    for (username, code), days_ago in zip(GRADUATE_TRAINERS, (110, 100, 120), strict=True):
        if code == "BAS":
            continue
        held = _schedule(graduates[username], course, code, days_ago=days_ago, days=3)
        _run(held, trainer=graduates[username], rng=rng, count=16, governorate=code)
    # Basra trains its own trainers, and one of them leads OXY-101 in turn.
    basra = graduates["trainer.basra"]
    basra_tot = _schedule(basra, tot, "BAS", days_ago=90, days=3)
    basra_cohort = _participants(tot, "BAS", 5, rng)
    deputy = _staff("trainer.basra2", "BAS", worker=basra_cohort[0])
    _graduate_all(basra_tot, basra_cohort, trainer=basra, rng=rng)
    held = _schedule(basra, course, "BAS", days_ago=70, days=3)
    _run(held, trainer=basra, rng=rng, count=14, governorate="BAS")
    held = _schedule(deputy, course, "BAS", days_ago=40, days=3)
    _run(held, trainer=deputy, rng=rng, count=12, governorate="BAS")
    # Kirkuk has no qualified trainer yet: the national administrator waives it for one workshop.
    _schedule(
        get_user_model().objects.get(username="trainer.kirkuk"),
        course,
        "KIR",
        days_ago=-45,
        days=3,
        user=get_user_model().objects.get(username="administrator.national"),
        waiver_reason="No qualified OXY-101 trainer in Kirkuk until the next OXY-TOT; "
        "supervised by the WHO master trainer.",
    )
    report["cascade_master"] = master.pk
    report["logins"] += [
        (username, "trainer, a graduate of the OXY-TOT master workshop")
        for username in (*graduates, "trainer.basra2")
    ]
