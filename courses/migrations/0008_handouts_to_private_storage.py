import posixpath

from django.core.files.storage import storages
from django.db import migrations

PRIVATE_FOLDERS = ("documents", "wagtail_uploads")


def _names(storage, folder):
    try:
        folders, files = storage.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return
    for name in files:
        yield posixpath.join(folder, name)
    for child in folders:
        yield from _names(storage, posixpath.join(folder, child))


def move_to_private(apps, schema_editor):
    """Handouts uploaded before core.storage.MediaStorage sat under MEDIA_ROOT: move them out."""
    public, private = storages["public"], storages["private"]
    for folder in PRIVATE_FOLDERS:
        for name in list(_names(public, folder)):
            if not private.exists(name):
                with public.open(name, "rb") as handle:
                    private.save(name, handle)
            public.delete(name)


class Migration(migrations.Migration):
    dependencies = [("courses", "0007_restricted_handouts_for_staff")]
    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop)]
