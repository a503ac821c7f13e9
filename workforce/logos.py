"""Providers' logos: bounded when uploaded, and read small and once when printed."""

import functools
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import UploadRefused, image_check

MAX_LOGO_BYTES = 1024 * 1024
LOGO_FORMATS = {"PNG", "JPEG"}
# The largest side a logo is kept at for printing: a 2 cm mark at 300 dpi.
PRINT_SIDE = 240


def logo_validate(upload) -> None:
    """Refuse anything but a real PNG or JPEG of at most 1 MB and the upload pixel limit."""
    from PIL import Image

    if upload.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo is larger than 1 MB."))
    handle = upload.file if hasattr(upload, "file") else upload
    try:
        handle.seek(0)
        image_check(handle)
        with Image.open(handle) as image:
            kind = image.format
            image.verify()
    except UploadRefused as refused:
        raise ValidationError(str(refused)) from refused
    except Exception as error:
        raise ValidationError(_("This image is damaged or not really an image.")) from error
    finally:
        handle.seek(0)
    if kind not in LOGO_FORMATS:
        raise ValidationError(_("Only PNG or JPEG logos are accepted."))


@functools.lru_cache(maxsize=64)
def _print_png(storage, name: str, modified: float) -> bytes | None:
    from PIL import Image

    try:
        with storage.open(name, "rb") as handle, Image.open(handle) as image:
            image.thumbnail((PRINT_SIDE, PRINT_SIDE))
            out = io.BytesIO()
            transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image.convert("RGBA" if transparent else "RGB").save(out, "PNG", optimize=True)
            return out.getvalue()
    except (OSError, ValueError):
        return None  # a missing or unreadable file: the name is printed without its logo


@functools.lru_cache(maxsize=64)
def logo_reader(png: bytes):
    """A ReportLab image of a printed logo, made once per process for each logo."""
    from reportlab.lib.utils import ImageReader

    return ImageReader(io.BytesIO(png))


def _logo_storage():
    from workforce.models import Provider

    return Provider._meta.get_field("logo").storage


def logo_url(name: str) -> str:
    """The public URL of a stored logo."""
    return _logo_storage().url(name)


def logo_for_print(name: str) -> bytes | None:
    """The stored logo `name` as a small PNG, cached per file and its change time; None if none."""
    if not name:
        return None
    storage = _logo_storage()
    try:
        modified = storage.get_modified_time(name).timestamp()
    except (OSError, NotImplementedError):
        modified = 0.0
    return _print_png(storage, name, modified)
