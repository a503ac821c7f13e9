from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_info, gettext_lazy, override
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from accounts import claims, second_factor, selectors, services
from accounts.admin_language import admin_language_save, admin_language_saved, admin_languages
from accounts.forms import ClaimCodeForm, ProfileForm, RegistrationForm, RegistryStatus
from core.http import client_address, rate_limit_hit, rate_limit_reached

BACKEND = "django.contrib.auth.backends.ModelBackend"
# Failed attempts to claim a registry record allowed from one address per hour: enough for typing
# mistakes, too few to try licence numbers or names in bulk.
CLAIM_LIMIT = 10
CLAIM_WINDOW = 3600
THROTTLED = gettext_lazy(
    "Too many attempts to find a record from this connection. Try again in an hour, or ask your "
    "training coordinator."
)
CLAIM_STARTED = gettext_lazy(
    "Your account is ready. If your details match a registry record that has no account yet, we "
    "have sent a code to the email or phone on that record: type it below. No code? An "
    "administrator of your facility's governorate can approve your request."
)
CODE_WRONG = gettext_lazy("This code is not right or has expired.")
CODE_LOCKED = gettext_lazy(
    "Too many wrong codes. Ask an administrator of your facility's governorate to approve your "
    "request."
)


def remember_language(response: HttpResponse, language: str) -> HttpResponse:
    """Set the same cookie as the language switcher, so unprefixed URLs follow the choice."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )
    return response


def _account_register(data: dict, *, language: str):
    """Call the registration service that the person's answer to "are you in the registry" picks."""
    common = {
        "username": data["username"],
        "password": data["password1"],
        "email": data["email"],
        "phone": data["phone"],
        "language": language,
    }
    if data["status"] == RegistryStatus.EXISTING:
        return services.account_register_existing(
            identifier=data["identifier"], name=data["confirm_name"], **common
        )
    return services.account_register_new(
        name_ar=data["name_ar"],
        name_latin=data["name_latin"],
        cadre=data["cadre"],
        facility=data["facility"],
        licence_number=data["licence_number"],
        national_id=data["national_id"],
        **common,
    )


def register(request: HttpRequest) -> HttpResponse:
    """A health worker creates their account; a registry record is claimed, then proved."""
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = RegistrationForm(request.POST or None)
    # Every claim counts (a failed one looks like a successful one); new registrations and taken
    # usernames count only when refused, so no one learns in bulk who has an account or a number.
    limited = {
        "bucket": "registration-claims",
        "subject": client_address(request),
        "limit": CLAIM_LIMIT,
    }
    if request.method == "POST" and not form.is_valid() and form.username_unavailable():
        if rate_limit_hit(**limited, window=CLAIM_WINDOW):
            form.errors.pop("username")
            form.add_error(None, ValidationError(THROTTLED, code="throttled"))
    elif request.method == "POST" and form.is_valid():
        claiming = form.cleaned_data["status"] == RegistryStatus.EXISTING
        try:
            if rate_limit_reached(**limited, window=CLAIM_WINDOW) or (
                claiming and rate_limit_hit(**limited, window=CLAIM_WINDOW)
            ):
                raise ValidationError(THROTTLED, code="throttled")
            user = _account_register(form.cleaned_data, language=get_language())
        except ValidationError as error:
            if error.code == "identifier_taken":
                rate_limit_hit(**limited, window=CLAIM_WINDOW)
            form.add_error(None, error)
        else:
            login(request, user, backend=BACKEND)
            if claiming:
                messages.success(request, CLAIM_STARTED)
                return redirect("accounts:claim")
            messages.success(
                request, _("Welcome. Your account is ready and linked to your record.")
            )
            return redirect("accounts:profile")
    return render(request, "accounts/register.html", {"form": form})


@login_required
def claim(request: HttpRequest) -> HttpResponse:
    """Type the code sent to the contact on the registry record, to link the account to it."""
    if selectors.health_worker_of(user=request.user) is not None:
        return redirect("accounts:profile")
    form = ClaimCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = claims.record_claim_confirm(user=request.user, code=form.cleaned_data["code"])
        if outcome == claims.ClaimOutcome.LINKED:
            messages.success(request, _("Your account is now linked to your registry record."))
            return redirect("accounts:profile")
        form.add_error("code", CODE_LOCKED if outcome == claims.ClaimOutcome.LOCKED else CODE_WRONG)
    return render(request, "accounts/claim.html", {"form": form})


@require_GET
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers that ask for /favicon.ico get the site's SVG icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


@require_GET
@cache_control(max_age=3600, public=True)
def facilities(request: HttpRequest) -> JsonResponse:
    """Active facilities of one governorate in the reader's language, for the registration form."""
    governorate = request.GET.get("governorate", "")
    rows = selectors.registration_facilities(
        governorate_id=int(governorate) if governorate.isdigit() else None
    )
    return JsonResponse({"facilities": [{"id": f.pk, "name": f.name} for f in rows]})


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    """The person's own account: their record, their roles, and what they may change."""
    worker = selectors.health_worker_of(user=request.user)
    initial = {
        "email": request.user.email,
        "phone": worker.phone if worker else "",
        "language": selectors.preferred_language(user=request.user) or get_language(),
        **{
            f"notices_by_{channel}": selectors.notice_channel_wanted(
                user=request.user, channel=channel
            )
            for channel in selectors.NOTICE_CHANNELS
        },
    }
    form = ProfileForm(
        request.POST or None, initial=initial, has_record=worker is not None, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.profile_update(
            user=request.user,
            email=data["email"],
            phone=data.get("phone", ""),
            language=data["language"],
            notices_by_email=data["notices_by_email"],
            notices_by_sms=data.get("notices_by_sms"),
        )
        with override(data["language"]):
            messages.success(request, _("Your profile is saved."))
            url = reverse("accounts:profile")
        return remember_language(redirect(url), data["language"])
    context = {
        "form": form,
        "worker": worker,
        "assignments": selectors.role_assignments_of(user=request.user),
        "second_factor_on": second_factor.second_factor_enabled(user=request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
def admin_language(request: HttpRequest) -> HttpResponse:
    """On the way into the admin from a Kurdish page: the admin is English or Arabic, pick one."""
    if not request.user.has_perm("wagtailadmin.access_admin"):
        raise Http404
    if request.method == "POST":
        language = request.POST.get("language", "")
        if language in admin_languages():
            admin_language_save(user=request.user, language=language)
            return redirect("wagtailadmin_home")
    context = {
        "choices": [(code, get_language_info(code)["name_local"]) for code in admin_languages()],
        "saved": admin_language_saved(user=request.user),
    }
    return render(request, "accounts/admin_language.html", context)
