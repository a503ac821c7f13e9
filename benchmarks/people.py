"""Registry people for the measuring commands, built unsaved for `bulk_create`."""

from workforce.models import HealthWorker
from workforce.names import name_normalise
from workforce.skeleton import name_skeleton


def bench_worker(number: int, *, licence_number: str, cadre, facility) -> HealthWorker:
    """Bench worker `number` with its search keys filled (bulk_create skips save())."""
    name_ar, name_latin = f"عامل صحي {number}", f"Bench Worker {number}"
    return HealthWorker(
        name_ar=name_ar,
        name_latin=name_latin,
        name_key=name_normalise(name_ar),
        name_latin_key=name_normalise(name_latin),
        name_skeleton=name_skeleton(name_ar),
        licence_number=licence_number,
        cadre=cadre,
        facility=facility,
    )
