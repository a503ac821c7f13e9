from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_path

UNPREFIXED = ("/admin/", "/i18n/", "/jobs/", "/documents/", "/static/", "/media/", "/verify/")


class RememberedLanguageMiddleware:
    """Sends a reader who chose Arabic or Kurdish back to that language on unprefixed URLs.

    English pages have no prefix (`/courses/`), so Django would show English to everyone who types
    the bare address; the language switcher's cookie is the reader's standing choice.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if (
            request.method in ("GET", "HEAD")
            and chosen
            and chosen != settings.LANGUAGE_CODE
            and chosen in dict(settings.LANGUAGES)
            and not request.path.startswith(UNPREFIXED)
            and get_language_from_path(request.path_info) is None
        ):
            query = request.META.get("QUERY_STRING", "")
            return HttpResponseRedirect(f"/{chosen}{request.path}" + (f"?{query}" if query else ""))
        return self.get_response(request)
