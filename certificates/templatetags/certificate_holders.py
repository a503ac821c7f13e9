from django import template
from django.utils.translation import get_language

from certificates.holder import holder_names_html

register = template.Library()


@register.simple_tag
def holder_name(latin: str, arabic: str) -> str:
    """The names a certificate carries, each in its own `<bdi dir lang>`, the reader's first."""
    language = (get_language() or "en").split("-")[0]
    return holder_names_html(latin=latin or "", arabic=arabic or "", language=language)
