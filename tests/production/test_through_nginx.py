"""The production stack as people meet it: nginx over HTTPS in front of gunicorn, Celery and beat.

Run by scripts/production-leg against the stack it starts (deploy/); skipped elsewhere. The leg
sets PRODUCTION_URL (https), PRODUCTION_HTTP_URL, PRODUCTION_CA (its self-signed certificate) and
PRODUCTION_VAR (CME_VAR_DIR of the running site, to find a private file's bytes).
"""

import http.client
import os
import re
import ssl
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

BASE = os.environ.get("PRODUCTION_URL", "").rstrip("/")
HTTP_BASE = os.environ.get("PRODUCTION_HTTP_URL", "").rstrip("/")
CA = os.environ.get("PRODUCTION_CA", "")
VAR = Path(os.environ.get("PRODUCTION_VAR", "/nonexistent"))
PASSWORD = "demo-pass-2026"  # every demo login's (demo/accounts.py)
VERIFY_RATE = int(os.environ.get("CERTIFICATE_VERIFY_RATE", "30"))

pytestmark = [
    pytest.mark.production,
    pytest.mark.skipif(
        not BASE, reason="PRODUCTION_URL is not set: scripts/production-leg runs these via nginx"
    ),
]


def _session() -> requests.Session:
    session = requests.Session()
    session.trust_env = False  # else REQUESTS_CA_BUNDLE would replace the leg's certificate
    session.verify = CA
    return session


def _raw_get(path: str, *, source: str = "127.0.0.1", headers: dict | None = None):
    """GET a path exactly as written (no dot-segment clean-up) from a chosen loopback address."""
    parts = urlsplit(BASE)
    context = ssl.create_default_context(cafile=CA)
    connection = http.client.HTTPSConnection(
        parts.hostname, parts.port, context=context, source_address=(source, 0), timeout=30
    )
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _csrf(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def _login(session: requests.Session, username: str) -> requests.Response:
    page = session.get(f"{BASE}/accounts/login/")
    return session.post(
        f"{BASE}/accounts/login/",
        data={"csrfmiddlewaretoken": _csrf(page.text), "username": username, "password": PASSWORD},
        headers={"Referer": f"{BASE}/accounts/login/"},
        allow_redirects=False,
    )


@pytest.mark.parametrize(
    "prefix, language, direction", [("", "en", "ltr"), ("/ar", "ar", "rtl"), ("/ckb", "ckb", "rtl")]
)
def test_pages_answer_in_each_language_with_its_direction(prefix, language, direction):
    for path in ("/", "/accounts/login/"):
        response = _session().get(f"{BASE}{prefix}{path}")
        assert response.status_code == 200, path
        assert f'<html lang="{language}" dir="{direction}">' in response.text
        # nginx's request id, also handed to the app in X-Request-ID for its logs
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
        assert "Strict-Transport-Security" in response.headers


def test_plain_http_is_sent_to_the_same_page_over_https():
    response = requests.get(
        f"{HTTP_BASE}/ar/accounts/login/?next=/", allow_redirects=False, timeout=30
    )
    assert response.status_code == 301
    assert response.headers["Location"] == f"{BASE}/ar/accounts/login/?next=/"


def test_a_health_worker_logs_in_over_https_through_the_proxy():
    session = _session()
    response = _login(session, "worker.kirkuk")
    # CSRF passed (the forwarded proto makes the request secure) and the password was accepted
    assert response.status_code == 302, response.text[:500]
    profile = session.get(f"{BASE}/accounts/profile/")
    # The demo health worker reads Arabic: the site takes them to the Arabic page of their profile.
    assert profile.status_code == 200
    assert profile.url == f"{BASE}/ar/accounts/profile/"
    assert '<html lang="ar" dir="rtl">' in profile.text
    assert session.cookies.get("sessionid")
    assert all(cookie.secure for cookie in session.cookies)


def _workshop_with_certificates(session) -> tuple[int, str]:
    listing = session.get(f"{BASE}/learning/workshops/").text
    for workshop_id in dict.fromkeys(re.findall(r"/learning/workshops/(\d+)/", listing)):
        page = session.get(f"{BASE}/certificates/workshops/{workshop_id}/")
        if page.status_code == 200 and "/revoke/" in page.text:
            return int(workshop_id), page.text
    raise AssertionError("the Kirkuk trainer has no workshop with certificates")


def _serials(html: str) -> list[str]:
    return re.findall(r'href="(?:/[a-z]+)?/verify/(CME-[^/"]+)/"', html)


def test_a_certificate_issued_by_the_worker_verifies_through_nginx():
    trainer = _session()
    assert _login(trainer, "trainer.kirkuk").status_code == 302
    workshop_id, html = _workshop_with_certificates(trainer)
    before = _serials(html)
    revoke_path = re.search(r'action="(/certificates/(\d+)/revoke/)"', html).group(1)
    revoked = before[0]
    response = trainer.post(
        f"{BASE}{revoke_path}",
        data={"csrfmiddlewaretoken": _csrf(html), "reason": "Production leg check"},
        headers={"Referer": f"{BASE}/certificates/workshops/{workshop_id}/"},
    )
    assert response.status_code == 200
    assert trainer.get(f"{BASE}/verify/{revoked}.json").json()["status"] == "revoked"

    page = trainer.get(f"{BASE}/certificates/workshops/{workshop_id}/").text
    issued = trainer.post(
        f"{BASE}/certificates/workshops/{workshop_id}/issue/",
        data={"csrfmiddlewaretoken": _csrf(page)},
        headers={"Referer": f"{BASE}/certificates/workshops/{workshop_id}/"},
        allow_redirects=False,
    )
    assert issued.status_code == 302 and "?job=" in issued.headers["Location"]
    deadline = time.monotonic() + 90  # the Celery worker renders, signs and stores it
    new = []
    while time.monotonic() < deadline and not new:
        time.sleep(1)
        page = trainer.get(f"{BASE}/certificates/workshops/{workshop_id}/").text
        new = [serial for serial in _serials(page) if serial not in before]
    assert len(new) == 1, "the worker issued no new certificate within 90 s"
    answer = _session().get(f"{BASE}/verify/{new[0]}.json")
    assert answer.status_code == 200
    assert answer.json()["status"] == "valid"
    assert answer.json()["signature_valid"] is None  # a serial alone: status, no holder
    page = _session().get(f"{BASE}/ar/verify/{new[0]}/")
    assert page.status_code == 200 and new[0] in page.text


def _private_file() -> tuple[str, bytes]:
    pdf = next((VAR / "private" / "certificates").rglob("*.pdf"))
    return pdf.relative_to(VAR / "private").as_posix(), pdf.read_bytes()


@pytest.mark.parametrize(
    "template",
    [
        "/media/{name}",
        "/private/{name}",
        "/media/../private/{name}",
        "/static/../private/{name}",
        "/media/..%2fprivate/{name}",
        "/media%2f..%2fprivate/{name}",
        "/media/%2e%2e/private/{name}",
        "/static/../../var/private/{name}",
        "/var/private/{name}",
        "/private%2f{name}",
    ],
)
def test_a_private_file_is_never_served_by_nginx(template):
    name, content = _private_file()
    status, body = _raw_get(template.format(name=name))
    assert status in (400, 403, 404)
    assert content[:4096] not in body and b"%PDF" not in body


def test_static_files_are_served_compressed_when_the_browser_accepts_it():
    page = _session().get(f"{BASE}/accounts/login/").text
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/[^"]+\.css)"', page).group(1)
    on_disk = (VAR / "static" / stylesheet.removeprefix("/static/")).read_bytes()
    compressed = _session().get(f"{BASE}{stylesheet}", headers={"Accept-Encoding": "gzip"})
    assert compressed.status_code == 200
    assert compressed.headers["Content-Encoding"] == "gzip"
    assert int(compressed.headers["Content-Length"]) < len(on_disk) / 2
    assert compressed.content == on_disk  # requests unpacked it: the same file
    plain = _session().get(f"{BASE}{stylesheet}", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers and plain.content == on_disk


def test_the_app_counts_the_address_nginx_saw_and_not_one_the_client_wrote():
    # All requests reach gunicorn from nginx over one socket: only X-Forwarded-For, as nginx
    # appends it (TRUSTED_PROXY_COUNT=1), tells two clients apart. A made-up header is ignored.
    unknown_code = "/verify/AAAAAAAAAAAAAAAAAAAAAAAA.json"  # a code: no per-serial-block limit
    if time.time() % 60 > 50:  # the limit counts in minutes of the clock: start in a fresh one
        time.sleep(61 - time.time() % 60)
    statuses = [
        _raw_get(unknown_code, source="127.0.0.2", headers={"X-Forwarded-For": f"198.51.100.{n}"})
        for n in range(VERIFY_RATE + 1)
    ]
    statuses = [status for status, _body in statuses]
    assert statuses[:VERIFY_RATE] == [404] * VERIFY_RATE
    assert statuses[-1] == 429
    assert _raw_get(unknown_code, source="127.0.0.3")[0] == 404


def test_an_upload_over_the_limit_is_refused_by_nginx_with_a_page_in_three_languages():
    over = b"x" * (21 * 2**20 + 1)  # CME_REQUEST_MAX_BYTES and one byte
    response = _session().post(f"{BASE}/accounts/login/", data=over)
    assert response.status_code == 413
    response.encoding = "utf-8"
    assert "The file is larger than 20 MB." in response.text
    assert "حجم الملف أكبر من 20 ميغابايت." in response.text
    assert "قەبارەی پەڕگەکە لە 20 مێگابایت زیاترە." in response.text


def test_the_health_check_through_nginx_says_every_part_works_and_carries_the_request_id():
    """A monitor's probe: database, Redis broker and storage answer, and nginx's id comes back."""
    response = _session().get(f"{BASE}/healthz", timeout=30)
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and set(body["checks"].values()) == {"ok"}
    assert "cme_production" not in response.text and "redis://" not in response.text
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])


def test_the_sites_did_document_is_served_through_nginx_and_other_dot_paths_are_not():
    # A wallet's verifier resolves the credentials' did:web issuer at this address; nginx refuses
    # every other path with a dot folder.
    did = _session().get(f"{BASE}/.well-known/did.json")
    assert did.status_code == 200
    document = did.json()
    host = urlsplit(BASE).netloc.replace(":", "%3A")
    assert document["id"] == f"did:web:{host}"
    key = _session().get(f"{BASE}/verify/key.json").json()
    published = {method["publicKeyMultibase"] for method in document["verificationMethod"]}
    assert key["publicKeyMultibase"] in published
    assert _raw_get("/.well-known/other.json")[0] == 404
    assert _raw_get("/.git/config")[0] == 404
