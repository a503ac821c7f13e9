from django.db import migrations

COLLECTION_CODENAMES = {
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
    "wagtailimages": ("add_image", "change_image", "choose_image"),
}


def set_up_moderation(apps, schema_editor):
    """Locales, the trainer and reviewer groups, the course review workflow, a private collection."""
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model("wagtailcore", "CollectionViewRestriction")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    for code in ("ar", "ckb"):
        Locale.objects.get_or_create(language_code=code)

    def permission(app_label, codename, model):
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )[0]

    admin_access = permission("wagtailadmin", "access_admin", "admin")
    trainer, _ = Group.objects.get_or_create(name="trainer")
    reviewer, _ = Group.objects.get_or_create(name="reviewer")
    root_collection = Collection.objects.get(depth=1)
    for group in (trainer, reviewer):
        group.permissions.add(admin_access)
        for app_label, codenames in COLLECTION_CODENAMES.items():
            model = "document" if app_label == "wagtaildocs" else "image"
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(app_label, codename, model),
                )
    root = Page.objects.get(depth=1)
    for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"):
        GroupPagePermission.objects.get_or_create(
            group=reviewer, page=root, permission=permission("wagtailcore", codename, "page")
        )

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name="Reviewer approval", defaults={"content_type": task_type, "active": True}
    )
    task.groups.add(reviewer)
    workflow, _ = Workflow.objects.get_or_create(name="Course review", defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})

    if not Collection.objects.filter(name="Restricted handouts").exists():
        last = Collection.objects.filter(depth=2).order_by("-path").first()
        number = int(last.path[-4:], 36) + 1 if last else 1
        step = ""
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        for _ in range(4):
            number, digit = divmod(number, 36)
            step = alphabet[digit] + step
        restricted = Collection.objects.create(
            name="Restricted handouts", path=root_collection.path + step, depth=2, numchild=0
        )
        root_collection.numchild += 1
        root_collection.save(update_fields=["numchild"])
        CollectionViewRestriction.objects.create(collection=restricted, restriction_type="login")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_pages_sections"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]
    operations = [migrations.RunPython(set_up_moderation, migrations.RunPython.noop)]
