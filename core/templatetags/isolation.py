"""`isolated` and `isolate_latin`: mixed scripts kept in reading order (see `core.isolation`)."""

from django import template
from django.utils.translation import get_language, get_language_info

from core import isolation

register = template.Library()


@register.filter
def isolated(value):
    """`{{ worker.name_latin|isolated }}`: a name, code or licence number in its own `<bdi>`."""
    return isolation.isolated(value)


@register.filter
def in_language(text, language):
    """`{{ course.name|in_language:course.language }}`: untranslated content marked as such."""
    return isolation.in_language(text, language)


@register.filter
def language_attributes(language):
    """`<option{{ course.language|language_attributes }}>`: where `<bdi>` cannot go."""
    return isolation.language_attributes(language)


@register.filter
def isolate_latin(html, language=None):
    """`{{ page.body|isolate_latin:page }}`: Latin runs of an rtl text in `<bdi>`, else unchanged.

    `language` is a page (its locale's language) or a language code; without one, the reader's.
    An untranslated English page shown in an Arabic layout is marked `lang="en"` as a whole and
    needs no isolation inside.
    """
    locale = getattr(language, "locale", None)
    code = locale.language_code if locale else (language or get_language() or "en")
    if not get_language_info(code.split("-")[0])["bidi"]:
        return html
    return isolation.isolate_latin_runs(html)
