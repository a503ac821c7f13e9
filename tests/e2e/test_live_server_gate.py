"""Between browser tests the live server lets nothing reach the database (tests/live_server.py)."""

from tests.live_server import GATE, live_server_quiet


def test_a_request_that_outlives_its_test_is_refused_without_the_database(page):
    assert page.request.get("/accounts/login/").status == 200

    live_server_quiet()
    try:
        late = page.request.get("/accounts/login/")
        status, body = late.status, late.text()
    finally:
        GATE.open()

    assert status == 503
    assert "has ended" in body
    assert page.request.get("/accounts/login/").status == 200
