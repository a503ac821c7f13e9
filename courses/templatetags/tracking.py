"""How the tracker prints figures a person reads: CME hours, with their unit, in every language."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import ngettext

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
