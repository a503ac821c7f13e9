import datetime
import re

from django import forms
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from core.digits import typed_text
from coverage.selectors import LEVELS, CoverageQuery, course_rows
from workforce.models import Cadre, Provider

MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


class MonthField(forms.CharField):
    """A month typed as YYYY-MM (Arabic-Indic digits accepted), cleaned to its first day."""

    default_error_messages = {"invalid": _("Enter a month as YYYY-MM, for example 2026-03.")}

    def to_python(self, value):
        value = typed_text(super().to_python(value) or "")
        if not value:
            return None
        match = MONTH.match(value)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.date(int(match.group(1)), int(match.group(2)), 1)


def last_twelve_months() -> tuple[datetime.date, datetime.date]:
    end = timezone.localdate().replace(day=1)
    start = end.replace(year=end.year - 1)
    return (start + datetime.timedelta(days=32)).replace(day=1), end


class CoverageFilterForm(forms.Form):
    start = MonthField(label=_("From month"), required=False)
    end = MonthField(label=_("To month"), required=False)
    courses = forms.TypedMultipleChoiceField(
        label=_("Courses"), coerce=int, required=False, help_text=_("None chosen: every course.")
    )
    cadres = forms.ModelMultipleChoiceField(
        label=_("Cadres"),
        queryset=Cadre.objects.all(),
        required=False,
        help_text=_("None chosen: every cadre."),
    )
    valid_today = forms.BooleanField(
        label=_("Valid today only"),
        required=False,
        help_text=_(
            "Count only workers whose training is still valid today: for a course with a "
            "validity, a worker whose completions in the period have all expired does not count."
        ),
    )
    provider = forms.ModelChoiceField(
        label=_("Provider"),
        queryset=Provider.objects.all(),
        required=False,
        empty_label=_("Every provider"),
        help_text=_("Only workshops this provider led or partnered in."),
    )
    level = forms.ChoiceField(choices=[(level, level) for level in LEVELS], required=False)
    place = forms.IntegerField(required=False, min_value=1)
    focus = forms.IntegerField(required=False, min_value=1)
    page = forms.IntegerField(required=False, min_value=1)
    rows = forms.IntegerField(required=False, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Plain rows, titles in the reader's language: 500 course pages as model instances cost
        # more than the whole coverage table.
        self.course_list = course_rows()
        self.fields["courses"].choices = [
            (course.id, f"{course.code} · {course.name}") for course in self.course_list
        ]

    def course_options(self, chosen=()):
        """The course menu's choices as HTML, those in `chosen` selected: one line of Python for
        500 courses, where the template's loop cost 5 ms a page."""
        return format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, " selected" if value in chosen else "", label)
                for value, label in self.fields["courses"].choices
            ),
        )

    def chosen_courses(self, query: CoverageQuery) -> list:
        """The rows of the courses asked for (all of them when none were chosen)."""
        if not query.courses:
            return self.course_list
        chosen = set(query.courses)
        return [course for course in self.course_list if course.id in chosen]

    def clean(self):
        data = super().clean()
        default_start, default_end = last_twelve_months()
        start = data.get("start") or default_start
        end = data.get("end") or default_end
        if "start" not in self.errors and "end" not in self.errors:
            if start > end:
                self.add_error("end", _("The last month comes before the first."))
            elif (end.year - start.year) * 12 + end.month - start.month >= 120:
                self.add_error("end", _("Choose a period of at most ten years."))
        data["start"], data["end"] = start, end
        level = data.get("level") or "national"
        if level != "national" and not data.get("place"):
            self.add_error("place", _("Choose a place to drill into."))
        data["level"] = level
        return data

    def coverage_query(self) -> CoverageQuery:
        data = self.cleaned_data
        return CoverageQuery(
            start=data["start"],
            end=data["end"],
            courses=tuple(sorted(data["courses"])),
            cadres=tuple(sorted(cadre.pk for cadre in data["cadres"])),
            level=data["level"],
            place_id=data.get("place") if data["level"] != "national" else None,
            valid_on=timezone.localdate() if data.get("valid_today") else None,
            provider=data["provider"].pk if data.get("provider") else None,
        )
