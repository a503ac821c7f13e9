"""Walking the site as a user would: every URL pattern of the resolver, and the links pages give.

Shared by the tests whose rule applies everywhere (formula-safe exports, no 500 from bad input),
so a new page, export or parameter is covered without editing them.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404

CONVERTER = re.compile(r"<(?:(?P<kind>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class Route:
    """One URL pattern: its route as text (`learning/workshops/<int:pk>/`) and its view."""

    route: str
    pattern: URLPattern

    @property
    def view_class(self):
        return getattr(self.pattern.callback, "view_class", None)

    def converters(self) -> list[str]:
        return [match.group("kind") or "str" for match in CONVERTER.finditer(self.route)]

    def fill(self, *values: str) -> str | None:
        """The path with the converters filled by `values` in turn (the last one repeated)."""
        values = list(values) or ["1"]
        count = iter(range(1000))

        def value(_match):
            return values[min(next(count), len(values) - 1)]

        path = CONVERTER.sub(value, self.route)
        if "^" in path or "(" in path or "\\" in path:
            return None  # a regular expression route: reached through links instead
        return "/" + path


def routes(resolver=None, prefix: str = "") -> Iterator[Route]:
    """Every URL pattern of the site, with its full route."""
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            yield from routes(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield Route(prefix + str(entry.pattern), entry)


def route_of(path: str) -> str | None:
    """The name (or route) of the pattern a path resolves to, None outside the site."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name or match.route


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "action", "data-url") and value:
                self.links.append(value)


def links(html: str) -> list[str]:
    """The site's own URLs a page links to (paths with their query), without fragments."""
    parser = _Links()
    parser.feed(html)
    found = []
    for link in parser.links:
        parts = urlsplit(link)
        if parts.scheme not in ("", "http") or (parts.netloc not in ("", "testserver")):
            continue
        if not parts.path.startswith("/") or parts.path.startswith(("/static/", "/media/")):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def shape(url: str) -> tuple | None:
    """What makes two URLs the same page for a walk: the pattern and the query's keys."""
    parts = urlsplit(url)
    name = route_of(parts.path)
    if name is None:
        return None
    return name, tuple(sorted({key for key, _value in parse_qsl(parts.query)}))


@dataclass
class Crawl:
    """URLs reached from the start pages by following links, one per shape, within a budget."""

    visited: dict = field(default_factory=dict)  # shape -> (url, response)
    keys_read: dict = field(default_factory=dict)  # shape -> GET keys the view read

    def run(self, client, starts, *, budget: int, follow=lambda url: True) -> "Crawl":
        queue = [(url, True) for url in starts]
        while queue and len(self.visited) < budget:
            url, is_start = queue.pop(0)
            key = shape(url)
            if key is None or key in self.visited or not (is_start or follow(url)):
                continue
            with KeysRead() as read:
                response = client.get(url)
            self.visited[key] = (url, response)
            self.keys_read[key] = read.keys
            if "text/html" in response.get("Content-Type", ""):
                html = response.content.decode("utf-8", "replace")
                queue.extend((link, False) for link in links(html))
        return self


class KeysRead:
    """Records the keys views read from GET and POST while it is active (a context manager)."""

    METHODS = ("get", "getlist", "__getitem__", "__contains__", "pop")

    def __init__(self):
        self.keys: set[str] = set()
        self._saved: dict = {}

    def __enter__(self):
        keys = self.keys

        def recording(original):
            def method(querydict, key, *args, **kwargs):
                if isinstance(key, str):
                    keys.add(key)
                return original(querydict, key, *args, **kwargs)

            return method

        for name in self.METHODS:
            original = getattr(QueryDict, name)
            self._saved[name] = original
            setattr(QueryDict, name, recording(original))
        return self

    def __exit__(self, *exc):
        for name, original in self._saved.items():
            setattr(QueryDict, name, original)
        return False
