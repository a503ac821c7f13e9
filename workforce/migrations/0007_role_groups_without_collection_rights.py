from django.db import migrations

# Wagtail's migrations that introduced the "choose" permission for documents and images gave it,
# on the root collection, to every group that held admin access when they ran. Depending on the
# order migrations ran in, the role groups (0003) existed by then, so every trainer could choose
# any governorate's files. The role groups hold no collection rights: a trainer's come with the
# groups of their scope ("trainers: <code>", courses 0010).


def role_groups_without_collection_rights(apps, schema_editor):
    from workforce.permissions import role_groups_sync

    role_groups_sync(
        Group=apps.get_model("auth", "Group"),
        Permission=apps.get_model("auth", "Permission"),
        GroupCollectionPermission=apps.get_model("wagtailcore", "GroupCollectionPermission"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("workforce", "0006_personal_record_reads"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
    ]
    operations = [
        migrations.RunPython(role_groups_without_collection_rights, migrations.RunPython.noop)
    ]
