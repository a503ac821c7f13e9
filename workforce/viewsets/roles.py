"""Admin for role assignments, which only national administrators and superusers hand out."""

import django_filters

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from workforce.models import Role, RoleAssignment, ScopeLevel, manages_roles
from workforce.services import role_assign, role_assignment_update, role_unassign
from workforce.viewsets.base import ScopedDeleteView, ScopedEditView, ScopedModelViewSet

__all__ = ["RoleAssignmentViewSet"]


class RoleAssignmentFilterSet(WagtailFilterSet):
    role = django_filters.ChoiceFilter(label=_("role"), choices=Role.choices)
    level = django_filters.ChoiceFilter(label=_("scope"), choices=ScopeLevel.choices)

    class Meta:
        model = RoleAssignment
        fields = []


class RefusalAsFormErrorMixin:
    """A refused assignment (to oneself, wider than one's own) is shown on the form, not saved."""

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        if "user" in form.fields:  # nobody hands a role to themself: not even offered
            form.fields["user"].queryset = form.fields["user"].queryset.exclude(
                pk=self.request.user.pk
            )
        return form

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PermissionDenied as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)


class RoleAssignmentCreateView(RefusalAsFormErrorMixin, generic.CreateView):
    """Only national administrators and superusers hand out roles, through `role_assign`."""

    def dispatch(self, request, *args, **kwargs):
        if not manages_roles(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def save_instance(self):
        data = self.form.cleaned_data
        return role_assign(
            actor=self.request.user,
            user=data["user"],
            role=data["role"],
            level=data["level"],
            region=data.get("region") or "",
            governorate=data.get("governorate"),
            directorate=data.get("directorate"),
            facility=data.get("facility"),
        )


class RoleAssignmentEditView(RefusalAsFormErrorMixin, ScopedEditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return role_assignment_update(
            assignment=RoleAssignment.objects.get(pk=self.object.pk),
            actor=self.request.user,
            **{name: data.get(name) for name in RoleAssignmentViewSet.form_fields},
        )


class RoleAssignmentDeleteView(ScopedDeleteView):
    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except PermissionDenied as refusal:
            messages.error(self.request, str(refusal))
            return redirect(self.get_success_url())

    def delete_action(self):
        role_unassign(assignment=self.object, actor=self.request.user)


class RoleAssignmentViewSet(ScopedModelViewSet):
    model = RoleAssignment
    icon = "key"
    add_view_class = RoleAssignmentCreateView
    edit_view_class = RoleAssignmentEditView
    delete_view_class = RoleAssignmentDeleteView
    list_display = ["user", "role", "level", Column("scope_label", label=_("place"))]
    list_export = ["user.username", "get_role_display", "get_level_display", "scope_label"]
    export_headings = {
        "user.username": _("user"),
        "get_role_display": _("role"),
        "get_level_display": _("scope"),
        "scope_label": _("place"),
    }
    list_select_related = ("user", "governorate", "directorate", "facility")
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    filterset_class = RoleAssignmentFilterSet
    form_fields = ["user", "role", "level", "region", "governorate", "directorate", "facility"]
    copy_view_enabled = False
