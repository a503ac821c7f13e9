"""Evidence files for outside activities are judged by their content, never by their name."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.uploads import UploadRefused, image_check

MAX_EVIDENCE_BYTES = 5 * 1024 * 1024
SIGNATURES = {
    b"%PDF-": "application/pdf",
    b"\xff\xd8\xff": "image/jpeg",
    b"\x89PNG\r\n\x1a\n": "image/png",
}


def evidence_kind(head: bytes) -> str | None:
    """The media type the first bytes announce, if it is one we accept."""
    for signature, media_type in SIGNATURES.items():
        if head.startswith(signature):
            return media_type
    return None


def evidence_validate(upload) -> str:
    """Refuse anything but a real PDF, JPEG or PNG of at most 5 MB; return its media type."""
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."))
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    media_type = evidence_kind(content[:8])
    if media_type is None:
        raise ValidationError(_("Only PDF, JPEG or PNG files are accepted."))
    if media_type == "application/pdf":
        if b"%%EOF" not in content[-2048:]:
            raise ValidationError(_("This PDF is damaged or incomplete."))
    else:
        from PIL import Image

        try:
            image_check(BytesIO(content))
        except UploadRefused as refused:
            raise ValidationError(str(refused)) from refused
        except Exception as error:
            raise ValidationError(_("This image is damaged or not really an image.")) from error
        try:
            with Image.open(BytesIO(content)) as image:
                image.verify()
        except Exception as error:
            raise ValidationError(_("This image is damaged or not really an image.")) from error
    return media_type
