"""How the tracker prints what a person reads: CME hours with their unit, history as fields."""

from decimal import Decimal

from django import template
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext

from courses.validity import expiry_state

register = template.Library()


@register.filter
def hours_number(value) -> str:
    """CME hours as a number without a trailing ",0": 12, 12.5 (the reader's decimal separator)."""
    if value in (None, ""):
        return ""
    return floatformat(value, -1)


@register.filter
def hours(value) -> str:
    """CME hours with their translated unit ("12 hours", "12 ساعة"), the number kept in order."""
    if value in (None, ""):
        return ""
    number = Decimal(str(value))
    # Plural rules take whole numbers; a fractional amount reads with the "many" form.
    count = int(number) if number == number.to_integral_value() else 100
    text = ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": "\x00"}
    before, _, after = text.partition("\x00")
    return format_html("{}<bdi>{}</bdi>{}", before, hours_number(value), after)


HISTORY_MODELS = {
    "enrolment": "Enrolment",
    "attendance": "AttendanceMark",
    "score": "AssessmentScore",
    "completion": "Completion",
    "claim": "ExternalActivity",
}


@register.filter
def change_fields(change) -> list[tuple[str, str, str]]:
    """A history row's before and after as (translated label, before, after), changed fields only.

    The history stores raw values (choice keys, UTC timestamps, ids); people read labels, their
    own language's words and the site's local time.
    """
    from django.apps import apps

    model = apps.get_model("courses", HISTORY_MODELS[change.kind])
    before, after = change.before or {}, change.after or {}
    rows = []
    for name in dict.fromkeys([*before, *after]):
        if name in before and name in after and before[name] == after[name]:
            continue
        rows.append(
            (
                _field_label(model, name),
                _field_value(model, name, before.get(name)) if name in before else "",
                _field_value(model, name, after.get(name)) if name in after else "",
            )
        )
    return rows


def _field_label(model, name: str) -> str:
    if name == "session_id":
        return gettext("Session")
    if name == "health_worker":  # a merge moved the row from one record of the person to another
        return gettext("Health worker")
    try:
        return capfirst(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _field_value(model, name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if name == "session_id":
        from courses.models import Session

        date = Session.objects.filter(pk=value).values_list("date", flat=True).first()
        return date_format(date, "j M Y") if date else "—"
    if name == "health_worker":
        from workforce.models import HealthWorker

        worker = HealthWorker.objects.filter(pk=value).first()
        if worker is None:
            return str(value)
        shown = worker.name_ar if translation.get_language() in ("ar", "ckb") else str(worker)
        return f"{shown or worker} · {worker.licence_number or value}"
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        return date_format(timezone.localtime(moment), "j M Y, H:i") if moment else str(value)
    if isinstance(field, models.DateField):
        day = parse_date(str(value))
        return date_format(day, "j M Y") if day else str(value)
    if name in ("cme_hours", "hours"):
        return hours(value)
    if isinstance(field, models.DecimalField):
        return hours_number(value)
    return str(value)


@register.filter
def expiry(valid_until) -> str:
    """How a last valid day stands today: "expired", "expiring" or "" (courses/validity.py)."""
    return expiry_state(valid_until=valid_until, on=timezone.localdate())
