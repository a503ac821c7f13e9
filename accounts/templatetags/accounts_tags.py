from datetime import timedelta
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import get_language, get_language_info

from wagtail import hooks

from accounts import selectors
from accounts.admin_language import admin_languages

register = template.Library()


@register.simple_tag
def language_options():
    """The language menu's choices, each named in its own language, the reader's selected.

    The same on every page of a language, so worked out once per process: the menu is on every
    page, the public verification page (the site's busiest) included.
    """
    return _language_options(get_language())


@lru_cache(maxsize=8)
def _language_options(current: str):
    return format_html_join(
        "",
        '<option value="{0}" lang="{0}"{1}>{2}</option>',
        (
            (code, " selected" if code == current else "", get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ),
    )


@register.simple_tag(takes_context=True)
def site_links(context) -> dict:
    """What the header may offer this reader: their roles, whether they are in the registry."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"roles": set(), "is_worker": False, "admin": False, "more": []}
    cached = getattr(request, "_cme_site_links", None)
    if cached is None:
        cached = {
            "roles": selectors.roles_of(user=user),
            "is_worker": selectors.health_worker_of(user=user) is not None,
            "admin": user.has_perm("wagtailadmin.access_admin"),
            # Higher apps add their own links (field: My phones), each a {"url", "label"} or None.
            "more": [
                link for hook in hooks.get_hooks("accounts_site_links") if (link := hook(request))
            ],
        }
        request._cme_site_links = cached
    return cached


@register.simple_tag
def admin_entry_url() -> str:
    """The admin's address; from a page in a language the admin lacks, the page that says so."""
    if get_language() in admin_languages():
        return reverse("wagtailadmin_home")
    return reverse("accounts:admin_language")


@register.filter
def minutes(value) -> int:
    """Whole minutes of a time span, rounded up (for 'try again in N minutes')."""
    if not isinstance(value, timedelta):
        return 0
    return max(1, -(-int(value.total_seconds()) // 60))
