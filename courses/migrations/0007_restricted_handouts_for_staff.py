from django.db import migrations

STAFF_GROUPS = ["Trainers", "Reviewers", "Auditors", "Administrators"]


def restrict_to_staff(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Group = apps.get_model("auth", "Group")
    collection = Collection.objects.filter(name="Restricted handouts").first()
    if collection is None:
        return
    restriction, _ = CollectionViewRestriction.objects.update_or_create(
        collection=collection, defaults={"restriction_type": "groups"}
    )
    restriction.groups.set(Group.objects.get_or_create(name=name)[0] for name in STAFF_GROUPS)


def restrict_to_signed_in(apps, schema_editor):
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    CollectionViewRestriction.objects.filter(collection__name="Restricted handouts").update(
        restriction_type="login"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_course_certificate_template"),
        ("workforce", "0003_role_groups"),
    ]
    operations = [migrations.RunPython(restrict_to_staff, restrict_to_signed_in)]
