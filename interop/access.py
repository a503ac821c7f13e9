"""Who may open the DHIS2 admin: national administrators and superusers; others get 404."""

from django.http import Http404

from workforce.authority import edits_reference_data


class NationalOnly:
    """Out of scope answers 404, before Wagtail's own permission redirect."""

    def dispatch(self, request, *args, **kwargs):
        if not edits_reference_data(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)
