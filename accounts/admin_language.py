"""The language of the Wagtail admin for a staff member, and their account settings there.

The admin lives at `/admin/`, outside the language prefixes, so Django would always show it in
English. It speaks English and Arabic only (`WAGTAILADMIN_PERMITTED_LANGUAGES`): Wagtail has no
Kurdish catalogue, so a Kurdish reader chooses one of the two on the way in.
"""

from django.conf import settings
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import account as wagtail_account
from wagtail.users.models import UserProfile

from accounts import selectors

# The language of the last site page a person read (set by StaffLanguageMiddleware).
SITE_LANGUAGE_SESSION_KEY = "cme_site_language"


def admin_languages() -> list[str]:
    """The codes of the languages the admin is offered in."""
    return [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]


def admin_language_saved(*, user) -> str:
    """The admin language the person chose in the admin's account settings, or ""."""
    profile = UserProfile.objects.filter(user=user).only("preferred_language").first()
    language = profile.preferred_language if profile else ""
    return language if language in admin_languages() else ""


def admin_language_for(*, user, session, cookie: str | None) -> str:
    """The admin language for a person: their saved choice, else the site language they last used.

    Saved choices first: the admin's own preference, then the profile's preferred language. Then
    the language of the last site page read in this session, then the language switcher's cookie.
    A Kurdish choice cannot be honoured (the admin has no Kurdish) and is passed over.
    """
    permitted = admin_languages()
    candidates = []
    if user is not None and user.is_authenticated:
        candidates += [admin_language_saved(user=user), selectors.preferred_language(user=user)]
    candidates += [session.get(SITE_LANGUAGE_SESSION_KEY, ""), cookie or ""]
    for language in candidates:
        if language in permitted:
            return language
    return settings.LANGUAGE_CODE


def admin_language_save(*, user, language: str) -> None:
    """Store the person's admin language as Wagtail's own preference (shown in Account settings)."""
    if language not in admin_languages():
        raise ValueError(f"the admin is not offered in {language!r}")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])


class NameEmailOptionalForm(wagtail_account.NameEmailForm):
    """Wagtail's name and email form with nothing required.

    Many staff accounts have no name or email; Wagtail requires all three, which blocked saving the
    other panels of Account settings (the admin language among them) with "This field is required".
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class NameEmailOptionalPanel(wagtail_account.NameEmailSettingsPanel):
    form_class = NameEmailOptionalForm


@method_decorator(never_cache, name="dispatch")
class AccountView(wagtail_account.AccountView):
    """Wagtail's Account settings, where saving the language needs no name or email."""

    def get_panels(self):
        return [
            NameEmailOptionalPanel(panel.request, panel.user, panel.profile)
            if isinstance(panel, wagtail_account.NameEmailSettingsPanel)
            else panel
            for panel in super().get_panels()
        ]


account_view = require_admin_access(AccountView.as_view())
