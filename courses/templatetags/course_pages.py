from django import template

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
