"""Every Celery task of the project runs in the language of the person it writes for."""

import pytest

from django.utils import translation

from cme.celery import app
from core.task_language import TEXT_FOR, LanguageTask

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

PROJECT_APPS = ("certificates.", "cme.", "courses.", "coverage.", "interop.", "workforce.")


def _language() -> str:
    return translation.get_language()


def project_tasks() -> list:
    app.loader.import_default_modules()  # what a worker does at start: autodiscover every app
    return [task for name, task in sorted(app.tasks.items()) if name.startswith(PROJECT_APPS)]


def test_the_walk_finds_the_tasks_of_every_app():
    modules = {task.name.split(".")[0] for task in project_tasks()}
    assert {"certificates", "courses", "coverage"} <= modules


def test_every_task_carries_the_language_and_says_whose_text_it_writes():
    wrong = [
        task.name
        for task in project_tasks()
        if not isinstance(task, LanguageTask) or task.text_for not in TEXT_FOR
    ]
    assert wrong == []


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_every_task_body_runs_in_the_language_it_was_queued_in(language, worker_path, monkeypatch):
    seen = {}
    for task in project_tasks():
        monkeypatch.setattr(task, "typing", False)  # the stand-in body takes no arguments
        monkeypatch.setattr(task, "run", lambda name=task.name: seen.setdefault(name, _language()))
        with translation.override(language):
            task.apply_async()
    worker_path.run()
    assert seen == {task.name: language for task in project_tasks()}


def test_a_task_queued_with_no_language_active_runs_in_the_site_language(worker_path, monkeypatch):
    task = project_tasks()[0]
    seen = []
    monkeypatch.setattr(task, "typing", False)
    monkeypatch.setattr(task, "run", lambda: seen.append(_language()))
    with translation.override(None):
        task.apply_async()
    worker_path.run()
    assert seen == ["en"]
