"""Logging in: the password, then the second factor where the account has one.

After the right password an account with a second factor is not logged in yet: the session only
remembers who is half-way (`PENDING`, for PENDING_SECONDS) until a code from the authenticator or
a recovery code arrives. Wrong codes count as failed logins for django-axes, like wrong passwords,
and Django's `user_logged_in` (which clears those failures) is sent only once both steps passed.
"""

import time
from urllib.parse import urlencode

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts import second_factor, selectors
from accounts.forms import TokenForm
from accounts.languages import url_in_language
from accounts.views import remember_language

PENDING = "cme_pending_login"
PENDING_SECONDS = 300
WRONG_CODE = gettext_lazy("That code is not right. Check the time on your phone and try again.")


def login_finish(request: HttpRequest, *, user, next_url: str, backend: str | None = None):
    """Log the user in and continue in the language they chose in their profile, or else in the
    language of the login page (the next pages, two-step setup included, stay in it)."""
    auth_login(request, user, backend=backend)
    language = selectors.preferred_language(user=user)
    response = HttpResponseRedirect(url_in_language(request, next_url, language or get_language()))
    if language:
        remember_language(response, language)
    return response


class LoginView(auth_views.LoginView):
    """The password step: log in, or ask for the second factor next."""

    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if not second_factor.second_factor_enabled(user=user):
            return login_finish(self.request, user=user, next_url=self.get_success_url())
        self.request.session.cycle_key()
        self.request.session[PENDING] = {
            "user": user.pk,
            "backend": user.backend,
            "next": self.get_success_url(),
            "at": time.time(),
        }
        return redirect("accounts:login_verify")


def _safe_next(request: HttpRequest) -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    # A path on this site only: anything else (a view name, junk) would make redirect() guess.
    allowed = url.startswith("/") and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if allowed else settings.LOGIN_REDIRECT_URL


def _pending(request: HttpRequest) -> tuple[object | None, dict]:
    """The half-logged-in user of this session and what the password step remembered."""
    data = request.session.get(PENDING) or {}
    if not data or time.time() - data["at"] > PENDING_SECONDS:
        return None, {}
    user = get_user_model().objects.filter(pk=data["user"], is_active=True).first()
    return user, data


def login_verify(request: HttpRequest) -> HttpResponse:
    """The second step: a code from the authenticator app or a recovery code."""
    if request.user.is_authenticated:
        if request.user.is_verified():
            return redirect(_safe_next(request))
        user, data = request.user, {"next": _safe_next(request)}
    else:
        user, data = _pending(request)
        if user is None:
            messages.info(request, _("Please log in again."))
            return redirect("accounts:login")
    if not second_factor.second_factor_enabled(user=user):
        return redirect("accounts:login")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        request.session.pop(PENDING, None)
        return get_lockout_response(request, credentials=credentials)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = second_factor.second_factor_verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            request.session.pop(PENDING, None)
            if request.user.is_authenticated:
                django_otp.login(request, device)
                request.session.cycle_key()
                return redirect(data["next"])
            user.otp_device = device  # django-otp's user_logged_in receiver stores it
            return login_finish(request, user=user, next_url=data["next"], backend=data["backend"])
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        form.add_error("token", WRONG_CODE)
    return render(request, "registration/login_verify.html", {"form": form})


def admin_login(request: HttpRequest) -> HttpResponse:
    """Wagtail's own login (password only) is replaced by the site's, which asks for the token."""
    next_url = request.GET.get("next") or reverse("wagtailadmin_home")
    return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_url})}")
