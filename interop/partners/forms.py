"""The form an administrator fills to issue a partner API key."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workforce.models import Directorate, Facility, Governorate, Region, ScopeLevel

MAX_LIFETIME = datetime.timedelta(days=3 * 365)


class PartnerKeyForm(forms.Form):
    """Organisation, scope (as a role's scope is chosen) and a required expiry."""

    organisation = forms.CharField(label=_("organisation"), max_length=200)
    level = forms.ChoiceField(label=_("scope"), choices=ScopeLevel.choices)
    region = forms.ChoiceField(
        label=_("region"), choices=[("", "---------"), *Region.choices], required=False
    )
    governorate = forms.ModelChoiceField(
        label=_("governorate"), queryset=Governorate.objects.none(), required=False
    )
    directorate = forms.ModelChoiceField(
        label=_("health directorate"), queryset=Directorate.objects.none(), required=False
    )
    facility_code = forms.CharField(
        label=_("facility code"),
        max_length=20,
        required=False,
        help_text=_("For a key over one facility: its code, as in the registry."),
    )
    expires_on = forms.DateField(
        label=_("expires on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The key stops working at the start of this day. At most three years."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["governorate"].queryset = Governorate.objects.visible_to(user)
        self.fields["directorate"].queryset = Directorate.objects.visible_to(user).select_related(
            "governorate"
        )
        for name in ("region", "governorate", "directorate"):
            # Long directorate names would push the select past a phone's edge.
            self.fields[name].widget.attrs["style"] = "width: 100%; min-width: 0"

    def clean_facility_code(self):
        code = self.cleaned_data["facility_code"].strip()
        if not code:
            return None
        facility = Facility.objects.visible_to(self.user).filter(code__iexact=code).first()
        if facility is None:
            raise forms.ValidationError(_("No facility in your scope has this code."))
        return facility

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if day <= today:
            raise forms.ValidationError(_("Choose a day after today."))
        if day > today + MAX_LIFETIME:
            raise forms.ValidationError(
                _("A key lasts at most three years: choose an earlier day.")
            )
        return day

    def scope(self) -> dict:
        """The scope as `role_assign` takes it."""
        data = self.cleaned_data
        return {
            "level": data["level"],
            "region": data.get("region") or "",
            "governorate": data.get("governorate"),
            "directorate": data.get("directorate"),
            "facility": data.get("facility_code"),
        }

    def expires_at(self) -> datetime.datetime:
        day = self.cleaned_data["expires_on"]
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
