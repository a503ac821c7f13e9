"""Where files live: published media under a public URL, everything else in private storage.

`STORAGES["default"]` is `MediaStorage`, the storage of every FileField that names none (Wagtail's
documents, images, renditions, uploads in progress). It sends the kinds that are not published
content (handouts, which may be staff only, and files half-way through an admin upload) to private
storage, served only by a view that checks the reader; the rest go to `STORAGES["public"]`, which a
web server may serve at MEDIA_URL.
"""

import contextlib
import os
import tempfile

from whitenoise.storage import CompressedManifestStaticFilesStorage

from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

# Name prefixes (the `upload_to` of the models that use the default storage) kept private.
PRIVATE_PREFIXES = ("documents/", "wagtail_uploads/")


def private_storage():
    """Files that are never served by URL: evidence, certificates, restricted exports."""
    return storages["private"]


def is_private_name(name: str) -> bool:
    return str(name).replace("\\", "/").lstrip("/").startswith(PRIVATE_PREFIXES)


@deconstructible
class PrivateStorage(FileSystemStorage):
    """A folder no URL maps to: `url()` refuses, so no template can link around a checking view.

    (FileSystemStorage falls back to MEDIA_URL when it is given no base URL.)
    """

    def url(self, name):
        raise NotImplementedError(
            "Private files have no URL; serve them through a view that checks the reader."
        )

    def replace(self, name: str, content: bytes) -> str:
        """Write `content` whole under exactly `name`, in place of any file there; returns `name`.

        Atomic: written beside it under a temporary name, then renamed over it, so a reader gets
        the old file or the new one, never half of one, and a writer that dies leaves the old one
        (`save` would pick another name, and a delete before it leaves a moment with no file).
        """
        path = self.path(name)  # refuses a name that leads out of the folder
        folder = os.path.dirname(path)
        if self.directory_permissions_mode is None:
            os.makedirs(folder, exist_ok=True)
        else:
            previous = os.umask(0o777 & ~self.directory_permissions_mode)
            try:
                os.makedirs(folder, self.directory_permissions_mode, exist_ok=True)
            finally:
                os.umask(previous)
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".part")
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(content)
            if self.file_permissions_mode is not None:
                os.chmod(temporary, self.file_permissions_mode)
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
            raise
        return name


@deconstructible
class MediaStorage(Storage):
    """Routes each name to the public or the private storage by its prefix.

    Both are looked up on every call, so a changed STORAGES setting (tests) is followed.
    """

    def _for(self, name) -> Storage:
        return storages["private"] if is_private_name(name) else storages["public"]

    def _open(self, name, mode="rb"):
        return self._for(name).open(name, mode)

    def _save(self, name, content):
        return self._for(name).save(name, content)

    def get_available_name(self, name, max_length=None):
        return self._for(name).get_available_name(name, max_length=max_length)

    def delete(self, name):
        return self._for(name).delete(name)

    def exists(self, name):
        return self._for(name).exists(name)

    def listdir(self, path):
        return self._for(path.rstrip("/") + "/").listdir(path)

    def size(self, name):
        return self._for(name).size(name)

    def url(self, name):
        return self._for(name).url(name)

    def path(self, name):
        return self._for(name).path(name)

    def get_accessed_time(self, name):
        return self._for(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self._for(name).get_created_time(name)

    def get_modified_time(self, name):
        return self._for(name).get_modified_time(name)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's compressed, hashed static files, each address worked out once per process.

    The manifest is read when the process starts and never changes while it runs, so the hashed
    address of a name is the same on every page; working it out (manifest look-up, `urljoin`,
    quoting) cost about 23 µs a `{% static %}`, five on every page.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[tuple[str, bool], str] = {}

    def url(self, name, force=False):
        key = (name, force)
        try:
            return self._urls[key]
        except KeyError:
            # Only what the manifest names is kept: an unknown name raises each time (as before).
            address = self._urls[key] = super().url(name, force)
            return address

    def post_process(self, *args, **kwargs):
        # collectstatic hashes the files anew: nothing worked out before may be kept.
        self._urls.clear()
        yield from super().post_process(*args, **kwargs)
        self._urls.clear()
