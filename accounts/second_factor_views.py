"""Setting up and keeping a second factor: the authenticator app and the recovery codes."""

from urllib.parse import urlencode

import django_otp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import second_factor
from accounts.forms import PasswordConfirmForm, TokenForm
from accounts.signin import WRONG_CODE

# New recovery codes wait in the session for the one page that shows them, then are gone.
CODES = "cme_recovery_codes"


def _verify_first(request: HttpRequest) -> HttpResponse | None:
    """A session not verified by the factor the account already has may not change it."""
    user = request.user
    if not user.is_verified() and second_factor.second_factor_enabled(user=user):
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse('accounts:login_verify')}?{query}")
    return None


@login_required
@never_cache
def second_factor_setup(request: HttpRequest) -> HttpResponse:
    """Scan the QR (or type the secret) into an authenticator app, then confirm with a code."""
    refused = _verify_first(request)
    if refused is not None:
        return refused
    device = second_factor.authenticator_pending(user=request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor.authenticator_confirm(
            user=request.user, token=form.cleaned_data["token"]
        )
        if codes is not None:
            django_otp.login(request, TOTPDevice.objects.get(pk=device.pk))
            request.session.cycle_key()
            request.session[CODES] = codes
            return redirect("accounts:second_factor_codes")
        form.add_error("token", WRONG_CODE)
    context = {
        "form": form,
        "qr": second_factor.authenticator_qr_svg(device=device),
        "secret": second_factor.authenticator_secret(device=device),
        "required": second_factor.second_factor_required(user=request.user),
    }
    return render(request, "accounts/second_factor_setup.html", context)


@login_required
@never_cache
def second_factor_codes(request: HttpRequest) -> HttpResponse:
    """The new recovery codes, shown once."""
    codes = request.session.pop(CODES, None)
    if not codes:
        return redirect("accounts:second_factor")
    return render(request, "accounts/second_factor_codes.html", {"codes": codes})


@login_required
@never_cache
def second_factor_manage(request: HttpRequest) -> HttpResponse:
    """Whether two-step login is on, new recovery codes, and turning it off where allowed."""
    refused = _verify_first(request)
    if refused is not None:
        return refused
    context = {
        "enabled": second_factor.second_factor_enabled(user=request.user),
        "required": second_factor.second_factor_required(user=request.user),
        "form": PasswordConfirmForm(user=request.user),
    }
    return render(request, "accounts/second_factor.html", context)


@login_required
@require_POST
def second_factor_new_codes(request: HttpRequest) -> HttpResponse:
    """Replace the recovery codes (the old ones stop working) and show the new ones once."""
    refused = _verify_first(request)
    if refused is not None:
        return refused
    if not second_factor.second_factor_enabled(user=request.user):
        return redirect("accounts:second_factor")
    request.session[CODES] = second_factor.recovery_codes_replace(user=request.user)
    return redirect("accounts:second_factor_codes")


@login_required
@require_POST
def second_factor_turn_off(request: HttpRequest) -> HttpResponse:
    """Turn two-step login off, with the password, for an account whose role does not need it."""
    refused = _verify_first(request)
    if refused is not None:
        return refused
    form = PasswordConfirmForm(request.POST, user=request.user)
    required = second_factor.second_factor_required(user=request.user)
    if required or not form.is_valid():
        context = {"enabled": True, "required": required, "form": form}
        return render(request, "accounts/second_factor.html", context, status=400)
    second_factor.second_factor_remove(user=request.user)
    messages.success(request, _("Two-step login is off."))
    return redirect("accounts:second_factor")
