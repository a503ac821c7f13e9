import pytest

from cme.accounts.demo import seed_worker_login
from workforce.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_worker_logs_in_to_their_own_record_in_arabic(client, kirkuk_worker):
    report = {"logins": []}
    seed_worker_login(rng=None, report=report)
    login = {"username": "worker.kirkuk", "password": DEMO_PASSWORD}
    response = client.post("/accounts/login/", login)
    assert response["Location"] == "/ar/"
    assert "أحمد الكركوكي" in client.get("/ar/accounts/profile/").content.decode()
    assert ("worker.kirkuk", "health worker in Kirkuk, pages in Arabic") in report["logins"]
