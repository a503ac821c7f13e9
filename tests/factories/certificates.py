import factory
from factory.django import DjangoModelFactory

from certificates.models import CertificateTemplate, Signatory


class CertificateTemplateFactory(DjangoModelFactory):
    class Meta:
        model = CertificateTemplate
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Template {n}")
    layout = CertificateTemplate.Layout.EN_AR


class SignatoryFactory(DjangoModelFactory):
    class Meta:
        model = Signatory

    template = factory.SubFactory(CertificateTemplateFactory)
    name = "Dr. Saad Hassan"
    title = "Director of Training"
