"""The language of unprefixed URLs: the reader's remembered choice, the staff's admin language."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.translation import get_language_from_path, get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header

from accounts.admin_language import SITE_LANGUAGE_SESSION_KEY, admin_language_for

UNPREFIXED = (
    "/admin/",
    "/api/",
    "/interop/",  # files for partner systems, which send Accept-Language but follow no redirect
    "/i18n/",
    "/jobs/",
    "/documents/",
    "/static/",
    "/media/",
    "/verify/",
    "/favicon.ico",
    "/healthz",  # monitors send no cookie, but a proxy may pass a browser's Accept-Language on
)


def _browser_language(request) -> str | None:
    """The first of the browser's languages that the site speaks, if any."""
    for code, _quality in parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return None


class RememberedLanguageMiddleware:
    """Sends a reader who chose Arabic or Kurdish back to that language on unprefixed URLs.

    English pages have no prefix (`/courses/`), so Django would show English to everyone who types
    the bare address; the language switcher's cookie is the reader's standing choice. A first-time
    visitor with no cookie follows their browser's languages.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(UNPREFIXED)
            and get_language_from_path(request.path_info) is None
        ):
            cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            chosen = cookie if cookie in dict(settings.LANGUAGES) else _browser_language(request)
            if chosen and chosen != settings.LANGUAGE_CODE:
                query = request.META.get("QUERY_STRING", "")
                target = f"/{chosen}{request.path}" + (f"?{query}" if query else "")
                response = HttpResponseRedirect(target)
                response["Vary"] = "Cookie, Accept-Language"
                return response
        return self.get_response(request)


class StaffLanguageMiddleware:
    """Opens the Wagtail admin in the staff member's language, which its unprefixed URL cannot say.

    On the site, remembers in the session the language of each page a signed-in person reads; under
    `/admin/`, activates `admin_language_for` (their saved choice, else that remembered language).
    Wagtail's own per-user preference, when set, still takes over inside the admin views.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            language = admin_language_for(
                user=getattr(request, "user", None),
                session=request.session,
                cookie=request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
            )
            translation.activate(language)
            request.LANGUAGE_CODE = language
        elif (
            request.user.is_authenticated
            and not request.path.startswith(UNPREFIXED)
            and request.session.get(SITE_LANGUAGE_SESSION_KEY) != request.LANGUAGE_CODE
        ):
            request.session[SITE_LANGUAGE_SESSION_KEY] = request.LANGUAGE_CODE
        return self.get_response(request)
