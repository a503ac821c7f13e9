# ruff: noqa: E501  (reasons are one readable line each)
"""Problems the page walker finds that are owned elsewhere: each is a strict xfail until fixed.

Keys are (role, language, page, check); page is a route name, "page:course"/"page:module" or
"nav:<href>". The reason names the item of issue 10's "Seen on the way" list that fixes it.
"""

KNOWN: dict[tuple[str, str, str, str], str] = {}


def known_anywhere(page: str, check: str, language: str = "") -> str | None:
    """The reason `check` is known to fail on `page` for some role and language, if it is."""
    if reason := JOURNEY_KNOWN.get((language, page, check)):
        return reason
    for (_role, _language, name, known_check), reason in KNOWN.items():
        if (name, known_check) == (page, check):
            return reason
    return None


# Seen only by a journey (the walker reads Arabic and Kurdish): (language, page, check) -> reason.
JOURNEY_KNOWN: dict[tuple[str, str, str], str] = {}
