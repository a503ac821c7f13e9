import factory
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model

from workforce.models import Cadre, Directorate, Facility, Governorate, HealthWorker, RoleAssignment


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _saved(obj, create, extracted, **kwargs):
        if create:
            obj.save(update_fields=["password"])


def governorate(code: str) -> Governorate:
    """A governorate from the reference data loaded by migration."""
    return Governorate.objects.get(code=code)


def directorate(code: str) -> Directorate:
    return Directorate.objects.get(code=code)


def cadre(code: str) -> Cadre:
    return Cadre.objects.get(code=code)


class FacilityFactory(DjangoModelFactory):
    class Meta:
        model = Facility

    code = factory.Sequence(lambda n: f"FAC-{n:05d}")
    name_en = factory.Sequence(lambda n: f"Facility {n}")
    name_ar = factory.Sequence(lambda n: f"مرفق {n}")
    kind = Facility.Kind.HOSPITAL
    directorate = factory.LazyFunction(lambda: directorate("BAS"))
    governorate = factory.LazyAttribute(lambda o: o.directorate.governorate)


class HealthWorkerFactory(DjangoModelFactory):
    class Meta:
        model = HealthWorker

    name_ar = factory.Sequence(lambda n: f"عامل صحي {n}")
    name_latin = factory.Sequence(lambda n: f"Health Worker {n}")
    licence_number = factory.Sequence(lambda n: f"LIC-{n:06d}")
    cadre = factory.LazyFunction(lambda: cadre("nurse"))
    facility = factory.SubFactory(FacilityFactory)


class RoleAssignmentFactory(DjangoModelFactory):
    """A staff role, handed out through `role_assign` as the admin does (groups and signal too)."""

    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = "auditor"
    level = "national"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from workforce.services import role_assign

        return role_assign(**kwargs)


def staff_user(role: str, level: str, **scope):
    """A new user holding `role` over one scope and in the role's group, as the admin makes them."""
    from workforce.services import role_assign

    user = UserFactory()
    role_assign(user=user, role=role, level=level, **scope)
    return user
