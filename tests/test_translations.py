"""Every catalogue is complete in Arabic and Kurdish Sorani, and is the one pages use."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from django.conf import settings

from core.isolates import bare_latin

ROOT = Path(settings.BASE_DIR)
LANGUAGES = ("ar", "ckb")
CATALOGUES = sorted(
    path
    for pattern in ("locale/*/LC_MESSAGES/*.po", "*/locale/*/LC_MESSAGES/*.po")
    for path in ROOT.glob(pattern)
    if not path.is_relative_to(ROOT / ".venv") and not path.is_relative_to(ROOT / "var")
)


def _ids(paths):
    return [str(path.relative_to(ROOT)) for path in paths]


def test_every_app_with_strings_has_an_arabic_and_a_kurdish_catalogue():
    languages = {path.parts[-3] for path in CATALOGUES if path.is_relative_to(ROOT / "locale")}
    assert set(LANGUAGES) <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=_ids(CATALOGUES))
def test_catalogue_has_no_empty_or_fuzzy_translation(path):
    if path.parts[-3] not in LANGUAGES:
        pytest.skip("not a right-to-left catalogue we translate")
    catalogue = polib.pofile(str(path))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    empty_plurals = [
        entry.msgid
        for entry in catalogue
        if entry.msgid_plural and not all(entry.msgstr_plural.values())
    ]
    assert (untranslated, fuzzy, empty_plurals) == ([], [], [])


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="gettext is not installed")
@pytest.mark.parametrize("path", CATALOGUES, ids=_ids(CATALOGUES))
def test_catalogue_placeholders_match_the_english(path):
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "نسيت كلمة المرور؟"), ("ckb", "تێپەڕەوشەکەت لەبیر کردووە؟")]
)
def test_compiled_catalogue_is_what_the_pages_show(client, language, expected):
    html = client.get(f"/{language}/accounts/login/").content.decode()
    assert expected in html
    assert "Forgot your password?" not in html


# `.venv*`: the virtualenvs, one per Python (`.venv-3.13` of .ci/run's 3.13 leg).
ROOT_SOURCES_IGNORED = [
    "workforce",
    "courses",
    "certificates",
    "coverage",
    "tests",
    ".venv*",
    "var",
]


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed")
def test_root_catalogue_holds_every_string_of_cme_and_templates(tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".venv*", "var", ".git", "__pycache__", "*.mo")
    )
    ignores = [f"--ignore={name}" for name in ROOT_SOURCES_IGNORED]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ar", "--no-location", *ignores],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cme.settings.test"},
        check=True,
        capture_output=True,
    )
    extracted = {e.msgid for e in polib.pofile(str(copy / "locale/ar/LC_MESSAGES/django.po"))}
    committed = {e.msgid for e in polib.pofile(str(ROOT / "locale/ar/LC_MESSAGES/django.po"))}
    assert sorted(extracted - committed) == []


@pytest.mark.parametrize("path", CATALOGUES, ids=_ids(CATALOGUES))
def test_latin_inside_arabic_or_kurdish_translations_is_isolated(path):
    # A bare "PDF" or "UTF-8" in a right-to-left sentence drags its neighbours' punctuation out
    # of order; scripts/isolate-latin-in-translations wraps it in U+2068 ... U+2069.
    if path.parts[-3] not in LANGUAGES:
        pytest.skip("not a right-to-left catalogue we translate")
    bare = {
        entry.msgid: words
        for entry in polib.pofile(str(path))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]
        if entry.msgid and (words := bare_latin(text))
    }
    assert bare == {}
