"""Views and the model viewset that read only what the user may see, for every registry admin."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet

from workforce.models import Directorate, Governorate

__all__ = [
    "ScopedCopyView",
    "ScopedDeleteView",
    "ScopedEditView",
    "ScopedHistoryView",
    "ScopedIndexView",
    "ScopedInspectView",
    "ScopedModelViewSet",
    "ScopedObjectMixin",
    "ScopedUsageView",
    "directorates_in_scope",
    "governorates_in_scope",
]


def governorates_in_scope(request):
    """Governorates a filter may offer: those the user sees."""
    return Governorate.objects.visible_to(request.user)


def directorates_in_scope(request):
    """Directorates a filter may offer: those the user sees."""
    return Directorate.objects.visible_to(request.user).select_related("governorate")


class ScopedIndexView(generic.IndexView):
    """Lists, searches and exports only what the user may see."""

    list_select_related: tuple[str, ...] = ()

    def stream_csv(self, queryset):
        # The CSV streams after the view has returned and the user's language was deactivated;
        # each row is written back in that language (headings, choice labels).
        language = translation.get_language()
        rows = iter(super().stream_csv(queryset))

        def in_language():
            while True:
                with translation.override(language):
                    row = next(rows, None)
                if row is None:
                    return
                yield row

        return in_language()

    def get_base_queryset(self):
        queryset = super().get_base_queryset().visible_to(self.request.user)
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset


class ScopedObjectMixin:
    """An object outside the user's scope is not found, before any permission is checked."""

    def dispatch(self, request, *args, **kwargs):
        pk = unquote(str(self.kwargs.get(self.pk_url_kwarg, "")))
        try:
            found = self.model.objects.visible_to(request.user).filter(pk=pk).exists()
        except (ValueError, ValidationError):
            found = False
        if not found:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.model.objects.visible_to(self.request.user).filter(pk=instance.pk).exists():
            raise Http404
        return instance


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    """A record others still point at (workers of a facility, a worker's enrolments) stays."""

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError as error:
            messages.error(
                self.request,
                _("“%(record)s” cannot be deleted: %(count)d other records still refer to it.")
                % {"record": self.object, "count": len(error.protected_objects)},
            )
            return redirect(self.get_success_url())


class ScopedCopyView(ScopedObjectMixin, generic.CopyView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedHistoryView(ScopedObjectMixin, history.HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, usage.UsageView):
    pass


class ScopedModelViewSet(ModelViewSet):
    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    copy_view_class = ScopedCopyView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    search_backend_name = None  # plain database lookups over the fields named in search_fields
    list_per_page = 50
    # Nothing links to registry rows from rich text or StreamFields; indexing them would add a
    # query per row to every delete (a reset of the national data set deletes 250,000).
    add_to_reference_index = False
    list_select_related: tuple[str, ...] = ()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_select_related=self.list_select_related, **kwargs)
