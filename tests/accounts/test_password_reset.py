import re

import pytest

from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _link(message) -> str:
    return re.search(r"https?://[^/]+(/\S+/)", message.body).group(1)


def test_password_reset_sends_one_email_with_a_link(client, user):
    response = client.post(reverse("accounts:password_reset"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [user.email]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_password_reset_link_lets_the_person_choose_a_new_password_and_log_in(client, user):
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    form_url = client.get(_link(mail.outbox[0]), follow=True).redirect_chain[-1][0]
    new = {"new_password1": "a brand new phrase 7", "new_password2": "a brand new phrase 7"}
    response = client.post(form_url, new)
    assert response["Location"] == reverse("accounts:password_reset_complete")
    login = {"username": user.username, "password": "a brand new phrase 7"}
    assert client.post(reverse("accounts:login"), login).status_code == 302


def test_password_reset_link_works_only_once(client, user):
    client.post(reverse("accounts:password_reset"), {"email": user.email})
    link = _link(mail.outbox[0])
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(
        form_url, {"new_password1": "first new phrase 8", "new_password2": "first new phrase 8"}
    )
    html = client.get(link, follow=True).content.decode()
    assert "This link no longer works" in html


def test_password_reset_email_is_written_in_the_language_of_the_page(client, user):
    client.post("/ar/accounts/password-reset/", {"email": user.email})
    message = mail.outbox[0]
    assert "كلمة المرور" in message.subject
    assert "/ar/accounts/reset/" in message.body
    assert "Someone asked" not in message.body
    html, _mime = message.alternatives[0]
    assert 'dir="rtl"' in html


def test_password_reset_for_an_unknown_email_sends_nothing_but_answers_the_same(client, user):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response["Location"] == reverse("accounts:password_reset_done")
    assert mail.outbox == []
