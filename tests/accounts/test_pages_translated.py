"""Pages of accounts read entirely in Arabic and Kurdish: no Latin word left in what is shown."""

import re
from html.parser import HTMLParser

import pytest

from django.core import mail

from tests.factories.workforce import HealthWorkerFactory, UserFactory

pytestmark = pytest.mark.django_db


class _VisibleText(HTMLParser):
    """Text of <body> in the page's language: skips scripts, options and parts marked `lang`."""

    VOID = {"input", "br", "img", "meta", "link", "hr"}

    def __init__(self, language: str):
        super().__init__()
        self.language, self.stack, self.parts, self.in_body = language, [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        hidden = tag in ("script", "style", "option") or (lang and lang != self.language)
        self.stack.append(hidden or bool(self.stack and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_body and not (self.stack and self.stack[-1]):
            self.parts.append(data)


def latin_words(html: str, language: str) -> list[str]:
    parser = _VisibleText(language)
    parser.feed(html)
    return re.findall(r"[A-Za-z]{3,}", " ".join(parser.parts))


@pytest.fixture
def arabic_named_worker(kirkuk_facility):
    kirkuk_facility.name_ckb = "نەخۆشخانەی گشتی کەرکووک"
    kirkuk_facility.save()
    user = UserFactory(username="زينب")
    return HealthWorkerFactory(
        user=user, facility=kirkuk_facility, licence_number="12345", name_ar="زينب علي"
    )


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_profile_and_password_pages_have_no_english_left(client, arabic_named_worker, language):
    client.force_login(arabic_named_worker.user)
    for path in ["accounts/profile/", "accounts/password/", "accounts/password/done/"]:
        response = client.get(f"/{language}/{path}")
        assert latin_words(response.content.decode(), language) == [], path


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_anonymous_pages_and_errors_have_no_english_left(client, user, language):
    client.post(f"/{language}/accounts/password-reset/", {"email": user.email})
    link = re.search(r"https?://[^/]+(/\S+/)", mail.outbox[0].body).group(1)
    pages = {
        "reset sent": client.get(f"/{language}/accounts/password-reset/sent/"),
        "reset form": client.get(link, follow=True),
        "bad link": client.get(f"/{language}/accounts/reset/MQ/bad-token/", follow=True),
        "reset done": client.get(f"/{language}/accounts/reset/done/"),
        "not found": client.get(f"/{language}/no-such-page/"),
    }
    for name, response in pages.items():
        assert latin_words(response.content.decode(), language) == [], name


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_locked_out_page_has_no_english_left(client, user, settings, language):
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            f"/{language}/accounts/login/", {"username": user.username, "password": "guess"}
        )
    assert response.status_code == 429
    assert latin_words(response.content.decode(), language) == []


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_password_reset_email_has_no_english_left(client, user, language):
    client.post(f"/{language}/accounts/password-reset/", {"email": user.email})
    message = mail.outbox[0]
    body = re.sub(r"https?://\S+", "", message.body).replace(user.username, "")
    assert re.findall(r"[A-Za-z]{3,}", message.subject + body) == []
