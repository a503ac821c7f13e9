from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

# Until now the "trainer" and "reviewer" groups held add/change on the root collection: every
# trainer could replace any governorate's files. Trainers now get their scope's collections
# through the "trainers: ..." groups; reviewers keep choosing (to review pages), not changing.
CHANGING = ("add_document", "change_document", "add_image", "change_image")
CHOOSING = ("choose_document", "choose_image")


def media_in_scope_collections(apps, schema_editor):
    from django.contrib.auth import get_user_model

    from wagtail.models import GroupCollectionPermission

    from courses.collections import scope_collections_sync
    from courses.moderation import trainer_page_groups_sync

    for label in ("wagtaildocs", "wagtailimages"):
        create_permissions(global_apps.get_app_config(label), verbosity=0)
    scope_collections_sync()
    GroupCollectionPermission.objects.filter(
        group__name="trainer", permission__codename__in=CHANGING + CHOOSING
    ).delete()
    GroupCollectionPermission.objects.filter(
        group__name="reviewer", permission__codename__in=CHANGING
    ).delete()
    for user in get_user_model().objects.filter(role_assignments__role="trainer").distinct():
        trainer_page_groups_sync(user=user)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0009_scope_collections"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]
    operations = [migrations.RunPython(media_in_scope_collections, migrations.RunPython.noop)]
