"""Demo steps for the workforce registry (see demo/build.py)."""

from django.contrib.auth import get_user_model

from demo.synthetic import (
    MOBILE_CLINICS_NATIONALLY,
    facilities_plan,
    health_workers_plan,
)
from workforce.models import Cadre, Facility, HealthWorker, RoleAssignment
from workforce.services import health_worker_create, role_assign

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - printed for the demo on purpose
DEMO_PREFIX = "DEMO-"
DEMO_FACILITIES = 320
DEMO_HEALTH_WORKERS = 2000


def seed_workforce(*, rng, report) -> None:
    """Facilities of every kind in every directorate and about 2,000 health workers."""
    existing = Facility.objects.filter(code__startswith=DEMO_PREFIX)
    if not existing.exists():
        facilities = facilities_plan(
            rng=rng,
            total=DEMO_FACILITIES,
            code_prefix=DEMO_PREFIX,
            mobile_clinics=MOBILE_CLINICS_NATIONALLY,
        )
        Facility.objects.bulk_create(facilities)
        HealthWorker.objects.bulk_create(
            health_workers_plan(
                rng=rng, total=DEMO_HEALTH_WORKERS, facilities=facilities, id_prefix=DEMO_PREFIX
            ),
            batch_size=1000,
        )
    report["facilities"] = Facility.objects.count()
    report["health_workers"] = HealthWorker.objects.count()


STAFF = [
    ("auditor.national", "auditor", "national", {}, "auditor, whole country"),
    ("auditor.kri", "auditor", "region", {"region": "kri"}, "auditor, Kurdistan Region"),
    ("auditor.kirkuk", "auditor", "governorate", {"governorate": "KIR"}, "auditor, Kirkuk"),
    ("trainer.kirkuk", "trainer", "governorate", {"governorate": "KIR"}, "trainer, Kirkuk"),
    ("reviewer.national", "reviewer", "national", {}, "reviewer, whole country"),
    ("administrator.national", "administrator", "national", {}, "administrator, whole country"),
]


def _login(username: str, **defaults):
    user, _ = get_user_model().objects.get_or_create(username=username, defaults=defaults)
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def seed_users(*, rng, report) -> None:
    """One login per role with the scope each is shown at, and one health worker's login."""
    from workforce.models import Governorate

    report["password"] = DEMO_PASSWORD
    _login("admin", is_superuser=True, is_staff=True)
    report["logins"].append(("admin", "superuser"))
    for username, role, level, scope, description in STAFF:
        user = _login(username, is_staff=True)
        if "governorate" in scope:
            scope = {"governorate": Governorate.objects.get(code=scope["governorate"])}
        if not RoleAssignment.objects.filter(user=user, role=role, level=level, **scope).exists():
            role_assign(user=user, role=role, level=level, **scope)
        report["logins"].append((username, description))
    worker_user = _login("worker.kirkuk", first_name="Zainab", last_name="Al-Bayati")
    if not HealthWorker.objects.filter(user=worker_user).exists():
        health_worker_create(
            name_ar="زينب حسين البياتي",
            name_latin="Zainab Hussein Al-Bayati",
            licence_number=f"{DEMO_PREFIX}KIR-0001",
            sex="F",
            cadre=Cadre.objects.get(code="nurse"),
            facility=Facility.objects.filter(
                code__startswith=DEMO_PREFIX, governorate__code="KIR", kind=Facility.Kind.HOSPITAL
            ).first(),
            phone="07701234567",
            user=worker_user,
        )
    report["logins"].append(("worker.kirkuk", "health worker, nurse in Kirkuk"))
