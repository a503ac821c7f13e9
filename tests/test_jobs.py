import uuid

import pytest
from celery.result import AsyncResult

from django.urls import reverse
from django.utils import translation

from tests.factories.workforce import UserFactory

pytestmark = [
    pytest.mark.django_db,
    # The tests run tasks eagerly; these write a worker's progress into the real result backend.
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]


def _job(meta: dict, state: str = "PROGRESS") -> str:
    task_id = str(uuid.uuid4())
    AsyncResult(task_id).backend.store_result(task_id, meta, state)
    return task_id


def test_the_user_who_started_a_job_follows_its_progress(client):
    owner = UserFactory()
    task_id = _job({"done": 3, "total": 10, "user_id": owner.pk})
    client.force_login(owner)
    reply = client.get(f"/jobs/{task_id}/").json()
    assert (reply["state"], reply["done"], reply["total"]) == ("PROGRESS", 3, 10)


def test_another_user_gets_404_for_someone_elses_job(client):
    task_id = _job({"done": 3, "total": 10, "user_id": UserFactory().pk, "url": "/export/1/"})
    client.force_login(UserFactory())
    assert client.get(f"/jobs/{task_id}/").status_code == 404


def test_a_job_whose_owner_is_no_one_is_read_by_no_one(client):
    task_id = _job({"done": 10, "total": 10, "user_id": None, "url": "/export/1/"}, "SUCCESS")
    client.force_login(UserFactory())
    assert client.get(f"/jobs/{task_id}/").status_code == 404


def test_a_job_whose_meta_names_no_owner_tells_its_state_only(client):
    task_id = _job({"pid": 4242, "hostname": "celery@cme", "url": "/export/1/"}, "STARTED")
    client.force_login(UserFactory())
    reply = client.get(f"/jobs/{task_id}/").json()
    assert reply["state"] == "STARTED"
    assert (reply["done"], reply["url"]) == (0, "")


def test_a_queued_job_answers_pending_and_nothing_more(client):
    client.force_login(UserFactory())
    reply = client.get(f"/jobs/{uuid.uuid4()}/").json()
    assert reply["state"] == "PENDING"
    assert (reply["done"], reply["url"]) == (0, "")


def test_anonymous_readers_get_404(client):
    task_id = _job({"done": 1, "total": 2, "user_id": UserFactory().pk})
    assert client.get(f"/jobs/{task_id}/").status_code == 404


FAILED = {
    "ar": "فشلت المهمة. يرجى المحاولة مرة أخرى أو التواصل مع المسؤول.",
    "ckb": "ئەرکەکە سەرنەکەوت. تکایە دووبارە هەوڵ بدەرەوە یان پەیوەندی بە بەڕێوەبەرەوە بکە.",
}
IMPORTING = {
    "ar": "جارٍ الاستيراد… يمكنك مغادرة هذه الصفحة؛ تبقى النتيجة هنا.",
    "ckb": "هاوردە دەکرێت… دەتوانیت ئەم پەڕەیە جێبهێڵیت؛ ئەنجامەکە لێرە دەمێنێتەوە.",
}


def _status_in(client, task_id: str, language: str) -> dict:
    """The job's JSON as the page in `language` polls it (the URL it reverses)."""
    with translation.override(language):
        url = reverse("jobs:status", args=[task_id])
    return client.get(url).json()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_failed_job_says_so_in_the_language_of_the_page_polling_it(client, language):
    task_id = str(uuid.uuid4())
    AsyncResult(task_id).backend.store_result(task_id, ValueError("boom"), "FAILURE")
    client.force_login(UserFactory())
    assert _status_in(client, task_id, language)["message"] == FAILED[language]


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_progress_message_kept_as_its_id_is_read_in_the_readers_language(client, language):
    owner = UserFactory()
    message = "Importing… you can leave this page; the result stays here."
    task_id = _job({"done": 1, "total": 4, "user_id": owner.pk, "message": message})
    client.force_login(owner)
    assert _status_in(client, task_id, language)["message"] == IMPORTING[language]
