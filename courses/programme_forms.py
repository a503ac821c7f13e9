"""Forms of training programmes: who runs a workshop, and participants from outside the registry."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from courses.models import Workshop
from workforce.models import HealthWorker, Provider


class ProvidersMixin:
    """The lead provider and partners: each named in the reader's language, the lead not twice."""

    def providers_clean(self, data: dict) -> dict:
        lead = data.get("lead_provider")
        if lead and lead in (data.get("partners") or []):
            self.add_error("partners", _("The lead provider is not also a partner."))
        return data


class WorkshopProvidersForm(ProvidersMixin, forms.ModelForm):
    class Meta:
        model = Workshop
        fields = ["lead_provider", "partners"]
        widgets = {"partners": forms.CheckboxSelectMultiple}

    def clean(self):
        return self.providers_clean(super().clean())


class ExternalParticipantForm(forms.ModelForm):
    """Someone who is not a health worker of the registry: another ministry, a company."""

    class Meta:
        model = HealthWorker
        fields = [
            "name_ar", "name_latin", "organisation_provider", "organisation", "cadre", "sex",
            "phone",
        ]  # fmt: skip
        labels = {"cadre": _("Closest profession")}
        help_texts = {
            "organisation": _("For example the Ministry of Electricity or a company's name."),
            "cadre": _("Only for the certificate's record; external participants are never "
                       "counted in coverage."),
        }  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_provider"].queryset = Provider.objects.all()
        self.fields["organisation_provider"].label = _("Organisation, if it is a provider")
        self.fields["organisation"].label = _("Organisation, otherwise")

    def clean(self):
        data = super().clean()
        if not data.get("name_ar") and not data.get("name_latin"):
            raise ValidationError(_("Give the name in at least one script."))
        if not data.get("organisation_provider") and not data.get("organisation", "").strip():
            self.add_error("organisation", _("Give the participant's organisation."))
        return data

    def worker_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
