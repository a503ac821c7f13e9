"""Names of moderation workflows, their tasks and the site, stored in English, read translated.

Migrations and the demo create the workflow "Course review", its task "Reviewer approval" and the
site "CME Tracker" with English names. Wagtail shows those names in its own sentences ("Submit to
Course review") and listings, so each name loaded from the database is wrapped in `TranslatedName`:
it is the English string to the database, to queries and to JSON, and the translation in the
active language wherever it is turned into text for a person (templates, `%` and `str()`).
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils.html import escape
from django.utils.translation import gettext, gettext_noop, override

from wagtail.models import Site, Task, Workflow

WORKFLOW_NAME = gettext_noop("Course review")
TASK_NAME = gettext_noop("Reviewer approval")
SITE_NAME = gettext_noop("CME Tracker")
KNOWN_NAMES = (WORKFLOW_NAME, TASK_NAME, SITE_NAME)


class TranslatedName(str):
    """A name stored in English that reads in the active language."""

    __slots__ = ()

    def __str__(self) -> str:
        return gettext(str.__str__(self))

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __html__(self) -> str:
        return escape(str(self))


def _name_field(model) -> str:
    return "site_name" if issubclass(model, Site) else "name"


def _wrap_on_load(sender, instance, **kwargs) -> None:
    field = _name_field(sender)
    value = instance.__dict__.get(field)
    if isinstance(value, str) and value and not isinstance(value, TranslatedName):
        instance.__dict__[field] = TranslatedName(value)


def _source_name(value: str) -> str:
    """The English name behind a translation of a known name, so an edit form keeps English."""
    for language, _name in settings.LANGUAGES:
        with override(language):
            for name in KNOWN_NAMES:
                if gettext(name) == value:
                    return name
    return value


def _store_english(sender, instance, **kwargs) -> None:
    field = _name_field(sender)
    value = instance.__dict__.get(field)
    if isinstance(value, str) and value:
        instance.__dict__[field] = TranslatedName(_source_name(str.__str__(value)))


def translated_names_connect() -> None:
    """Wrap the names of workflows, tasks (every type) and sites as they are loaded and saved."""
    for model in apps.get_models():
        if issubclass(model, (Workflow, Task, Site)):
            post_init.connect(_wrap_on_load, sender=model, dispatch_uid=f"names-{model._meta}")
            pre_save.connect(_store_english, sender=model, dispatch_uid=f"english-{model._meta}")
