"""Each journey starts from the demo as built, whatever the journey before it changed.

The two tests run in file order: the first changes the demo's records and media as a journey
would, the second finds none of it.
"""

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from courses.models import Workshop
from workforce.models import HealthWorker

RENAMED = "Renamed by an earlier journey"


def test_a_journey_changes_the_demo_records_and_files(demo):
    running = Workshop.objects.get(status="running", venue__governorate__code="KIR")
    running.sessions.all().delete()
    HealthWorker.objects.filter(user__username="worker.kirkuk").update(name_latin=RENAMED)
    storages["private"].save("evidence/left-behind.txt", ContentFile(b"from an earlier journey"))

    assert not running.sessions.exists()
    assert storages["private"].exists("evidence/left-behind.txt")


def test_the_next_journey_finds_the_demo_as_it_was_built(demo):
    running = Workshop.objects.get(status="running", venue__governorate__code="KIR")
    assert running.sessions.exists()
    assert HealthWorker.objects.get(user__username="worker.kirkuk").name_latin != RENAMED
    assert not storages["private"].exists("evidence/left-behind.txt")
