from django import forms
from django.conf import settings
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from accounts import selectors
from accounts.services import identifier_clean, phone_clean
from workforce.models import Cadre, Facility, Governorate

USERNAME_UNAVAILABLE = _(
    "This username cannot be used. Choose another, for example with your name and a number."
)


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

    def clean_username(self) -> str:
        # Django's message names the taken username; this one does not confirm that anyone has it.
        username = super().clean_username()
        if "username" in self._errors:
            self._errors["username"] = self.error_class([USERNAME_UNAVAILABLE])
        return username

    def username_unavailable(self) -> bool:
        """Whether the username was refused because an account has it (only after validation)."""
        return USERNAME_UNAVAILABLE in self.errors.get("username", [])

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
    """What a person may change about themselves; a new email needs their current password."""

    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=24,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
    notices_by_email = forms.BooleanField(
        label=_("Send me reminders and notices by email"),
        help_text=_("Workshops you are enrolled in, sessions, certificates, claims, CME credits."),
        required=False,
    )
    notices_by_sms = forms.BooleanField(
        label=_("Send me reminders and notices by text message (SMS)"), required=False
    )
    current_password = forms.CharField(
        label=_("Current password"),
        help_text=_("Needed only to change your email."),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, has_record: bool, user, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user
        if not has_record:
            del self.fields["phone"]
            del self.fields["notices_by_sms"]  # no record, no phone to text

    def clean_phone(self) -> str:
        return phone_clean(self.cleaned_data["phone"])

    def clean(self):
        cleaned = super().clean()
        # Whoever finds a signed-in browser must not be able to move password resets to their
        # own address: the email changes only with the password.
        changed = "email" in cleaned and cleaned["email"] != self.user.email
        if changed and not self.user.check_password(cleaned.get("current_password", "")):
            self.add_error(
                "current_password",
                forms.ValidationError(
                    _("Enter your current password to change your email."), "password"
                ),
            )
        return cleaned


class TokenForm(forms.Form):
    """A six-digit code from the authenticator app, or a recovery code."""

    token = forms.CharField(
        label=_("Code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "dir": "ltr",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class PasswordConfirmForm(forms.Form):
    """The account's current password, asked again before a change to how it signs in."""

    password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your current password."), "password")
        return password


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
