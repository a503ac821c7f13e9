"""The admin's document and image forms (the WAGTAILDOCS_/WAGTAILIMAGES_ form base settings).

They refuse to replace the file of a document or image that a live page of another scope uses.
"""

from django.core.exceptions import ValidationError

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm


class _ScopedReplaceMixin:
    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, user=user, **kwargs)

    def clean(self):
        from courses.collections import media_replace_refusal

        cleaned = super().clean()
        if "file" in self.changed_data:
            refusal = media_replace_refusal(user=self.user, item=self.instance)
            if refusal:
                raise ValidationError({"file": refusal})
        return cleaned


class ScopedDocumentForm(_ScopedReplaceMixin, BaseDocumentForm):
    pass


class ScopedImageForm(_ScopedReplaceMixin, BaseImageForm):
    pass
