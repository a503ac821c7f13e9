from django import template
from django.core.cache import caches
from django.utils.translation import get_language

from wagtail.templatetags.wagtailcore_tags import slugurl

from core.isolation import in_language, language_attributes
from courses.catalogue import course_for_reader
from courses.catalogue import reader_url as _reader_url

register = template.Library()

# How long the nav remembers the catalogue's address (a moved or renamed catalogue shows late).
CATALOGUE_URL_SECONDS = 60


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """The catalogue's address (`{% slugurl "courses" %}`), remembered per host and language.

    The nav of every page shows it; finding the site and the page costs three queries a page,
    which the public verification page, the site's busiest, would otherwise pay on every view.
    Each process remembers it (the `local` cache): no round trip to the shared cache either.
    """
    request = context.get("request")
    if request is None:
        return slugurl(context, "courses") or ""
    key = f"cme:nav:catalogue:{request.get_host()}:{get_language()}"
    local = caches["local"]
    url = local.get(key)
    if url is None:
        url = slugurl(context, "courses") or ""
        local.set(key, url, CATALOGUE_URL_SECONDS)
    return url


@register.simple_tag(takes_context=True)
def reader_url(context, page) -> str:
    """The page's address under the reader's language prefix (see courses.catalogue)."""
    return _reader_url(page, context.get("request"))


@register.filter
def is_restricted(document) -> bool:
    """Whether the document's collection is private (served to signed-in users only)."""
    return bool(document and document.collection.get_view_restrictions().exists())


@register.filter
def language_name(code: str) -> str:
    from django.utils.translation import get_language_info

    return get_language_info(code)["name_local"]


@register.filter
def text_language(page) -> str:
    """`lang` and `dir` for a page's own text when it is shown in another language's layout.

    An untranslated page is read in English inside an Arabic or Kurdish page: marking its title
    and text as English, left to right, keeps its punctuation at the right end and lets screen
    readers switch voice.
    """
    return language_attributes(page.locale.language_code)


@register.filter
def reader_title(course) -> str:
    """The course's title in the reader's language when a live translation exists."""
    return course_for_reader(course=course).title


@register.filter
def course_title(course) -> str:
    """The course's title as the reader sees it: in their language when a live translation
    exists, else the fallback's, isolated and marked with its language (`<bdi lang dir>`)."""
    shown = course_for_reader(course=course)
    return in_language(shown.title, shown.locale.language_code)
