"""An offline pack built by the worker is in the language it was asked for."""

import io
import zipfile

import pytest

from django.core.files.storage import storages
from django.utils import translation

from courses.tasks import course_pack_build_task
from tests.factories.course_pages import module_page, translation_of
from tests.factories.courses import course_page

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.filterwarnings("ignore:Results are not stored in backend"),
]

TITLE = {"ar": "الأوكسجين الطبي", "ckb": "ئۆکسجینی پزیشکی"}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_a_pack_built_in_the_worker_has_the_course_in_arabic_or_kurdish(language, worker_path):
    course = course_page(title="Oxygen", slug="oxygen", code="OXY-101")
    module_page(course, title="Sources", slug="sources", body=[])
    translation_of(course, language=language, title=TITLE[language])
    with translation.override(language):
        course_pack_build_task.delay(course.pk, language)
    [built] = worker_path.run()
    with storages["private"].open(built["name"]) as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    index = next(name for name in archive.namelist() if name.endswith("/index.html"))
    html = archive.read(index).decode()
    assert 'dir="rtl"' in html and TITLE[language] in html
