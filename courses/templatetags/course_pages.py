from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from courses.catalogue import course_for_reader
from courses.catalogue import reader_url as _reader_url

register = template.Library()


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
    language = page.locale.language_code
    if language == (get_language() or "").split("-")[0]:
        return ""
    direction = "rtl" if get_language_info(language)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', language, direction)


@register.filter
def reader_title(course) -> str:
    """The course's title in the reader's language when a live translation exists."""
    return course_for_reader(course=course).title
