import pytest

from django import forms

from tests.factories.workforce import HealthWorkerFactory, cadre
from workforce.forms import HealthWorkerForm
from workforce.models import HealthWorker

pytestmark = pytest.mark.django_db


def worker_data(facility, **overrides):
    return {
        "name_ar": "أحمد علي الكركوكي",
        "name_latin": "Ahmed Ali Kirkuki",
        "licence_number": "",
        "national_id": "",
        "sex": "M",
        "cadre": cadre("nurse").pk,
        "facility": facility.pk,
        "phone": "٠٧٧٠١٢٣٤٥٦٧",
        "email": "",
        **overrides,
    }


class PinForm(forms.Form):
    pin = forms.IntegerField()
    password = forms.CharField(widget=forms.PasswordInput)


def test_any_form_reads_typed_digits_in_numbers_but_leaves_passwords_alone():
    form = PinForm(data={"pin": "٤٢", "password": "كلمة٤٢"})
    assert form.is_valid()
    assert form.cleaned_data == {"pin": 42, "password": "كلمة٤٢"}


def test_health_worker_form_saves_phone_typed_in_arabic_indic_digits(
    kirkuk_auditor, kirkuk_facility
):
    form = HealthWorkerForm(data=worker_data(kirkuk_facility), for_user=kirkuk_auditor)
    assert form.is_valid(), form.errors
    assert form.save().phone == "07701234567"


def test_health_worker_form_warns_of_same_normalised_name_at_same_facility(
    kirkuk_auditor, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="احمد على الكركوكى", name_latin="")
    form = HealthWorkerForm(
        data=worker_data(kirkuk_facility, name_latin="A. Kirkuki"), for_user=kirkuk_auditor
    )
    assert not form.is_valid()
    assert "already in the registry" in str(form.non_field_errors())
    assert "احمد على الكركوكى" in str(form.non_field_errors())


def test_health_worker_form_saves_look_alike_once_confirmed_different(
    kirkuk_auditor, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="أحمد علي الكركوكي")
    data = worker_data(kirkuk_facility, different_person="on")
    form = HealthWorkerForm(data=data, for_user=kirkuk_auditor)
    assert form.is_valid(), form.errors
    form.save()
    assert HealthWorker.objects.filter(name_key="احمد علي الكركوكي").count() == 2


def test_health_worker_form_warns_of_same_national_id_elsewhere_in_scope(
    kirkuk_auditor, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, national_id="199012345678", name_ar="زيد")
    data = worker_data(kirkuk_facility, national_id="١٩٩٠١٢٣٤٥٦٧٨")
    form = HealthWorkerForm(data=data, for_user=kirkuk_auditor)
    assert not form.is_valid()
    assert "زيد" in str(form.non_field_errors())


def test_health_worker_form_offers_only_facilities_in_scope(
    kirkuk_auditor, kirkuk_facility, basra_facility
):
    form = HealthWorkerForm(data=worker_data(basra_facility), for_user=kirkuk_auditor)
    assert not form.is_valid()
    assert "facility" in form.errors
    assert list(form.fields["facility"].queryset) == [kirkuk_facility]


def test_health_worker_form_does_not_ask_again_when_only_the_phone_changes(
    kirkuk_auditor, kirkuk_facility
):
    HealthWorkerFactory(facility=kirkuk_facility, name_ar="أحمد علي الكركوكي")
    twin = HealthWorkerFactory(facility=kirkuk_facility, name_ar="أحمد علي الكركوكي")
    data = worker_data(
        kirkuk_facility, licence_number=twin.licence_number, name_latin=twin.name_latin
    )
    data["phone"] = "07800000000"
    form = HealthWorkerForm(data=data, instance=twin, for_user=kirkuk_auditor)
    assert form.is_valid(), form.errors
