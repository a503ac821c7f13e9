import pytest

pytestmark = pytest.mark.django_db


def test_achievement_id_of_a_credential_is_a_page_about_the_course(
    certificate, client, holder_user
):
    client.force_login(holder_user)
    credential = client.get(f"/certificates/{certificate.pk}/badge.json").json()
    achievement_path = credential["credentialSubject"]["achievement"]["id"].split("8000", 1)[1]
    client.logout()

    page = client.get(achievement_path)

    assert page.status_code == 200
    assert "Basic Life Support" in page.content.decode()


@pytest.mark.parametrize(
    ("prefix", "title", "criteria"),
    [
        ("", "Basic Life Support", "Attend at least 80%"),
        ("/ar", "دعم الحياة الأساسي", "احضر"),
        ("/ckb", "Basic Life Support", "ئامادە"),
    ],
)
def test_achievement_page_is_in_the_readers_language(certificate, client, prefix, title, criteria):
    page = client.get(f"{prefix}/certificates/achievements/BLS-1/").content.decode()

    assert title in page
    assert criteria in page


def test_achievement_json_gives_hours_as_a_number_and_the_criteria(certificate, client):
    answer = client.get("/ar/certificates/achievements/BLS-1.json").json()

    assert answer["type"] == ["Achievement"]
    assert answer["name"] == "دعم الحياة الأساسي"
    assert answer["creditsAvailable"] == 12
    assert "70%" in answer["criteria"]["narrative"]


def test_achievement_of_an_unknown_course_is_not_found(client):
    assert client.get("/certificates/achievements/NOPE-1/").status_code == 404


def test_achievement_id_answers_json_to_a_client_that_asks_for_it(certificate, client):
    answer = client.get("/certificates/achievements/BLS-1/", HTTP_ACCEPT="application/ld+json")

    assert answer.json()["humanCode"] == "BLS-1"
    assert answer.json()["creditsAvailable"] == 12
