"""Which language's text a reader gets when a page has no version in their own language.

`settings.CONTENT_FALLBACK_LANGUAGES` maps a reading language to the languages to try, in order;
the site's default language (English, in which every page is first written) always ends the list.
"""

from django.conf import settings

from wagtail.models import Locale


def content_fallbacks(language: str) -> list[str]:
    """The languages that stand in for `language`, in the order they are tried."""
    chain = [
        code
        for code in getattr(settings, "CONTENT_FALLBACK_LANGUAGES", {}).get(language, [])
        if code != language
    ]
    if language != settings.LANGUAGE_CODE and settings.LANGUAGE_CODE not in chain:
        chain.append(settings.LANGUAGE_CODE)
    return chain


def fallback_locales(language: str) -> list[Locale]:
    """The Wagtail locales of `content_fallbacks`, those that exist, in order."""
    codes = content_fallbacks(language)
    existing = Locale.objects.filter(language_code__in=codes)
    locales = {locale.language_code: locale for locale in existing}
    return [locales[code] for code in codes if code in locales]
