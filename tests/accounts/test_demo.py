import pytest

from cme.accounts.demo import seed_preferred_languages
from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


def test_demo_health_worker_lands_in_arabic_after_logging_in(client, kirkuk_worker):
    kirkuk_worker.user = UserFactory(username="worker.kirkuk")
    kirkuk_worker.save()
    seed_preferred_languages(rng=None, report={"logins": []})
    login = {"username": "worker.kirkuk", "password": "correct horse battery"}
    response = client.post("/accounts/login/", login)
    assert response["Location"] == "/ar/"
    assert "أحمد الكركوكي" in client.get("/ar/accounts/profile/").content.decode()
