"""The same page in another language: the language switcher and the language after login."""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language, get_language_from_path, override
from django.views.i18n import set_language as django_set_language

from wagtail.models import Locale, Page, Site

WAGTAIL_SERVE = "wagtail_serve"


def _unprefixed(path: str, language: str) -> str:
    prefix = f"/{language}/"
    return "/" + path[len(prefix) :] if path.startswith(prefix) else path


def _page_at(request: HttpRequest, path: str) -> Page | None:
    """The Wagtail page a path shows in the active language (fallbacks to English included)."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    components = [part for part in path.split("/") if part]
    try:
        return site.root_page.localized.specific.route(request, components).page
    except Http404:
        return None


def _site_path(page: Page) -> str:
    """The page's path below its locale's home page (`courses/oxygen/`)."""
    return page.url_path.split("/", 2)[2]


def _page_url(page: Page, language: str) -> str:
    """The page's translation in `language`; untranslated, the nearest translated ancestor's path
    followed by the English slugs, which is where the fallback routing serves the English page."""
    locale = Locale.objects.filter(language_code=language).first()
    node = page.get_translation_or_none(Locale.get_default()) or page
    base, rest = "", []
    while node.depth > 2:
        translated = node.get_translation_or_none(locale) if locale else None
        if translated is not None and translated.live:
            base = _site_path(translated)
            break
        rest.insert(0, f"{node.slug}/")
        node = node.get_parent()
    with override(language):
        return reverse(WAGTAIL_SERVE, args=[base + "".join(rest)])


def url_in_language(request: HttpRequest, url: str, language: str) -> str:
    """`url` (a local path with its query) as the same page in `language`.

    Django's `translate_url` resolves the path in the request's active language, so `/ar/…` read
    while English is active falls through to Wagtail's catch-all and becomes `/ckb/ar/…`. Here the
    path is resolved in the language of its own prefix, and a Wagtail page goes to its translation.
    """
    parts = urlsplit(url)
    source = get_language_from_path(parts.path) or settings.LANGUAGE_CODE
    with override(source):
        try:
            match = resolve(parts.path)
        except Resolver404:
            match = None
        page = None
        if match is not None and match.url_name == WAGTAIL_SERVE:
            page = _page_at(request, match.args[0] if match.args else "")
    if page is not None:
        path = _page_url(page, language)
    elif match is not None:
        name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
        with override(language):
            try:
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return url
    else:
        # An address nothing answers (a 404 page): keep the rest of it under the new prefix.
        rest = _unprefixed(parts.path, source)
        path = rest if language == settings.LANGUAGE_CODE else f"/{language}{rest}"
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's `set_language` (the cookie), then on to the same page in the chosen language."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    next_url = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    local = next_url.startswith("/") and not next_url.startswith("//")
    if request.method == "POST" and safe and local and check_for_language(language):
        response["Location"] = url_in_language(request, next_url, language)
    return response
