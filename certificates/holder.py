"""How a certificate names its holder on pages and in JSON: the name it carries, in either script.

A certificate snapshots the holder's name in Arabic script, in Latin script, or both. A reader of
English sees the Latin name first, a reader of Arabic or Kurdish the Arabic-script one; when the
certificate has only one, everyone sees that one (an Arabic-only holder is not nameless in English).
Each name is marked with its own language and direction, so it is read and laid out right inside a
page of the other direction.
"""

from dataclasses import dataclass

from django.utils.html import format_html_join

from core.isolation import bdi
from core.script_language import arabic_script_language, text_direction

LATIN_NAME_LANGUAGE = "en"


@dataclass(frozen=True)
class ShownName:
    text: str
    language: str
    direction: str


def holder_names(*, latin: str, arabic: str, language: str) -> list[ShownName]:
    """The holder's names as the certificate carries them, the reader's script first."""
    names = []
    if arabic:
        script = arabic_script_language(arabic)
        names.append(ShownName(arabic, script, text_direction(script)))
    if latin and latin != arabic:
        names.append(ShownName(latin, LATIN_NAME_LANGUAGE, "ltr"))
    if language not in ("ar", "ckb"):
        names.reverse()
    return names


def holder_names_html(*, latin: str, arabic: str, language: str) -> str:
    """The holder's names as isolated spans (`<bdi dir lang>`), the reader's script first."""
    return format_html_join(
        " · ",
        "{}",
        (
            (bdi(name.text, direction=name.direction, language=name.language),)
            for name in holder_names(latin=latin, arabic=arabic, language=language)
        ),
    )
