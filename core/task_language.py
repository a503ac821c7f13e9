"""The language of background work: a task runs in the language of the person who started it.

`LanguageTask` is the Celery app's task class (`cme/celery.py`), so every task has it without
asking: queuing a task writes the active language into the message's `language` header, and the
worker runs the task's body under `translation.override` of it. A worker never handles a request,
so without this every message, email and file a task writes would be in the site's default language.

Each task says whose language its text is in, with the task option `text_for`:

- `"starter"` (the default): the person whose request queued it (imports, bulk certificates);
- `"recipient"`: each recipient's stored choice, chosen by the service itself (scheduled reports,
  notification emails), because a schedule or another person's action has no reader behind it;
- `"nobody"`: the task writes nothing a person reads (recomputing figures).

`tests/test_task_language.py` walks the Celery registry and holds every task to this.
"""

from celery import Task

from django.utils import translation
from django.utils.translation import gettext

LANGUAGE_HEADER = "language"
TEXT_FOR = ("starter", "recipient", "nobody")


def task_language(request) -> str | None:
    """The language a task's message carries: a header in a worker, `headers` when run eagerly."""
    language = getattr(request, LANGUAGE_HEADER, None)
    if not language and isinstance(getattr(request, "headers", None), dict):
        language = request.headers.get(LANGUAGE_HEADER)
    return language or None


class LanguageTask(Task):
    """A Celery task that carries the starter's language and runs its body in it."""

    text_for = "starter"

    def apply_async(
        self,
        args=None,
        kwargs=None,
        task_id=None,
        producer=None,
        link=None,
        link_error=None,
        shadow=None,
        **options,
    ):
        headers = dict(options.pop("headers", None) or {})
        # Inside a task the active language is the task's own, so a task queued from a task (or a
        # retry) keeps the first starter's language.
        headers.setdefault(LANGUAGE_HEADER, translation.get_language())
        return super().apply_async(
            args, kwargs, task_id, producer, link, link_error, shadow, headers=headers, **options
        )

    def __call__(self, *args, **kwargs):
        language = task_language(self.request)
        if language is None:
            return super().__call__(*args, **kwargs)
        with translation.override(language):
            return super().__call__(*args, **kwargs)


def stored_text_shown(message: str, params: dict | None = None) -> str:
    """A message kept as its id (marked with `gettext_noop`), in the reader's language.

    Text stored already translated has no catalogue entry and comes back as it was written.
    """
    if not message:
        return ""
    return gettext(message) % params if params else gettext(message)
