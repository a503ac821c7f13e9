from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Training providers are reference data: every role group reads them, administrators hold the
# change permissions (and ReferenceDataPermissionPolicy lets only national ones use them).


def sync_groups(apps, schema_editor):
    from workforce.permissions import role_groups_sync

    create_permissions(global_apps.get_app_config("workforce"), apps=apps, verbosity=0)
    role_groups_sync(
        Group=apps.get_model("auth", "Group"), Permission=apps.get_model("auth", "Permission")
    )


class Migration(migrations.Migration):
    dependencies = [("workforce", "0013_training_providers_and_external_participants")]
    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
