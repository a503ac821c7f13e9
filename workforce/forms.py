"""Forms of the workforce registry.

Digits typed in Arabic-Indic or Extended Arabic-Indic (phone, licence, national ID) are read by
every form field through `core.digit_fields`; these forms need nothing of their own for them.

`HealthWorkerForm`: adding or editing a registry record for a user (`for_user=`); it offers only
facilities in the user's scope and, when the person looks like someone already registered, lists
them and asks for "this is a different person" before saving.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from workforce.authority import verifies_health_workers_at
from workforce.models import ADMINISTERING_ROLES, Facility, HealthWorker
from workforce.selectors import health_worker_duplicates

HEALTH_WORKER_FIELDS = [
    "name_ar",
    "name_latin",
    "licence_number",
    "national_id",
    "sex",
    "cadre",
    "facility",
    "phone",
    "email",
]


class DuplicateWarningMixin:
    """Refuses to save a look-alike of an existing record until the user confirms."""

    IDENTIFYING_FIELDS = {"name_ar", "name_latin", "facility", "licence_number", "national_id"}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.for_user = for_user
        self.duplicates: list[HealthWorker] = []
        if for_user is not None and "facility" in self.fields:
            self.fields["facility"].queryset = Facility.objects.visible_to(for_user)

    def clean(self):
        cleaned = super().clean()
        if self.for_user is None:
            return cleaned
        if self.instance.pk and not set(self.changed_data) & self.IDENTIFYING_FIELDS:
            return cleaned  # editing a phone number is no reason to ask again
        self.duplicates = list(
            health_worker_duplicates(
                user=self.for_user,
                name_ar=cleaned.get("name_ar", ""),
                name_latin=cleaned.get("name_latin", ""),
                facility=cleaned.get("facility"),
                licence_number=cleaned.get("licence_number"),
                national_id=cleaned.get("national_id"),
                exclude_pk=self.instance.pk,
            )[:10]
        )
        if self.duplicates and not cleaned.get("different_person"):
            listed = format_html_join("", "<li>{} · {} · {} · {}</li>", self._duplicate_rows())
            self.add_error(
                None,
                forms.ValidationError(
                    format_html(
                        "{}<ul>{}</ul>{}",
                        _("This looks like a person already in the registry:"),
                        listed,
                        _(
                            "If this is a different person, tick “This is a different person” "
                            "and save again."
                        ),
                    ),
                    code="possible_duplicate",
                ),
            )
        return cleaned

    def _duplicate_rows(self):
        for worker in self.duplicates:
            yield (
                worker.name_ar or "—",
                worker.name_latin or "—",
                worker.facility,
                worker.licence_number or worker.national_id or "—",
            )


class _PlainForm(forms.ModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)


def _different_person_field():
    return forms.BooleanField(
        label=_("This is a different person"),
        help_text=_("Tick this only if the registry warned about a look-alike record."),
        required=False,
    )


class HealthWorkerForm(DuplicateWarningMixin, _PlainForm):
    """A registry record added or edited on the site (a roster's walk-in, a profile)."""

    different_person = _different_person_field()

    class Meta:
        model = HealthWorker
        fields = HEALTH_WORKER_FIELDS


class HealthWorkerAdminForm(DuplicateWarningMixin, WagtailAdminModelForm):
    """The same checks in Wagtail's admin, and who has left and who is verified.

    Only an administrator in scope decides "verified", and never on their own record; a person
    added by anyone else (a trainer) starts unverified.
    """

    different_person = _different_person_field()

    class Meta:
        model = HealthWorker
        fields = [*HEALTH_WORKER_FIELDS, "licensed_on", "left_on", "leaving_reason", "is_verified"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        administrator = self.for_user is not None and (
            self.for_user.is_superuser
            or self.for_user.role_assignments.filter(role__in=ADMINISTERING_ROLES).exists()
        )
        if not self.instance.pk and not administrator:
            self.initial["is_verified"] = False
        if "is_verified" in self.fields and not administrator:
            self.fields["is_verified"].disabled = True

    def clean(self):
        cleaned = super().clean()
        # A leaving date is what makes a person inactive: one field to fill, none to forget.
        self.instance.is_active = cleaned.get("left_on") is None
        if "is_verified" not in self.changed_data or self.for_user is None:
            return cleaned
        own = self.instance.pk and self.instance.user_id == self.for_user.pk
        if own or not verifies_health_workers_at(self.for_user, cleaned.get("facility")):
            self.add_error(
                "is_verified",
                _(
                    "Only an administrator of this person's facility may change this, and never "
                    "on their own record."
                ),
            )
        return cleaned
