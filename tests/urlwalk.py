"""Walk the URL resolver: every named route under the language prefix, with its parameters."""

from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

# Wagtail's catch-all serves pages; the page tests walk the page tree for it instead.
PAGE_ROUTES = {"wagtail_serve"}


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name"
    route: str  # the pattern as written, e.g. "learning/workshops/<int:pk>/"
    params: dict = field(default_factory=dict)  # parameter name -> converter class name


def _walk(patterns, prefix: str, namespace: str | None, params: dict):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        converters = dict(params)
        if isinstance(pattern.pattern, RoutePattern):
            for name, converter in pattern.pattern.converters.items():
                converters[name] = type(converter).__name__
        else:
            for name in pattern.pattern.regex.groupindex:
                converters[name] = "regex"
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or None
            joined = f"{namespace}:{inner}" if namespace and inner else inner or namespace
            yield from _walk(pattern.url_patterns, route, joined, converters)
        elif isinstance(pattern, URLPattern) and pattern.name:
            if pattern.name in PAGE_ROUTES:
                continue
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield Route(name=name, route=route, params=converters)


def i18n_routes() -> list[Route]:
    """Every named route under `i18n_patterns` (the pages a reader sees in a language)."""
    routes = []
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and isinstance(pattern.pattern, LocalePrefixPattern):
            routes.extend(_walk(pattern.url_patterns, "", None, {}))
    return routes


SAMPLE_BY_CONVERTER = {"IntConverter": 7, "StringConverter": "sample", "SlugConverter": "sample"}


def sample_kwargs(route: Route, samples: dict | None = None) -> dict | None:
    """Parameters for `route`: `samples[name][param]` where given, else a value of its type."""
    chosen = (samples or {}).get(route.name, {})
    kwargs = {}
    for param, converter in route.params.items():
        if param in chosen:
            kwargs[param] = chosen[param]
        elif converter in SAMPLE_BY_CONVERTER:
            kwargs[param] = SAMPLE_BY_CONVERTER[converter]
        else:
            return None
    return kwargs
