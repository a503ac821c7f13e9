"""Every form of the site and of the admin reads a number, date, phone or licence in any digits.

The walk finds the forms itself: it follows the URL resolver's routes and the links pages give
(the Wagtail admin included) as the superuser, a trainer and a health worker, and takes every form,
formset form and filter form a page renders. Each field that takes a number, date, time, phone or
licence is then filled with one value written in ASCII, Arabic-Indic and Extended Arabic-Indic
digits, with the decimal point as `.`, `٫` and `,`, and with a final `%` or `٪`: the field must
clean all of them to the same value (or refuse all of them alike). The fields are chosen here by
Django's field classes and by names and input types, not by the rules under test.
"""

import copy
import datetime
import re
from decimal import Decimal

import django_filters
import pytest

from django import forms
from django.forms.formsets import BaseFormSet
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.urls import reverse
from django.utils.datastructures import MultiValueDict

from wagtail.models import Page

from core.digits import ARABIC_INDIC, EXTENDED_ARABIC_INDIC
from tests import test_no_500_from_bad_input as no_500
from tests import walk

pytestmark = pytest.mark.django_db

# The walk of the no-500 test stands on the same records and people.
site_data, people = no_500.site_data, no_500.people

NUMBER = (forms.IntegerField, forms.DecimalField, forms.FloatField)
TEMPORAL = (forms.DateTimeField, forms.DateField, forms.TimeField)
PHONE_OR_LICENCE = re.compile(r"phone|mobile|licen[cs]e|national_id|identifier")
SAMPLE_MOMENT = datetime.datetime(2026, 12, 5, 10, 30)
NOT_FOLLOWED = ("/ar/", "/ckb/", "/accounts/logout", "/admin/logout")


def forms_in(context) -> list[forms.BaseForm]:
    """The forms a rendered page holds: its forms, formsets' forms and filter sets' forms."""
    found = []
    for value in context:
        if isinstance(value, django_filters.FilterSet):
            value = value.form
        if isinstance(value, BaseFormSet):
            found.extend([*value.forms, value.empty_form])
        elif isinstance(value, forms.BaseForm):
            found.append(value)
            for formset in getattr(value, "formsets", {}).values():
                found.extend([*formset.forms, formset.empty_form])
    return found


def _followed(url: str) -> bool:
    # The same forms again under /ar/ and /ckb/; signing out would end the walk.
    return not url.startswith(NOT_FOLLOWED)


def page_editors() -> list[str]:
    """The Wagtail editor of one page of each kind in the tree (its URL has no fixed id)."""
    editors = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        editors.setdefault(page.content_type_id, reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return list(editors.values())


def as_user(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def rendered_forms(client, people) -> dict:
    """(form class, field names) -> (a form instance, the URL it was found at)."""
    # Ids filled with 1 and with the trainer's workshop's: on PostgreSQL ids are not reset
    # between tests, so the fixtures' records need not be the first.
    workshop = people["trainer"].workshops_trained.get()
    paths = [
        path
        for value in dict.fromkeys((str(workshop.pk), "1"))
        for route in walk.routes()
        if (path := route.fill(value)) and _followed(path)
    ]
    site = [path for path in paths if not path.startswith("/admin/")]
    admin = [path for path in paths if path.startswith("/admin/")]
    found = {}
    # The superuser reaches every admin form; the others reach the site's forms made for them.
    for role, starts, budget in (
        ("superuser", site + admin, 600),
        ("trainer", site, 120),
        ("health worker", site, 100),
        ("anonymous", site, 60),
    ):
        as_user(client, people[role])
        crawl = walk.Crawl().run(client, starts, budget=budget, follow=_followed)
        responses = list(crawl.visited.values())
        if role == "superuser":  # one walk visits one editor; each kind of page has its own form
            responses += [(url, client.get(url)) for url in page_editors()]
        for url, response in responses:
            for context in response.context or []:
                layers = getattr(context, "dicts", [context])
                values = [value for layer in layers for value in layer.values()]
                for form in forms_in(values):
                    found.setdefault((type(form), tuple(form.fields)), (form, url))
    return found


def typed(text: str, digits: str) -> str:
    return "".join(digits[int(ch)] if ch.isascii() and ch.isdigit() else ch for ch in text)


def number_sample(field) -> str:
    whole = not isinstance(field, forms.DecimalField | forms.FloatField)
    value = Decimal(12) if whole or field.decimal_places == 0 else Decimal("12.5")
    if field.min_value is not None and value < field.min_value:
        value = field.min_value
    if field.max_value is not None and value > field.max_value:
        value = field.max_value
    return str(value)


def temporal_sample(field) -> str:
    if isinstance(field, forms.DateTimeField):
        moment = SAMPLE_MOMENT
    elif isinstance(field, forms.DateField):
        moment = SAMPLE_MOMENT.date()
    else:
        moment = SAMPLE_MOMENT.time()
    return moment.strftime(list(field.input_formats)[0])


def in_each_digit_set(text: str, decimal: str = ".", percent: str = "") -> list[str]:
    """`text` in ASCII as given, then in Arabic-Indic and Extended Arabic-Indic digits."""
    return [text] + [
        typed(text, digits).replace(".", decimal) + percent
        for digits in (ARABIC_INDIC, EXTENDED_ARABIC_INDIC)
    ]


def writings(field, name: str) -> list[list[str]]:
    """Groups of one value as people type it (ASCII first); none for other kinds of field."""
    if isinstance(field, NUMBER):
        text = number_sample(field)
        return [
            in_each_digit_set(text),
            in_each_digit_set(text, decimal="٫"),
            in_each_digit_set(text, decimal=","),
            [text + "%", *in_each_digit_set(text, decimal="٫", percent="٪")[1:]],
        ]
    if isinstance(field, TEMPORAL):
        return [in_each_digit_set(temporal_sample(field))]
    is_tel = "tel" in (getattr(field.widget, "input_type", ""), field.widget.attrs.get("type"))
    if isinstance(field, forms.CharField) and (PHONE_OR_LICENCE.search(name) or is_tel):
        phone = "phone" in name or "mobile" in name or is_tel
        return [in_each_digit_set("0770 123 4567" if phone else "LIC-1234 5")]
    if isinstance(field, forms.MultiValueField):
        # A split date and time, or a date range: each part typed in the same digits.
        parts = [writings(part, name)[:1] for part in field.fields]
        if all(parts):
            return [[[part[0][i] for part in parts] for i in range(3)]]
    return []


def widget_names(widget) -> list[str]:
    if hasattr(widget, "suffixes"):  # django-filter's range widgets
        return [f"_{suffix}" if suffix else "" for suffix in widget.suffixes]
    return list(widget.widgets_names)


def cleaned(form: forms.BaseForm, name: str, value) -> tuple:
    """What the form makes of `value` in field `name` alone: its value, or its error codes."""
    bound = copy.copy(form)
    bound.is_bound, bound.files, bound._bound_fields_cache = True, MultiValueDict(), {}
    data = QueryDict(mutable=True)
    if isinstance(value, list):
        for suffix, part in zip(widget_names(form.fields[name].widget), value, strict=False):
            data[form.add_prefix(name) + suffix] = part
    else:
        data[form.add_prefix(name)] = value
    bound.data = data
    bound.cleaned_data, bound._errors = {}, ErrorDict()
    bound._clean_fields()  # the per-field half of full_clean(), clean_<name>() included
    if name in bound._errors:
        return ("refused", tuple(sorted(e.code or "" for e in bound._errors.as_data()[name])))
    return ("accepted", bound.cleaned_data.get(name))


def test_every_form_reads_numbers_dates_phones_and_licences_in_any_digits(client, people):
    client.raise_request_exception = False
    found = rendered_forms(client, people)
    checked, accepted, failures = set(), 0, []
    for (form_class, _names), (form, url) in found.items():
        for name, field in form.fields.items():
            if field.disabled:
                continue
            for group in writings(field, name):
                outcomes = [(text, cleaned(form, name, text)) for text in group]
                checked.add(f"{form_class.__name__}.{name}")
                first = outcomes[0][1]
                accepted += first[0] == "accepted"
                if any(outcome != first for _text, outcome in outcomes):
                    failures.append((url, form_class.__name__, name, outcomes))
    assert failures == []
    # The walk reached the forms the issue names, and then some.
    names = {check.split(".")[0] for check in checked}
    issue_forms = {"ClaimForm", "WorkshopForm", "WalkInForm", "ScoreGridForm"}
    assert issue_forms | {"RegistrationForm", "CoursePageForm"} <= names, names
    assert accepted > 30, checked
