import pytest

from tests.factories.workforce import HealthWorkerFactory


@pytest.fixture
def registered_worker(kirkuk_facility):
    """A health worker in the registry with no account yet."""
    return HealthWorkerFactory(
        facility=kirkuk_facility,
        licence_number="KRK-12345",
        national_id="198801012345",
        name_ar="زينب حسن علي",
        name_latin="Zainab Hassan Ali",
        email="zainab.old@example.org",
        phone="07501112233",
    )


@pytest.fixture
def registration_data():
    """A complete form claiming `registered_worker`; each test changes what it tests."""
    return {
        "status": "existing",
        "identifier": "KRK-12345",
        "confirm_name": "Zainab Hassan Ali",
        "username": "zainab",
        "password1": "a long pass phrase 42",
        "password2": "a long pass phrase 42",
        "email": "zainab@example.org",
        "phone": "",
    }


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Counters of failed registration claims live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
