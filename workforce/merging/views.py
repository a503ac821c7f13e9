"""The admin pages of merging: likely duplicates, compare and merge, the merge and its undo.

Only administrators reach them, and only for records their administering roles cover: anything
else answers 404. Nobody merges, or undoes a merge of, their own record (403, saying why).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from workforce.duties import OwnRecordRefused, ensure_not_own_record
from workforce.merging.forms import MergeChoiceForm
from workforce.merging.selectors import (
    duplicate_pairs,
    merge_comparison,
    merge_counts,
    merge_moved,
)
from workforce.merging.services import (
    health_worker_merge,
    health_worker_merge_preview,
    health_worker_merge_undo,
    merge_undoable,
    mergeable_workers,
)
from workforce.models import ADMINISTERING_ROLES, HealthWorkerMerge
from workforce.viewsets.revoking import administers


class AdministratorsOnly:
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not administers(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("health_worker_duplicates"), "label": _("Possible duplicate records")},
            {"url": "", "label": self.get_page_title()},
        ]


class DuplicatesView(AdministratorsOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "workforce/merging/duplicates.html"
    page_title = gettext_lazy("Possible duplicate records")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pairs"] = duplicate_pairs(user=self.request.user)
        context["merges"] = HealthWorkerMerge.objects.visible_to(
            self.request.user, roles=ADMINISTERING_ROLES
        ).select_related("survivor", "merged")[:20]
        return context


class MergeView(AdministratorsOnly, WagtailAdminTemplateMixin, TemplateView):
    """Both records side by side, a choice per differing field, a preview, then the merge."""

    template_name = "workforce/merging/compare.html"
    page_title = gettext_lazy("Compare and merge")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if kwargs["survivor"] == kwargs["merged"]:
            raise Http404
        records = mergeable_workers(request.user).select_related("facility", "cadre", "user")
        self.survivor = get_object_or_404(records, pk=kwargs["survivor"])
        self.merged = get_object_or_404(records, pk=kwargs["merged"])
        self.compared = merge_comparison(survivor=self.survivor, merged=self.merged)

    def dispatch(self, request, *args, **kwargs):
        try:
            for worker in (self.survivor, self.merged):
                ensure_not_own_record(actor=request.user, subject=worker)
        except OwnRecordRefused as refused:
            messages.error(request, str(refused))
            return redirect("health_worker_duplicates")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, form=None, preview=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            survivor=self.survivor,
            merged=self.merged,
            form=form or MergeChoiceForm(compared=self.compared),
            compared=self.compared,
            counts=merge_counts(survivor=self.survivor, merged=self.merged),
            swap_url=reverse("health_worker_merge", args=[self.merged.pk, self.survivor.pk]),
            preview=preview,
            moved=merge_moved(preview) if preview else [],
        )
        return context

    def post(self, request, *args, **kwargs):
        form = MergeChoiceForm(data=request.POST, compared=self.compared)
        if not form.is_valid():
            messages.error(request, _("Choose, for each field, one of the two values shown."))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        call = {"survivor": self.survivor, "merged": self.merged, "actor": request.user,
                "choices": form.choices()}  # fmt: skip
        try:
            if request.POST.get("confirm") != "merge":
                preview = health_worker_merge_preview(**call)
                return self.render_to_response(self.get_context_data(form=form, preview=preview))
            record = health_worker_merge(**call)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(request, _("The two records are now one. You can undo this below."))
        return redirect("health_worker_merge_record", record.pk)


class MergeRecordView(AdministratorsOnly, WagtailAdminTemplateMixin, TemplateView):
    """One merge: what it kept, moved and aliased, and its undo."""

    template_name = "workforce/merging/record.html"
    page_title = gettext_lazy("Merged records")

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        merges = HealthWorkerMerge.objects.visible_to(request.user, roles=ADMINISTERING_ROLES)
        self.record = get_object_or_404(
            merges.select_related("survivor", "merged"), pk=kwargs["pk"]
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            record=self.record,
            moved=merge_moved(self.record),
            aliases=self.record.aliases.all(),
            undoable=merge_undoable(self.record),
        )
        return context

    def post(self, request, *args, **kwargs):
        try:
            health_worker_merge_undo(record=self.record, actor=request.user)
        except OwnRecordRefused as refused:
            messages.error(request, str(refused))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The merge is undone: both records are as they were."))
        return redirect("health_worker_merge_record", self.record.pk)
