from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_groups(apps, schema_editor):
    from workforce.permissions import role_groups_sync

    for label in ("workforce", "wagtailadmin"):
        app_config = global_apps.get_app_config(label)
        create_permissions(app_config, apps=apps, verbosity=0)
    role_groups_sync(Group=apps.get_model("auth", "Group"), Permission=apps.get_model("auth", "Permission"))


class Migration(migrations.Migration):
    dependencies = [
        ("workforce", "0002_reference_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
