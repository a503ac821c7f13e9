"""Numbers stored as typed before every form read digits are rewritten in ASCII by a migration."""

from importlib import import_module

import pytest

from django.apps import apps

from tests.factories.workforce import HealthWorkerFactory

pytestmark = pytest.mark.django_db

migration = import_module("workforce.migrations.0010_stored_numbers_in_ascii_digits")


def test_a_phone_and_licence_stored_in_arabic_indic_digits_become_ascii():
    worker = HealthWorkerFactory(
        phone="٠٧٧٠ ١٢٣ ٤٥٦٧", licence_number="\u200fLIC-۹۹۸", national_id=""
    )
    migration.stored_numbers_to_ascii(apps, None)
    worker.refresh_from_db()
    assert (worker.phone, worker.licence_number) == ("07701234567", "LIC-998")


def test_a_licence_whose_ascii_form_another_record_holds_is_left_for_people_to_merge():
    HealthWorkerFactory(licence_number="LIC-998")
    twin = HealthWorkerFactory(licence_number="LIC-٩٩٨")
    migration.stored_numbers_to_ascii(apps, None)
    twin.refresh_from_db()
    assert twin.licence_number == "LIC-٩٩٨"
