from django.db import migrations

# The live function, on purpose: the stored key must be the one search computes for the query.
# A later change to the skeleton rules ships its own migration running this again.
from workforce.skeleton import name_skeleton

BATCH = 5000


def backfill(apps, schema_editor):
    HealthWorker = apps.get_model("workforce", "HealthWorker")
    changed = []
    for worker in HealthWorker.objects.only("pk", "name_ar", "name_skeleton").iterator(BATCH):
        skeleton = name_skeleton(worker.name_ar)
        if skeleton != worker.name_skeleton:
            worker.name_skeleton = skeleton
            changed.append(worker)
        if len(changed) >= BATCH:
            HealthWorker.objects.bulk_update(changed, ["name_skeleton"])
            changed = []
    HealthWorker.objects.bulk_update(changed, ["name_skeleton"])


class Migration(migrations.Migration):
    dependencies = [("workforce", "0008_health_worker_name_skeleton")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
