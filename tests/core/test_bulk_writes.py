"""Writes of many rows or whole files in one step: each row its own value, each file whole."""

import os

import pytest

from django.core.exceptions import SuspiciousFileOperation

from core.bulk import column_update
from core.storage import PrivateStorage
from workforce.models import Cadre


@pytest.mark.django_db
def test_one_statement_gives_each_row_its_own_value_and_leaves_the_others(
    django_assert_num_queries,
):
    cadres = [
        Cadre.objects.create(code=f"BULK-{n}", name_en=f"Cadre {n}", name_ar=f"كادر {n}")
        for n in range(4)
    ]
    wanted = {cadres[0].pk: "Nurse's aide", cadres[2].pk: "قابلة", cadres[3].pk: "Pharmacist"}

    with django_assert_num_queries(1):
        assert column_update(Cadre, "name_en", wanted) == 3

    names = dict(Cadre.objects.filter(code__startswith="BULK-").values_list("pk", "name_en"))
    assert names == {**{c.pk: c.name_en for c in cadres}, **wanted}
    assert column_update(Cadre, "name_en", {}) == 0


def test_a_file_replaced_is_whole_under_its_own_name_with_nothing_left_beside_it(tmp_path):
    storage = PrivateStorage(location=str(tmp_path))
    assert (
        storage.replace("certificates/2026/CME-1.pdf", b"%PDF-old") == "certificates/2026/CME-1.pdf"
    )
    storage.replace("certificates/2026/CME-1.pdf", b"%PDF-new")

    with storage.open("certificates/2026/CME-1.pdf", "rb") as handle:
        assert handle.read() == b"%PDF-new"
    assert os.listdir(tmp_path / "certificates" / "2026") == ["CME-1.pdf"]


def test_a_write_that_fails_leaves_the_old_file_and_no_half_written_one(tmp_path):
    storage = PrivateStorage(location=str(tmp_path))
    storage.replace("certificates/CME-2.pdf", b"%PDF-kept")

    with pytest.raises(TypeError):
        storage.replace("certificates/CME-2.pdf", "not bytes")  # the write itself fails

    with storage.open("certificates/CME-2.pdf", "rb") as handle:
        assert handle.read() == b"%PDF-kept"
    assert os.listdir(tmp_path / "certificates") == ["CME-2.pdf"]


def test_a_name_that_leads_out_of_the_folder_is_refused(tmp_path):
    storage = PrivateStorage(location=str(tmp_path / "private"))
    with pytest.raises(SuspiciousFileOperation):
        storage.replace("../outside.pdf", b"%PDF-")
    assert not (tmp_path / "outside.pdf").exists()
