"""The header links to My phones for those who may enrol a phone, and for nobody else."""

import pytest

from django.utils import translation

from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db

LINK = '<a href="{prefix}/field/devices/"'


def _header(client, user, language="en") -> str:
    client.force_login(user)
    prefix = "" if language == "en" else f"/{language}"
    with translation.override(language):
        return client.get(f"{prefix}/accounts/profile/").content.decode()


def test_a_trainer_finds_my_phones_in_the_header(client, trainer):
    page = _header(client, trainer)
    assert LINK.format(prefix="") in page and ">My phones</a>" in page


@pytest.mark.parametrize(("language", "label"), [("ar", "هواتفي"), ("ckb", "مۆبایلەکانم")])
def test_the_link_is_in_the_readers_language(client, trainer, language, label):
    page = _header(client, trainer, language)
    assert LINK.format(prefix=f"/{language}") in page and f">{label}</a>" in page


def test_someone_who_trains_a_workshop_without_a_role_finds_it_too(client, workshop):
    trainer = UserFactory()
    workshop.trainers.add(trainer)
    assert LINK.format(prefix="") in _header(client, trainer)


def test_a_health_worker_without_a_training_role_does_not(client, kirkuk_worker):
    user = UserFactory()
    kirkuk_worker.user = user
    kirkuk_worker.save(update_fields=["user"])
    page = _header(client, user)
    assert "My learning" in page and "/field/devices/" not in page
