from django.db import migrations


def load(apps, schema_editor):
    from workforce.reference import load_reference_data

    load_reference_data(
        apps.get_model("workforce", "Governorate"),
        apps.get_model("workforce", "Directorate"),
        apps.get_model("workforce", "Cadre"),
    )


class Migration(migrations.Migration):
    dependencies = [("workforce", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
