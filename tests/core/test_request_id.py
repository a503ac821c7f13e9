"""Every log line names its request: in the web process and in the tasks a request queued."""

import copy
import io
import json
import logging
import logging.config
import re

import pytest

from django.http import HttpResponse
from django.test import RequestFactory

from certificates.tasks import certificate_withdraw_task
from core.request_id import RequestIdMiddleware, request_id_forget

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

NEW_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def json_log(settings):
    """The site's own LOGGING with LOG_FORMAT=json, written to a buffer: its lines, parsed."""
    stream = io.StringIO()
    config = copy.deepcopy(settings.LOGGING)
    config["handlers"]["console"].update(formatter="json", stream=stream)
    logging.config.dictConfig(config)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture
def logging_task(monkeypatch):
    """A project task whose body writes one warning (the stand-in body takes no arguments)."""
    monkeypatch.setattr(certificate_withdraw_task, "typing", False)
    monkeypatch.setattr(
        certificate_withdraw_task,
        "run",
        lambda: logging.getLogger("certificates.tasks").warning("the task ran"),
    )
    return certificate_withdraw_task


def _request_queuing(task, queued: list):
    """A request through the middleware to a view that queues `task`; its response."""

    def view(request):
        queued.append(task.delay())
        return HttpResponse()

    return RequestIdMiddleware(view)(RequestFactory().get("/"))


def _not_found_lines(json_log) -> list:
    return [line for line in json_log() if line["logger"] == "django.request"]


def test_a_requests_log_line_carries_the_id_its_response_names(client, json_log):
    response = client.get("/learning/no-such-page/")  # Django logs "Not Found" as a warning
    assert response.status_code == 404
    lines = _not_found_lines(json_log)
    assert [line["request_id"] for line in lines] == [response["X-Request-ID"]]
    assert NEW_ID.fullmatch(response["X-Request-ID"])


def test_each_request_gets_its_own_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept(client, json_log):
    proxy_id = "7f3c9a0e5b2d4c1f8e6a9b0c1d2e3f4a"
    response = client.get("/learning/no-such-page/", HTTP_X_REQUEST_ID=proxy_id)
    assert response["X-Request-ID"] == proxy_id
    assert [line["request_id"] for line in _not_found_lines(json_log)] == [proxy_id]


@pytest.mark.parametrize(
    "proposed",
    ["abc\nWARNING forged line", "x" * 500, 'a" onload="', "abc def", "ünïcode", "-leading-dash"],
)
def test_an_unsafe_request_id_from_outside_is_replaced(client, json_log, proposed):
    response = client.get("/learning/no-such-page/", HTTP_X_REQUEST_ID=proposed)
    assert NEW_ID.fullmatch(response["X-Request-ID"])
    assert [line["request_id"] for line in _not_found_lines(json_log)] == [response["X-Request-ID"]]


def test_a_task_run_eagerly_by_a_request_logs_with_its_id_and_its_own(json_log, logging_task):
    queued = []
    response = _request_queuing(logging_task, queued)
    [line] = [line for line in json_log() if line["message"] == "the task ran"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["task_id"] == queued[0].id
    assert line["task_name"] == "certificates.tasks.certificate_withdraw_task"


def test_a_task_a_worker_runs_logs_with_the_id_of_the_request_that_queued_it(
    json_log, logging_task, worker_path
):
    queued = []
    response = _request_queuing(logging_task, queued)
    request_id_forget()  # the response is sent: only the message's headers carry the id on
    worker_path.run()
    [line] = [line for line in json_log() if line["message"] == "the task ran"]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["task_id"] == queued[0].id
    assert line["task_name"] == "certificates.tasks.certificate_withdraw_task"


def test_after_a_task_the_worker_logs_with_no_request_or_task(json_log, logging_task, worker_path):
    _request_queuing(logging_task, [])
    request_id_forget()
    worker_path.run()
    logging.getLogger("celery.worker").warning("between tasks")
    line = json_log()[-1]
    assert line["request_id"] is None
    assert "task_id" not in line
