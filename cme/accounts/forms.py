from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from cme.accounts import selectors
from cme.accounts.services import identifier_clean, phone_clean
from workforce.models import Cadre, Facility, Governorate


class RegistryStatus:
    EXISTING = "existing"
    NEW = "new"
    CHOICES = [
        (EXISTING, _("I am already in the registry (I have a licence number or national ID)")),
        (NEW, _("I am not in the registry yet")),
    ]


class PlaceChoiceField(forms.ModelChoiceField):
    """Shows a place by its name in the reader's language."""

    def label_from_instance(self, obj) -> str:
        return obj.name


class RegistrationForm(UserCreationForm):
    """Self-registration of a health worker: claim a registry record or create one."""

    status = forms.ChoiceField(
        label=_("Are you in the health-worker registry?"),
        choices=RegistryStatus.CHOICES,
        widget=forms.RadioSelect,
        initial=RegistryStatus.EXISTING,
    )
    identifier = forms.CharField(
        label=_("Licence number or national ID"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off"}),
    )
    confirm_name = forms.CharField(
        label=_("Your full name as the registry has it"),
        help_text=_("In Arabic or Latin script."),
        max_length=200,
        required=False,
    )
    name_ar = forms.CharField(
        label=_("Full name in Arabic script"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "rtl", "lang": "ar", "autocomplete": "name"}),
    )
    name_latin = forms.CharField(
        label=_("Full name in Latin script"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"dir": "ltr", "lang": "en"}),
    )
    cadre = PlaceChoiceField(
        label=_("Cadre"), queryset=Cadre.objects.all(), required=False, empty_label="—"
    )
    governorate = PlaceChoiceField(
        label=_("Governorate"),
        queryset=Governorate.objects.all(),
        required=False,
        empty_label="—",
    )
    facility = PlaceChoiceField(
        label=_("Facility where you work"),
        help_text=_("Choose the governorate first."),
        queryset=Facility.objects.none(),
        required=False,
        empty_label="—",
    )
    licence_number = forms.CharField(
        label=_("Licence number (if you have one)"), max_length=40, required=False
    )
    national_id = forms.CharField(
        label=_("National ID (if you have one)"), max_length=40, required=False
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Needed to reset a forgotten password."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    NEW_REQUIRED = ("name_ar", "name_latin", "cadre", "governorate", "facility")
    EXISTING_REQUIRED = ("identifier", "confirm_name")

    class Meta(UserCreationForm.Meta):
        fields = ("username",)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs.pop("autofocus", None)
        self.fields["cadre"].queryset = selectors.registration_cadres()
        self.fields["governorate"].queryset = selectors.registration_governorates()
        governorate_id = self.data.get("governorate") or None
        if governorate_id and str(governorate_id).isdigit():
            self.fields["facility"].queryset = selectors.registration_facilities(
                governorate_id=int(governorate_id)
            )
        self.fields["username"].help_text = _(
            "Letters, digits and @ . + - _ only; you will use it to log in."
        )

    def clean_identifier(self) -> str:
        return identifier_clean(self.cleaned_data["identifier"])

    def clean_licence_number(self) -> str:
        return identifier_clean(self.cleaned_data["licence_number"])

    def clean_national_id(self) -> str:
        return identifier_clean(self.cleaned_data["national_id"])

    def clean_phone(self) -> str:
        return phone_clean(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        needed = self.NEW_REQUIRED if status == RegistryStatus.NEW else self.EXISTING_REQUIRED
        for name in needed:
            if not cleaned.get(name) and name not in self.errors:
                self.add_error(
                    name, forms.ValidationError(_("This field is required."), "required")
                )
        return cleaned


class ProfileForm(forms.Form):
    """What a person may change about themselves."""

    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def __init__(self, *args, has_record: bool, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        if not has_record:
            del self.fields["phone"]

    def clean_phone(self) -> str:
        return phone_clean(self.cleaned_data["phone"])


class ClaimCodeForm(forms.Form):
    """The one-time code sent to the contact on the registry record."""

    code = forms.CharField(
        label=_("Code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "dir": "ltr"}
        ),
    )

    def clean_code(self) -> str:
        return identifier_clean(self.cleaned_data["code"]).replace(" ", "")
