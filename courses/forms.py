from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from core.digit_fields import PERCENT
from core.uploads import UploadRefused, sheet_check
from courses.catalogue import course_for_reader
from courses.evidence import evidence_validate
from courses.models import AssessmentScore, CoursePage, ExternalActivity, Session, Workshop
from courses.programme_forms import ProvidersMixin
from workforce.models import TRAINING_ROLES, Facility, HealthWorker
from workforce.selectors import health_worker_duplicates

TRAINER_ROLES = TRAINING_ROLES
DUPLICATE_WARNING = _(
    "Someone with this name is already registered. Add them from the registry, "
    "or tick the box to register a different person."
)


class DateInput(forms.DateInput):
    input_type = "date"


class TimeInput(forms.TimeInput):
    input_type = "time"


class WorkshopForm(ProvidersMixin, forms.ModelForm):
    lead = forms.ModelChoiceField(
        label=_("Lead trainer"),
        queryset=None,
        required=False,
        help_text=_("Leave empty to lead the workshop yourself."),
    )
    waiver_reason = forms.CharField(
        label=_("Reason for a waiver (administrators only, when the trainer is not qualified)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Workshop
        fields = [
            "course", "venue", "starts_on", "ends_on", "capacity", "language", "lead_provider",
            "partners",
        ]  # fmt: skip
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "partners": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = CoursePage.objects.live().filter(
            locale=Locale.get_default()
        )
        # The course is stored as the English page; the trainer reads its title in their language.
        self.fields["course"].label_from_instance = lambda course: (
            course_for_reader(course=course).title
        )
        self.fields["venue"].queryset = Facility.objects.visible_to(user, roles=TRAINER_ROLES)
        # Whether the lead may train at the chosen venue is checked by the service.
        self.fields["lead"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, role_assignments__role__in=TRAINER_ROLES)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        self.fields["lead"].label_from_instance = lambda u: u.get_full_name() or u.get_username()

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return self.providers_clean(data)


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["topic", "starts_at", "ends_at"]
        widgets = {"starts_at": TimeInput, "ends_at": TimeInput}


class WalkInForm(forms.ModelForm):
    """A new registry record made at the venue, warning of people who may already be registered."""

    confirm_new = forms.BooleanField(
        label=_("This is a different person: register them anyway"), required=False
    )

    class Meta:
        model = HealthWorker
        fields = [
            "name_ar",
            "name_latin",
            "licence_number",
            "national_id",
            "sex",
            "cadre",
            "facility",
            "phone",
        ]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.duplicates = HealthWorker.objects.none()

    # Digits, spaces and bidi marks are already read as typed (core.digit_fields); a blank number
    # is stored as none, since numbers are unique.
    def clean_licence_number(self):
        return self.cleaned_data["licence_number"] or None

    def clean_national_id(self):
        return self.cleaned_data["national_id"] or None

    def clean(self):
        data = super().clean()
        if not data.get("name_ar") and not data.get("name_latin"):
            raise ValidationError(_("Give the name in at least one script."))
        # The registry's one duplicate check: the same name in either script, a Sorani spelling
        # of an Arabic one and back, or the same licence or national ID, in the trainer's scope.
        self.duplicates = health_worker_duplicates(
            user=self.user,
            name_ar=data.get("name_ar", ""),
            name_latin=data.get("name_latin", ""),
            licence_number=data.get("licence_number"),
            national_id=data.get("national_id"),
            roles=TRAINER_ROLES,
        )[:5]
        if self.duplicates and not data.get("confirm_new"):
            raise ValidationError(DUPLICATE_WARNING)
        return data

    def worker_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OverrideForm(forms.Form):
    is_complete = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Completed")), ("0", _("Not completed"))],
        coerce=lambda value: value == "1",
    )
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Filled sign-in sheet (XLSX, CSV, or Excel's Unicode text)"),
        help_text=_("Use the template of this workshop. Nothing is saved if any row is wrong."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        # Excel names its "Unicode text" (UTF-16, tab separated) .txt; it is read like a CSV.
        if not upload.name.lower().endswith((".xlsx", ".csv", ".txt", ".tsv")):
            raise ValidationError(_("Upload an .xlsx, .csv or .txt file."))
        try:
            sheet_check(upload)
        except UploadRefused as refused:
            raise ValidationError(str(refused)) from refused
        return upload


class BeyondCapacityForm(forms.Form):
    beyond_capacity = forms.BooleanField(
        label=_("Enrol beyond capacity"),
        error_messages={
            "required": _(
                "Tick “Enrol beyond capacity” to enrol more people than the workshop "
                "holds. Nothing has been enrolled."
            )
        },
    )


class ClaimForm(forms.ModelForm):
    class Meta:
        model = ExternalActivity
        fields = ["title", "provider", "kind", "date", "hours", "evidence"]
        widgets = {"date": DateInput}
        help_texts = {"evidence": _("PDF, JPEG or PNG, at most 5 MB.")}

    def clean_evidence(self):
        evidence = self.cleaned_data["evidence"]
        evidence_validate(evidence)
        return evidence


class ReviewForm(forms.Form):
    """A reviewer's decision: no default, it comes from the Approve or the Reject button pressed."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose Approve or Reject.")},
    )
    note = forms.CharField(
        label=_("Note to the health worker"),
        help_text=_("Required when you reject: say what the health worker can do."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("note", "").strip():
            self.add_error("note", _("Say why the claim is rejected."))
        return cleaned


SCORE_ERRORS = {
    "invalid": _("Not a number."),
    "min_value": _("Between 0 and 100."),
    "max_value": _("Between 0 and 100."),
}


class ScoreGridForm(forms.Form):
    """Every pre- and post-test of a roster on one form: a percentage per cell, or blank."""

    def __init__(self, *args, people, current: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = people
        for enrolment in people:
            for kind in AssessmentScore.Kind.values:
                stored = current.get(enrolment.pk, {}).get(kind)
                field = forms.DecimalField(
                    required=False,
                    min_value=0,
                    max_value=100,
                    initial="" if stored is None else str(stored),
                    error_messages=SCORE_ERRORS,
                )
                field.digits = PERCENT  # "٨٥٪" is 85
                self.fields[self.cell_name(enrolment, kind)] = field
        if self.is_bound:
            # A cell missing from the post (a person enrolled since the page was drawn) keeps
            # what is stored rather than being erased.
            data = self.data.copy()
            for name, field in self.fields.items():
                if name not in data:
                    data[name] = field.initial
            self.data = data

    @staticmethod
    def cell_name(enrolment, kind: str) -> str:
        return f"{kind}_{enrolment.pk}"

    def grid(self) -> dict[tuple, object]:
        """The cleaned grid: (enrolment, kind) -> a percentage, or None for a blank cell."""
        return {
            (enrolment, kind): self.cleaned_data[self.cell_name(enrolment, kind)]
            for enrolment in self.people
            for kind in AssessmentScore.Kind.values
        }

    def rows(self) -> list[dict]:
        """The grid as the template draws it: per person, (name, value, first error) per cell."""
        rows = []
        for enrolment in self.people:
            cells = []
            for kind in AssessmentScore.Kind.values:
                name = self.cell_name(enrolment, kind)
                errors = self.errors.get(name) if self.is_bound else None
                cells.append((name, self[name].value() or "", errors[0] if errors else None))
            rows.append({"enrolment": enrolment, "cells": cells})
        return rows
