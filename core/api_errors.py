"""Validation errors of the API (django-ninja's 422) in the reader's language.

Pydantic writes its messages in English ("Input should be a valid integer, unable to parse
string as an integer"). A field phone or a partner's script shows `detail[].msg` to a person, so
each error keeps its machine-readable `type` and `loc` and gets a message in the request's
language, naming the parameter as it is spelt in the API.
"""

from django.utils.translation import gettext as _


def _field(error: dict) -> str:
    names = [str(part) for part in error.get("loc", ()) if part not in ("query", "body", "path")]
    return ".".join(names) or "?"


def _message(error: dict) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    field = _field(error)
    if kind == "missing":
        return _("%(field)s is required.") % {"field": field}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return _("%(field)s must be a whole number.") % {"field": field}
    if kind in ("float_parsing", "float_type", "decimal_parsing", "decimal_type"):
        return _("%(field)s must be a number.") % {"field": field}
    if kind in ("greater_than", "greater_than_equal"):
        bound = context.get("gt", context.get("ge"))
        return _("%(field)s must be at least %(bound)s.") % {"field": field, "bound": bound}
    if kind in ("less_than", "less_than_equal"):
        bound = context.get("lt", context.get("le"))
        return _("%(field)s must be at most %(bound)s.") % {"field": field, "bound": bound}
    if kind in ("literal_error", "enum"):
        return _("%(field)s must be one of: %(choices)s.") % {
            "field": field,
            "choices": context.get("expected", ""),
        }
    if kind in ("string_too_long", "too_long"):
        return _("%(field)s is too long.") % {"field": field}
    if kind in ("string_too_short", "too_short"):
        return _("%(field)s is too short.") % {"field": field}
    if kind.startswith(("date_", "datetime_")):
        return _("%(field)s must be a date written as YYYY-MM-DD.") % {"field": field}
    if kind.startswith("uuid_"):
        return _("%(field)s must be a UUID.") % {"field": field}
    if kind.startswith("bool_"):
        return _("%(field)s must be true or false.") % {"field": field}
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    return _("%(field)s is not valid.") % {"field": field}


def readable_errors(errors: list[dict]) -> list[dict]:
    """Each error's type and location, with a message in the active language."""
    return [
        {"type": error.get("type", ""), "loc": list(error.get("loc", ())), "msg": _message(error)}
        for error in errors
    ]
