"""Who reaches what in Wagtail's admin: every registered viewset × every role × every scope.

The viewsets are discovered from Wagtail's registry (model, snippet and chooser viewsets), so a
new one fails `test_every_registered_viewset_has_a_rule` until a rule says who may use it.
"""

import pytest

from django.contrib.auth.models import Group
from django.core import serializers
from django.db.models.fields.files import FieldFile
from django.urls import NoReverseMatch, reverse

from wagtail.admin.viewsets import viewsets as registry
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, Site

from tests.factories.certificates import CertificateTemplateFactory
from tests.factories.courses import NoticeFactory
from tests.factories.field import DeviceFactory
from tests.factories.interop import dhis2_connection, dhis2_mapping, partner_key
from tests.factories.providers import ProviderFactory
from tests.factories.workforce import (
    FacilityFactory,
    HealthWorkerFactory,
    RoleAssignmentFactory,
    UserFactory,
    cadre,
    directorate,
    governorate,
    staff_user,
)

pytestmark = pytest.mark.django_db

ROLES = ("trainer", "reviewer", "auditor", "administrator")
SCOPES = ("national", "region", "governorate")
USERS = [(role, scope) for role in ROLES for scope in SCOPES] + [("superuser", "")]


def everyone(role, scope):
    return True


def superuser(role, scope):
    return role == "superuser"


def national_administrator(role, scope):
    return superuser(role, scope) or (role, scope) == ("administrator", "national")


def administrator(role, scope):
    return role in ("administrator", "superuser")


def trainer_or_administrator(role, scope):
    return role in ("trainer", "administrator", "superuser")


REFERENCE = {"index": everyone, "add": national_administrator, "edit": national_administrator,
             "delete": national_administrator}  # fmt: skip
SUPERUSER_ONLY = dict.fromkeys(("index", "add", "edit", "delete"), superuser)
OBJECT_VIEWS = ("edit", "delete", "revoke", "inspect")  # the views whose URL names one record

# The rule of each viewset: which (role, scope) reaches each of its views.
RULES = {
    "governorates": REFERENCE,
    "directorates": REFERENCE,
    "cadres": REFERENCE,
    "providers": REFERENCE,
    "facilities": {
        "index": everyone,
        "add": administrator,
        "edit": administrator,
        "delete": administrator,
    },  # fmt: skip
    "health_workers": {
        "index": everyone,
        "add": trainer_or_administrator,
        "edit": trainer_or_administrator,
        "delete": administrator,
    },  # fmt: skip
    "role_assignments": dict.fromkeys(("index", "add", "edit", "delete"), national_administrator),
    # Enrolled phones: administrators of any scope list and revoke those of trainers inside their
    # scope (the samples are in Kirkuk); nobody adds or edits a token (no such views at all).
    "devices": {"index": administrator, "revoke": administrator},
    # Partner API keys: administrators of any scope list, issue and revoke those inside their
    # scope (the sample is a Kirkuk key); a key is never edited (no such view).
    "partner-keys": {"index": administrator, "add": administrator, "revoke": administrator},
    # DHIS2 connections and their mappings: national configuration, for national administrators.
    "dhis2-connections": dict.fromkeys(("index", "add", "edit", "delete"), national_administrator),
    "dhis2-mappings": dict.fromkeys(("index", "add", "edit", "delete"), national_administrator),
    # Notices: staff of every role read those of the people in their scope (the sample is a Kirkuk
    # worker's); nobody adds, edits or deletes one (no such views at all).
    "notices": {"index": everyone, "inspect": everyone},
    "certificatetemplate": SUPERUSER_ONLY,
    "wagtaillocales": SUPERUSER_ONLY,
    "wagtailsites": SUPERUSER_ONLY,
    "wagtailusers_users": SUPERUSER_ONLY,
    "wagtailusers_groups": SUPERUSER_ONLY,
    "facility_chooser": {"choose": everyone},
    # Trainers pick a course's certificate template in the page editor: every staff member chooses.
    "wagtailsnippetchoosers_certificates_certificatetemplate": {"choose": everyone},
    # Images and documents are kept per collection (the rule of collections, tested with them);
    # every staff member may open the chooser, which lists only what their collections allow.
    "wagtaildocs_chooser": {"choose": everyone},
    "wagtailimages_chooser": {"choose": everyone},
    # The page explorer answers by page permissions, tested with the course pages.
    "PageViewSet": {},
}


def _samples():
    """One record of each model, inside Kirkuk (the scope of every scoped user here)."""
    kirkuk = governorate("KIR")
    facility = FacilityFactory(directorate=directorate("KIR"))
    connection = dhis2_connection()
    return {
        "governorates": kirkuk,
        "directorates": directorate("KIR"),
        "cadres": cadre("nurse"),
        "providers": ProviderFactory(),
        "facilities": facility,
        "health_workers": HealthWorkerFactory(facility=facility),
        "role_assignments": RoleAssignmentFactory(
            role="auditor", level="governorate", governorate=kirkuk
        ),  # fmt: skip
        "devices": DeviceFactory(
            user=RoleAssignmentFactory(role="trainer", level="governorate", governorate=kirkuk).user
        ),
        "partner-keys": partner_key(level="governorate", governorate=kirkuk)[0],
        "dhis2-connections": connection,
        "dhis2-mappings": dhis2_mapping(connection=connection),
        "notices": NoticeFactory(health_worker=HealthWorkerFactory(facility=facility)),
        "certificatetemplate": CertificateTemplateFactory(name="Sample"),
        "wagtaillocales": Locale.get_default(),
        "wagtailsites": Site.objects.first(),
        "wagtailusers_users": UserFactory(),
        "wagtailusers_groups": Group.objects.get(name="Auditors"),
    }


def _discovered():
    # Wagtail registers its viewsets once, when the admin's URLs load (populating again would
    # register every viewset and its hooks a second time, and each admin page would walk both).
    reverse("wagtailadmin_home")
    found = []
    for viewset in registry.viewsets:
        if isinstance(viewset, ModelViewSet | ChooserViewSet) or not viewset.name:
            found.append(viewset)
    return found


def _key(viewset) -> str:
    return viewset.name or type(viewset).__name__


def _user(role, scope):
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    places = {"region": {"region": "federal"}, "governorate": {"governorate": governorate("KIR")}}
    return staff_user(role, scope, **places.get(scope, {}))


def _reached(response) -> bool:
    if response.status_code == 200:
        return True
    assert response.status_code in (302, 403, 404), response.status_code
    if response.status_code == 302:  # Wagtail's refusal: back to the dashboard or to log in
        assert response.url.startswith(("/admin/", reverse("wagtailadmin_login")))
    return False


def test_every_registered_viewset_has_a_rule():
    assert {_key(viewset) for viewset in _discovered()} - set(RULES) == set()
    assert len(_discovered()) >= 12


@pytest.mark.parametrize(("role", "scope"), USERS, ids=[f"{r}-{s}" for r, s in USERS])
def test_each_admin_view_is_reached_only_by_the_roles_its_rule_names(client, role, scope):
    samples = _samples()
    client.force_login(_user(role, scope))
    wrong = []
    for viewset in _discovered():
        for view, allowed in RULES[_key(viewset)].items():
            sample = samples.get(viewset.name)
            args = [sample.pk] if view in OBJECT_VIEWS else []
            try:
                url = reverse(viewset.get_url_name(view), args=args)
            except NoReverseMatch:
                continue  # this viewset has no such view (a snippet without a delete view)
            expected = allowed(role, scope)
            if _reached(client.get(url)) != expected:
                wrong.append((viewset.name, view, "should reach" if expected else "reached"))
    assert wrong == []


def _form_data(form) -> dict:
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, FieldFile):
            continue  # a file is posted as an upload or not at all
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value.pk if hasattr(value, "pk") else value
    return data


@pytest.mark.parametrize(("role", "scope"), USERS, ids=[f"{r}-{s}" for r, s in USERS])
def test_a_refused_edit_posted_anyway_changes_nothing(client, role, scope):
    samples = _samples()
    user = _user(role, scope)
    client.force_login(user)
    for viewset in _discovered():
        rule = RULES[_key(viewset)]
        sample = samples.get(viewset.name)
        if "edit" not in rule or rule["edit"](role, scope) or sample is None:
            continue
        form_class = viewset.get_form_class(for_update=True)
        try:
            form = form_class(instance=sample, for_user=user)
        except TypeError:  # Wagtail's own forms (users, groups) take no `for_user`
            form = form_class(instance=sample)
        data = _form_data(form) | _a_change(sample)
        before = serializers.serialize("json", [type(sample).objects.get(pk=sample.pk)])
        client.post(reverse(viewset.get_url_name("edit"), args=[sample.pk]), data)
        after = serializers.serialize("json", [type(sample).objects.get(pk=sample.pk)])
        assert after == before, viewset.name


def _a_change(sample) -> dict:
    """Each attack the issue saw, and a plain rename for the rest."""
    return {
        "Cadre": {"cme_hours_per_cycle": "1"},
        "Governorate": {"region": "kri"},
        "Provider": {"kind": "other"},
        "Directorate": {"governorate": governorate("BAS").pk},
    }.get(type(sample).__name__, {"name_en": "Changed", "name": "Changed", "username": "x"})
