"""Rules every site template keeps, checked over the templates the project's apps ship.

The templates are discovered, not listed: each project app's `templates/` folder and the root one,
so a new template is checked without editing this file.
"""

import re
from pathlib import Path

from django.apps import apps
from django.conf import settings

# Values that are a person's name in one script, or a code: they must not be reordered by the
# Arabic or Kurdish text around them. Place and cadre names are translated fields, shown in the
# reader's language, so they are not listed.
NAME_OR_CODE = {
    "name_latin",
    "name_ar",
    "full_name",
    "username",
    "get_username",
    "code",
    "course_code",
    "licence_number",
    "national_id",
    "serial",
    "verification_code",
}
VARIABLE = re.compile(r"\{\{\s*(.*?)\s*\}\}")
BLOCKTRANSLATE = re.compile(
    r"\{%\s*blocktrans(?:late)?\b(.*?)%\}(.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S
)
# Elements that hold text only, where `<bdi>` cannot go; the browser draws them on their own.
TEXT_ONLY = ("option", "title", "textarea")


def site_templates() -> list[Path]:
    """Every HTML template of the project's own apps and of the root `templates/` folder."""
    base = Path(settings.BASE_DIR).resolve()
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and "site-packages" not in path.parts:  # any venv inside
            folders.append(path / "templates")
    return sorted({file for folder in folders for file in folder.rglob("*.html")})


def _printed_values(source: str):
    """(position, expression) of each value a template prints as text, not inside a tag."""
    for block in BLOCKTRANSLATE.finditer(source):  # aliases are printed where they are defined
        for expression in re.findall(r"\w+=(\S+)", block.group(1)):
            yield block.start(), expression
    source = BLOCKTRANSLATE.sub(lambda block: " " * len(block.group()), source)
    for match in VARIABLE.finditer(source):
        before = source[: match.start()]
        if before.rfind("<") > before.rfind(">"):
            continue  # an attribute's value, not text on the page
        opened = re.findall(r"<(/?)(\w+)", before)
        if opened and opened[-1][1] in TEXT_ONLY and not opened[-1][0]:
            continue
        yield match.start(), match.group(1), before, source[match.end() :]


def _is_isolated(expression: str, before: str = "", after: str = "") -> bool:
    variable, *filters = [part.split(":")[0].strip() for part in expression.split("|")]
    if variable.split(".")[-1] not in NAME_OR_CODE:
        return True
    if "isolated" in filters:
        return True
    return bool(
        re.search(r"<(bdi|code)\b[^>]*>\s*$", before) and re.match(r"\s*</(bdi|code)>", after)
    )


def test_the_site_has_templates_to_check():
    names = {path.name for path in site_templates()}
    assert {"base.html", "roster.html", "verify.html", "gaps.html"} <= names


def test_every_name_and_code_a_site_template_prints_is_isolated():
    """A name, code, licence number or serial printed as text goes through `|isolated` or sits
    alone in a `<bdi>` (or `<code>`), so "OXY-101 · 12 ساعة" keeps its order in Arabic and Kurdish.

    Not checked: attribute values (no layout), `<option>`/`<title>`/`<textarea>` text (they hold
    no markup), and mail bodies (`*email*` templates are plain text).
    """
    bare = []
    for path in site_templates():
        if "email" in path.name:
            continue
        source = path.read_text(encoding="utf-8")
        for position, expression, *around in _printed_values(source):
            if not _is_isolated(expression, *around):
                line = source.count("\n", 0, position) + 1
                bare.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {{{{ {expression} }}}}")
    assert not bare, "printed without |isolated or <bdi>:\n" + "\n".join(bare)


def test_every_scrollable_table_can_be_reached_by_keyboard_and_is_named():
    """Each `.table-scroll` wrapper is a focusable, named region (axe: scrollable-region-focusable),
    so a keyboard user can scroll a wide table and a screen reader says which table it is."""
    unnamed = []
    for path in site_templates():
        source = path.read_text(encoding="utf-8")
        for tag in re.finditer(r"<\w+[^>]*\bclass=\"[^\"]*\btable-scroll\b[^>]*>", source):
            attributes = tag.group()
            if not all(
                re.search(pattern, attributes)
                for pattern in (
                    r'\btabindex="0"',
                    r'\brole="region"',
                    r'\baria-label(ledby)?="[^"]+"',
                )
            ):
                line = source.count("\n", 0, tag.start()) + 1
                unnamed.append(f"{path.relative_to(settings.BASE_DIR)}:{line}: {attributes}")
    assert not unnamed, "scrollable tables without tabindex, role and label:\n" + "\n".join(unnamed)
