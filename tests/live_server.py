"""The live server of the browser and wallet tests: a gate between tests, one answer at a time.

Two things go wrong when a browser talks to pytest-django's live server on SQLite, where the test
database lives in memory and every thread of the live server is handed the test's one connection
(`connections_override`):

- Two answers using the connection at once fail inside SQLite ("bad parameter or other API
  misuse"): a page and its `/admin/jsi18n/` script, loaded together by the browser, did once in CI.
  So while the connection is shared, the site's code runs one answer at a time and the answer's
  body is read before the next one starts. Each browser connection still has its own thread.
- A request can outlive its test. Closing a tab in the Wagtail editor sends a beacon that releases
  the editing session (`/admin/editing-sessions/release/...`); it reached the server while the test
  database was being flushed, the flush failed, and the next test found the last one's pages.
  So a browser fixture closes the gate when it closes its tabs (`live_server_quiet`): requests
  still being answered finish first, and any that arrive later get a 503 without touching the
  database. Every test opens the gate again when it starts (tests/conftest.py).

On PostgreSQL each thread has its own connection, and only the gate applies.
"""

import threading

from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread


class _Gate:
    """Whether a request may reach the site, and how many are being answered."""

    def __init__(self):
        self._condition = threading.Condition()
        self._open = True
        self._busy = 0

    def open(self) -> None:
        with self._condition:
            self._open = True

    def close(self, timeout: float = 15) -> None:
        """Let no new request in, and wait for those being answered."""
        with self._condition:
            self._open = False
            self._condition.wait_for(lambda: self._busy == 0, timeout)

    def enter(self) -> bool:
        with self._condition:
            if self._open:
                self._busy += 1
            return self._open

    def leave(self) -> None:
        with self._condition:
            self._busy -= 1
            self._condition.notify_all()


GATE = _Gate()


def live_server_quiet() -> None:
    """After a test's tabs are closed: nothing more reaches its database."""
    GATE.close()


class _GatedLiveServer(ThreadedWSGIServer):
    def set_app(self, application):
        one_at_a_time = threading.Lock() if self.connections_override else None

        def answer(environ, start_response):
            if not GATE.enter():
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test that sent this request has ended.\n"]
            try:
                if one_at_a_time is None:
                    return _whole(application(environ, start_response))
                with one_at_a_time:
                    return _whole(application(environ, start_response))
            finally:
                GATE.leave()

        return super().set_app(answer)


def _whole(response) -> list[bytes]:
    """The answer's body read (and the response closed) before anyone else is let in."""
    try:
        return [b"".join(response)]
    finally:
        if hasattr(response, "close"):
            response.close()


LiveServerThread.server_class = _GatedLiveServer
