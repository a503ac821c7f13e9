"""Administrators issue and revoke partner API keys; a key's secret is shown once, never edited.

Rows and object URLs go through `PartnerKey.objects.visible_to`, the rule
`interop.partners.services.partner_key_revoke` applies: a key outside the administrator's scope is
missing from the list and answers 404 on its own URLs.
"""

import django_filters

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from interop.models import PartnerKey
from interop.partners import services
from interop.partners.forms import PartnerKeyForm
from workforce.viewsets.base import ScopedModelViewSet
from workforce.viewsets.revoking import RevocableIndexView, ScopedRevokeView, administers

__all__ = ["PartnerKeyViewSet"]

SHOWN_ONCE = "interop.partner_key_secret"  # the session key holding a new secret until shown


class PartnerKeyFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"),
        choices=[("active", _("in use")), ("expired", _("expired")), ("revoked", _("revoked"))],
        method="filter_state",
        empty_label=_("all"),
    )

    class Meta:
        model = PartnerKey
        fields = []

    def filter_state(self, queryset, name, value):
        now = timezone.now()
        if value == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        if value == "expired":
            return queryset.filter(revoked_at__isnull=True, expires_at__lte=now)
        return queryset.filter(revoked_at__isnull=True, expires_at__gt=now)


class KeyPrefixColumn(Column):
    """The key's first characters, a Latin code kept left to right in an Arabic page."""

    cell_template_name = "interop/admin/key_prefix_cell.html"


def _expiry(key) -> str:
    return date_format(localtime(key.expires_at), "DATE_FORMAT")


class PartnerKeyIndexView(RevocableIndexView):
    page_title = _("Partner API keys")

    @property
    def header_buttons(self):
        if not administers(self.request.user):
            return []
        return [HeaderButton(_("Issue a key"), url=reverse(self.add_url_name), icon_name="plus")]


def _breadcrumbs(view, index_url: str) -> list[dict]:
    return [
        *view.breadcrumbs_items,
        {"url": index_url, "label": _("Partner API keys")},
        {"url": "", "label": view.page_title},
    ]


class PartnerKeyCreateView(WagtailAdminTemplateMixin, FormView):
    """Issues a key through `partner_key_create`; the secret goes to the next page, once."""

    form_class = PartnerKeyForm
    template_name = "interop/admin/key_form.html"
    page_title = _("Issue a partner API key")
    header_icon = "key"
    index_url_name = created_url_name = add_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not administers(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse(self.add_url_name),
            submit_button_label=_("Issue the key"),
            submit_button_active_label=_("Issuing…"),
            **kwargs,
        )

    def get_breadcrumbs_items(self):
        return _breadcrumbs(self, reverse(self.index_url_name))

    def form_valid(self, form):
        try:
            key, secret = services.partner_key_create(
                actor=self.request.user,
                organisation=form.cleaned_data["organisation"],
                expires_at=form.expires_at(),
                **form.scope(),
            )
        except PermissionDenied:
            form.add_error(None, _("You cannot issue a key wider than your scope."))
            return self.form_invalid(form)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                field = {"facility": "facility_code", "__all__": None}.get(field, field)
                form.add_error(field if field in form.fields else None, messages)
            return self.form_invalid(form)
        self.request.session[SHOWN_ONCE] = {"pk": key.pk, "secret": secret}
        return redirect(self.created_url_name, key.pk)


class PartnerKeyCreatedView(WagtailAdminTemplateMixin, TemplateView):
    """The new key's secret, once: the session forgets it as the page is drawn."""

    template_name = "interop/admin/key_created.html"
    page_title = _("Partner API key issued")
    header_icon = "key"
    index_url_name = None

    def dispatch(self, request, *args, **kwargs):
        # Out of scope is not found, whatever the method.
        if not PartnerKey.objects.visible_to(request.user).filter(pk=kwargs["pk"]).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        key = PartnerKey.objects.get(pk=kwargs["pk"])
        shown = self.request.session.get(SHOWN_ONCE) or {}
        secret = None
        if shown.get("pk") == key.pk:
            secret = self.request.session.pop(SHOWN_ONCE)["secret"]
        index_url = reverse(self.index_url_name)
        return super().get_context_data(
            key=key,
            secret=secret,
            index_url=index_url,
            **kwargs,
        )

    def get_breadcrumbs_items(self):
        return _breadcrumbs(self, reverse(self.index_url_name))

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response


class PartnerKeyRevokeView(ScopedRevokeView):
    """Asks first; on POST revokes through `partner_key_revoke`, never deletes."""

    template_name = "interop/admin/confirm_revoke.html"
    page_title = _("Revoke a partner API key")

    def get_page_subtitle(self):
        # The organisation alone: "name (cmep_…)" breaks apart in a right-to-left heading.
        return self.object.organisation

    @property
    def confirmation_message(self):
        return _(
            "Revoke the key of %(organisation)s? Its next call to the API is refused; the "
            "organisation needs a new key to read again."
        ) % {"organisation": self.object.organisation}

    def get_success_message(self):
        return _("The key of “%(organisation)s” was revoked.") % {
            "organisation": self.object.organisation
        }

    def delete_action(self):
        services.partner_key_revoke(key=self.object, actor=self.request.user)


class PartnerKeyViewSet(ScopedModelViewSet):
    model = PartnerKey
    name = "partner-keys"
    icon = "key"
    menu_label = _("Partner API keys")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = PartnerKeyIndexView
    delete_view_class = PartnerKeyRevokeView
    copy_view_enabled = False
    list_display = [
        "organisation",
        KeyPrefixColumn("key_prefix", label=capfirst(_("key prefix"))),
        Column("scope_label", label=capfirst(_("scope"))),
        # The day itself: Wagtail's relative dates say "just now" of any day still to come.
        Column("expires_at", label=capfirst(_("expires")), accessor=_expiry),
        DateColumn("last_used_at", label=capfirst(_("last used"))),
        Column("created_by", label=capfirst(_("created by"))),
        StatusTagColumn(
            "state_label",
            label=capfirst(_("state")),
            primary=lambda key: key.state_label == _("in use"),
        ),
    ]
    list_select_related = ("created_by",)
    search_fields = ["organisation", "key_prefix"]
    filterset_class = PartnerKeyFilterSet

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(revoke_url_name=self.get_url_name("revoke"), **kwargs)

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(delete_url_name=self.get_url_name("revoke"), **kwargs)

    def get_urlpatterns(self):
        # List, issue, the one showing of a new secret, and revoke: no edit, copy or delete.
        names = {
            "index_url_name": self.get_url_name("index"),
            "add_url_name": self.get_url_name("add"),
            "created_url_name": self.get_url_name("created"),
        }
        create = PartnerKeyCreateView.as_view(**names)
        created = PartnerKeyCreatedView.as_view(index_url_name=names["index_url_name"])
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("add/", create, name="add"),
            path("created/<int:pk>/", created, name="created"),
            path("revoke/<int:pk>/", self.delete_view, name="revoke"),
        ]
