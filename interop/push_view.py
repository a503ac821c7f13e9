"""The push page of one connection: choose months, see the dry run's summary, confirm the send."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.task_language import stored_text_shown
from interop import services
from interop.access import NationalOnly
from interop.forms import Dhis2PushForm
from interop.models import Dhis2Connection, Dhis2Push

HISTORY = 20  # pushes shown; older ones stay in the database


class Dhis2PushView(NationalOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "interop/admin/push.html"
    page_title = gettext_lazy("Send to DHIS2")
    header_icon = "upload"
    index_url_name = None

    def get_connection(self):
        if not hasattr(self, "_connection"):
            self._connection = get_object_or_404(Dhis2Connection, pk=self.kwargs["pk"])
        return self._connection

    def get_page_subtitle(self):
        return str(self.get_connection())

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _("DHIS2 connections")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        connection = self.get_connection()
        pushes = list(connection.pushes.select_related("requested_by", "confirms")[:HISTORY])
        for push in pushes:
            push.error_text = stored_text_shown(push.error, push.error_params)
            push.confirmed = any(
                other.confirms_id == push.pk and other.state != Dhis2Push.State.FAILED
                for other in pushes
            )
        context.update(
            connection=connection,
            form=form or Dhis2PushForm(),
            pushes=pushes,
            running=[push for push in pushes if push.state == Dhis2Push.State.QUEUED],
            mapping_count=connection.mappings.count(),
        )
        return context

    def post(self, request, *args, **kwargs):
        connection = self.get_connection()
        if "confirm" in request.POST:
            dry_run = get_object_or_404(
                Dhis2Push.objects.filter(connection=connection, dry_run=True),
                pk=request.POST.get("confirm") if request.POST["confirm"].isdigit() else None,
            )
            if dry_run.state != Dhis2Push.State.DONE:
                messages.error(request, _("Only a dry run DHIS2 has answered can be sent."))
            else:
                services.dhis2_push_confirm(dry_run=dry_run, user=request.user)
                messages.success(request, _("The import is queued; its answer appears below."))
            return redirect(request.path)
        form = Dhis2PushForm(data=request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        services.dhis2_push_start(connection=connection, months=form.months(), user=request.user)
        messages.success(request, _("The dry run is queued; its answer appears below."))
        return redirect(request.path)
