"""Forms of the DHIS2 admin: a connection (with its write-only token) and a push's months."""

import datetime

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from interop import services
from interop.models import Dhis2Connection

MAX_MONTHS = 12


class Dhis2ConnectionForm(WagtailAdminModelForm):
    """The token is written, never read back: the field is always empty when the form shows."""

    base_url = forms.URLField(
        label=_("base URL"),
        assume_scheme="https",
        validators=[URLValidator(schemes=["http", "https"])],
        help_text=_("The address of the DHIS2 instance, without /api."),
    )
    token = forms.CharField(
        label=_("personal access token"),
        required=False,
        strip=True,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = Dhis2Connection
        fields = [
            "name",
            "base_url",
            "data_set",
            "id_scheme",
            "org_unit_id_scheme",
            "governorate",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.has_token:
            self.fields["token"].help_text = _(
                "A token is stored and is not shown again. Leave empty to keep it; type a new "
                "one to replace it."
            )
        else:
            self.fields["token"].help_text = _(
                "Made in DHIS2 under Profile › Personal access tokens; shown here only while you "
                "type it."
            )

    def clean_token(self):
        token = self.cleaned_data["token"]
        if not token and not self.instance.has_token:
            raise forms.ValidationError(_("Enter the personal access token."))
        return token

    def save(self, commit=True):
        services.connection_token_set(connection=self.instance, token=self.cleaned_data["token"])
        return super().save(commit=commit)


class MonthField(forms.DateField):
    """A month typed as YYYY-MM (the browser's month picker), kept as its first day."""

    input_formats = ["%Y-%m"]
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class Dhis2PushForm(forms.Form):
    first_month = MonthField(label=_("from month"))
    last_month = MonthField(label=_("to month"))

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_month"), cleaned.get("last_month")
        if first and last:
            if last < first:
                raise forms.ValidationError(_("The last month comes before the first."))
            if len(self.months()) > MAX_MONTHS:
                raise forms.ValidationError(
                    _("Send at most %(count)d months at a time.") % {"count": MAX_MONTHS}
                )
        return cleaned

    def months(self) -> list[datetime.date]:
        first, last = self.cleaned_data["first_month"], self.cleaned_data["last_month"]
        months, month = [], first
        while month <= last and len(months) <= MAX_MONTHS:
            months.append(month)
            month = (month + datetime.timedelta(days=32)).replace(day=1)
        return months
