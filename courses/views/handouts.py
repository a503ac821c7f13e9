"""Handouts (Wagtail documents) are served only by this view, never from a public media path."""

from django.utils.cache import patch_cache_control

from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve


def handout_serve(request, document_id, document_filename):
    """Wagtail's checked document view; a restricted handout is never stored by any cache."""
    response = wagtail_serve.serve(request, document_id, document_filename)
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None and document.collection.get_view_restrictions().exists():
        patch_cache_control(response, private=True, no_store=True)
    return response
