"""Sign-in rules applied to every request: the second factor and how long a session lives."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import second_factor, selectors

# The only pages a signed-in person reaches before their second factor: signing in and out,
# setting one up, and the language switch.
BEFORE_SECOND_FACTOR = {
    "accounts:login",
    "accounts:logout",
    "accounts:login_verify",
    "accounts:second_factor_setup",
    "set_language",
    "javascript-catalog",
}
LOGIN_AT = "cme_login_at"
SEEN_AT = "cme_seen_at"
# The last-seen stamp is written at most this often: not every page view saves the session.
SEEN_PRECISION = 60


class SecondFactorMiddleware:
    """Until the session is verified by a second factor, a person who has one, or whose role needs
    one, reaches only BEFORE_SECOND_FACTOR: the rest sends them to the token or to setting one up.

    Runs in `process_view`, so it knows which URL pattern matched, for every page of every app,
    Wagtail's admin and document serving included.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match.view_name in BEFORE_SECOND_FACTOR:
            return None
        if second_factor.second_factor_enabled(user=user):
            target = "accounts:login_verify"
        elif second_factor.second_factor_required(user=user):
            target = "accounts:second_factor_setup"
        else:
            return None
        return HttpResponseRedirect(
            f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}"
        )


class SessionLifetimeMiddleware:
    """Ends a staff session after STAFF_IDLE_TIMEOUT seconds without a request, and every session
    SESSION_ABSOLUTE_LIFETIME seconds after its login, whatever the activity.

    The request then goes on as anonymous: pages that need a login send the person to it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request) -> None:
        now = time.time()
        session = request.session
        started = session.setdefault(LOGIN_AT, now)
        seen = session.get(SEEN_AT, now)
        if now - started > settings.SESSION_ABSOLUTE_LIFETIME:
            message = _("Your session has ended. Please log in again.")
        elif now - seen > settings.STAFF_IDLE_TIMEOUT and selectors.is_staff_member(
            user=request.user
        ):
            message = _("You were logged out after a time without activity. Please log in again.")
        else:
            if now - session.get(SEEN_AT, 0) >= SEEN_PRECISION:
                session[SEEN_AT] = now
            return
        logout(request)
        messages.info(request, message)


def session_stamp(sender, request, user, **kwargs) -> None:
    """At every login the session's lifetime starts again (connected in AccountsConfig.ready)."""
    now = time.time()
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now
