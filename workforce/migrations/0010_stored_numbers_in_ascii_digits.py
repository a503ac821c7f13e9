"""Phones, licence numbers and national IDs stored before every form read typed digits: in ASCII.

Walk-ins kept a phone as typed (`٠٧٧٠ ١٢٣ ٤٥٦٧`), which no search found. The rules are those of
`core.digits` (copied here: a migration keeps the rules of its day). A licence or ID whose ASCII
form another record already holds is left as it is: that is one person twice, for people to merge.
"""

from functools import reduce
from operator import or_

from django.db import migrations
from django.db.models import Q

DIGITS = {ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")} | {
    ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")
}
MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
SPACES = " \t\u00a0\u2007\u2009\u202f"
IDENTIFIER = str.maketrans({**DIGITS, **dict.fromkeys(map(ord, MARKS + SPACES))})
PHONE = str.maketrans({**DIGITS, **dict.fromkeys(map(ord, MARKS + SPACES + "-.()"))})
WRITTEN = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹" + MARKS + SPACES


def _needing(field):
    return reduce(or_, (Q(**{f"{field}__contains": ch}) for ch in WRITTEN))


def stored_numbers_to_ascii(apps, schema_editor):
    HealthWorker = apps.get_model("workforce", "HealthWorker")
    for worker in HealthWorker.objects.filter(_needing("phone")).only("phone").iterator():
        HealthWorker.objects.filter(pk=worker.pk).update(phone=worker.phone.translate(PHONE))
    for field in ("licence_number", "national_id"):
        for worker in HealthWorker.objects.filter(_needing(field)).only(field).iterator():
            value = getattr(worker, field).translate(IDENTIFIER) or None
            if value and HealthWorker.objects.filter(**{field: value}).exists():
                continue
            HealthWorker.objects.filter(pk=worker.pk).update(**{field: value})


class Migration(migrations.Migration):
    dependencies = [("workforce", "0009_backfill_name_skeleton")]

    operations = [migrations.RunPython(stored_numbers_to_ascii, migrations.RunPython.noop)]
