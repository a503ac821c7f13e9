"""The installable field app: its page, web app manifest and service worker (docs/field-app.md).

The page is a static shell: it holds no personal data (the app reads everything through the API
with the phone's own token), so the service worker may keep it and serve it with no connection.
Each language has its own shell, scope and cache: the strings the app shows are written into the
page, so a cached page speaks its language offline.
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, get_language_bidi
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from field.strings import app_strings

# Files of the app shell, kept by the service worker (besides the page and the manifest).
ASSETS = (
    "css/site.css",
    "courses/tracking.css",
    "field/app.css",
    "field/app.js",
    "field/store.js",
    "field/scan.js",
    "field/vendor/idb/index.js",
    "field/vendor/jsqr/jsQR.js",
    "field/icons/icon-192.png",
    "field/icons/icon-512.png",
    "img/favicon.svg",
)


def _asset_digest() -> str:
    digest = hashlib.sha256()
    for name in ASSETS:
        path = finders.find(name)
        digest.update(name.encode())
        if path:
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


_asset_digest_cached = lru_cache(maxsize=1)(_asset_digest)


def shell_version(language: str) -> str:
    """Changes whenever an asset or a string of the shell changes, so phones fetch the new one."""
    assets = _asset_digest() if settings.DEBUG else _asset_digest_cached()
    strings = json.dumps(app_strings(), sort_keys=True, ensure_ascii=False)
    mixed = f"{assets}:{language}:{strings}".encode()
    return hashlib.sha256(mixed).hexdigest()[:16]


def _urls() -> dict:
    return {
        "shell": reverse("field:app"),
        "manifest": reverse("field:manifest"),
        "worker": reverse("field:service_worker"),
        "api": reverse("api-v1:openapi-json").removesuffix("openapi.json"),
    }


@require_GET
def app(request):
    """The app shell: one page that works with no connection once it has been opened."""
    return render(
        request,
        "field/app.html",
        {"strings": app_strings(), "urls": _urls(), "version": shell_version(get_language())},
    )


@require_GET
@cache_control(max_age=3600)
def manifest(request):
    """The web app manifest: installable from the browser's menu, in the page's language."""
    urls = _urls()
    strings = app_strings()
    return JsonResponse(
        {
            "name": strings["app_name"],
            "short_name": strings["short_name"],
            "description": strings["description"],
            "lang": get_language(),
            "dir": "rtl" if get_language_bidi() else "ltr",
            "start_url": urls["shell"],
            "scope": urls["shell"],
            "display": "standalone",
            "background_color": "#f3f6f7",
            "theme_color": "#0b6e4f",
            "icons": [
                {"src": static(f"field/icons/icon-{n}.png"), "sizes": f"{n}x{n}"}
                for n in (192, 512)
            ],
        },
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    """The service worker: keeps the shell and answers it from the cache, never the API."""
    urls = _urls()
    language = get_language()
    keep = [urls["shell"], urls["manifest"], *(static(name) for name in ASSETS)]
    script = render_to_string(
        "field/service-worker.js",
        {
            "cache_prefix": json.dumps(f"cme-field-{language}-"),
            "version": json.dumps(shell_version(language)),
            "shell": json.dumps(urls["shell"]),
            "keep": json.dumps(keep),
        },
    )
    response = HttpResponse(script, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = urls["shell"]
    return response
