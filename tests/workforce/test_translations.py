from pathlib import Path

import polib
import pytest

from django.utils import translation

from workforce.models import HealthWorker

LOCALE = Path(__file__).resolve().parents[2] / "workforce" / "locale"


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_workforce_catalogue_has_every_string_translated(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    untranslated = [e.msgid for e in catalogue if not e.obsolete and not e.translated()]
    assert untranslated == []


@pytest.mark.parametrize(
    ("language", "expected"), [("ar", "العاملون الصحيون"), ("ckb", "کارمەندانی تەندروستی")]
)
def test_registry_names_read_in_arabic_and_kurdish(language, expected):
    with translation.override(language):
        assert str(HealthWorker._meta.verbose_name_plural) == expected
