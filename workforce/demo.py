"""Demo steps for the workforce registry (see cme/demo.py)."""

from django.contrib.auth import get_user_model

from workforce.models import Cadre, Directorate, Facility, HealthWorker, RoleAssignment

DEMO_PASSWORD = "demo-pass-2026"  # noqa: S105 - printed for the demo on purpose


def seed_workforce(*, rng, report) -> None:
    """Facilities of every kind in every directorate and health workers across cadres."""
    cadres = list(Cadre.objects.all())
    for directorate in Directorate.objects.select_related("governorate"):
        facility, _ = Facility.objects.get_or_create(
            code=f"{directorate.code}-H001",
            defaults={
                "name_en": f"{directorate.governorate.name_en} General Hospital",
                "name_ar": f"مستشفى {directorate.governorate.name_ar} العام",
                "name_ckb": f"نەخۆشخانەی گشتی {directorate.governorate.name_ckb}",
                "kind": Facility.Kind.HOSPITAL,
                "directorate": directorate,
                "governorate": directorate.governorate,
            },
        )
        for number in range(5):
            HealthWorker.objects.create(
                name_ar=f"عامل {number} {directorate.governorate.name_ar}",
                name_latin=f"Worker {number} {directorate.governorate.name_en}",
                cadre=rng.choice(cadres),
                facility=facility,
            )
    report["facilities"] = Facility.objects.count()
    report["health_workers"] = HealthWorker.objects.count()


def seed_users(*, rng, report) -> None:
    """One login per role, with the scope each is shown at."""
    User = get_user_model()
    report["password"] = DEMO_PASSWORD
    admin, _ = User.objects.get_or_create(
        username="admin", defaults={"is_superuser": True, "is_staff": True}
    )
    admin.set_password(DEMO_PASSWORD)
    admin.save()
    report["logins"].append(("admin", "superuser"))
    kirkuk = Directorate.objects.get(code="KIR").governorate
    for username, role, level, extra, description in [
        ("auditor.national", "auditor", "national", {}, "auditor, whole country"),
        ("auditor.kri", "auditor", "region", {"region": "kri"}, "auditor, Kurdistan Region"),
        (
            "auditor.kirkuk",
            "auditor",
            "governorate",
            {"governorate": kirkuk},
            "auditor, Kirkuk governorate",
        ),
        (
            "trainer.kirkuk",
            "trainer",
            "governorate",
            {"governorate": kirkuk},
            "trainer, Kirkuk governorate",
        ),
        ("reviewer.national", "reviewer", "national", {}, "reviewer, whole country"),
    ]:
        user, _ = User.objects.get_or_create(username=username, defaults={"is_staff": True})
        user.set_password(DEMO_PASSWORD)
        user.save()
        RoleAssignment.objects.get_or_create(user=user, role=role, level=level, **extra)
        report["logins"].append((username, description))
