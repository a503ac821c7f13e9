"""My learning shows the participant's card: a QR code of `CME-HW:<id>`, the name and licence."""

import pytest

from tests.factories.workforce import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker_user(kirkuk_worker):
    user = UserFactory()
    kirkuk_worker.user = user
    kirkuk_worker.save(update_fields=["user"])
    return user


def _card(client, user, language="ar") -> str:
    client.force_login(user)
    page = client.get(f"/{language}/learning/").content.decode()
    start = page.find('id="my-card"')
    return page[start : page.index("</section>", start)] if start >= 0 else ""


@pytest.mark.parametrize(("language", "heading"), [("ar", "بطاقتي"), ("ckb", "کارتەکەم")])
def test_a_health_worker_finds_their_card_with_a_qr_code_name_and_licence(
    client, worker_user, kirkuk_worker, language, heading
):
    card = _card(client, worker_user, language)
    assert f"<h2>{heading}</h2>" in card
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in card
    assert "أحمد الكركوكي" in card
    assert '<bdi dir="ltr">Ahmed Kirkuki</bdi>' in card
    assert f'<bdi dir="ltr">{kirkuk_worker.licence_number}</bdi>' in card
    assert f'<code dir="ltr">CME-HW:{kirkuk_worker.pk}</code>' in card


def test_an_account_not_linked_to_a_health_worker_has_no_card(client):
    assert _card(client, UserFactory()) == ""
