"""Every form field that takes a number, date, time, phone or licence reads digits as typed.

`install()` runs once from `CoreConfig.ready()`, so a form gets the rules of `core.digits` without
asking: the site's forms, Wagtail's page, snippet and viewset forms and StreamField blocks,
django-filter's filters and Django's admin alike.

- By class: `IntegerField`, `DecimalField`, `FloatField`, `DateField`, `TimeField`,
  `DateTimeField`, `DurationField` and every subclass (so also the halves of a split date and
  time, and date ranges) read typed digits, the Arabic decimal separator, and a decimal comma.
- By name, or by a `digits` attribute set on the field: a text field named like a phone
  (`phone`, `mobile`, `*_phone`) is kept as a phone's search key, one named like a licence or ID
  (`licence_number`, `national_id`, `identifier`) loses its spaces; a number field named like a
  percentage (`*percent*`, `score`, `pass_mark`) also takes a final % or ٪.
"""

import functools
import re

from django import forms

from core.digits import typed_identifier, typed_number, typed_phone, typed_text

PHONE, IDENTIFIER, PERCENT = "phone", "identifier", "percent"
NUMBER_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField)
NAME_RULES = [
    (re.compile(r"(^|_)(phone|mobile|telephone)(_|$)"), PHONE, forms.CharField),
    (re.compile(r"licen[cs]e|national_id|(^|_)identifier(_|$)"), IDENTIFIER, forms.CharField),
    (re.compile(r"percent|(^|_)score(_|$)|pass_mark"), PERCENT, NUMBER_FIELDS),
]


def _decimal(value):
    return typed_number(value, decimal=True)


def _percent(value):
    return typed_number(value, decimal=True, percent=True)


BY_KIND = {PHONE: typed_phone, IDENTIFIER: typed_identifier, PERCENT: _percent}
BY_CLASS = {
    forms.IntegerField: typed_number,
    forms.DecimalField: _decimal,
    forms.FloatField: _decimal,
    forms.DateField: typed_text,
    forms.TimeField: typed_text,
    forms.DateTimeField: typed_text,
    forms.DurationField: typed_text,
}


def digits_kind(field: forms.Field, name: str) -> str | None:
    """`phone`, `identifier` or `percent` for a field that reads typed digits by its name."""
    if kind := getattr(field, "digits", None):
        return kind
    for pattern, kind, classes in NAME_RULES:
        if pattern.search(name) and isinstance(field, classes):
            return kind
    return None


def _each(normalise, value):
    # A multi-widget field (a date range, a split date and time) submits a list.
    if isinstance(value, list | tuple):
        return type(value)(_each(normalise, item) for item in value)
    return normalise(value)


def _reading_typed(to_python, normalise):
    @functools.wraps(to_python)
    def wrapped(self, value):
        return to_python(self, _each(normalise, value))

    wrapped.reads_typed_digits = True
    return wrapped


def _clean_bound_field_reading_typed(clean_bound_field):
    @functools.wraps(clean_bound_field)
    def wrapped(self, bf):
        kind = digits_kind(self, bf.name)
        if kind is None or self.disabled:
            return clean_bound_field(self, bf)
        return self.clean(_each(BY_KIND[kind], bf.data))

    wrapped.reads_typed_digits = True
    return wrapped


def install() -> None:
    """Makes every form field read digits as typed (idempotent)."""
    for field_class, normalise in BY_CLASS.items():
        to_python = field_class.__dict__["to_python"]
        if not getattr(to_python, "reads_typed_digits", False):
            field_class.to_python = _reading_typed(to_python, normalise)
    # The one place where a field meets its name: BaseForm._clean_fields() cleans through it.
    clean_bound_field = forms.Field.__dict__["_clean_bound_field"]
    if not getattr(clean_bound_field, "reads_typed_digits", False):
        forms.Field._clean_bound_field = _clean_bound_field_reading_typed(clean_bound_field)
