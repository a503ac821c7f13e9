import io

import factory
from factory.django import DjangoModelFactory

from django.core.files.base import ContentFile

from workforce.models import Provider


def png(*, colour=(0, 114, 188), size=(64, 64)) -> bytes:
    """A small solid PNG: a logo that is really an image."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


class ProviderFactory(DjangoModelFactory):
    class Meta:
        model = Provider

    code = factory.Sequence(lambda n: f"prov-{n}")
    name_en = factory.Sequence(lambda n: f"Provider {n}")
    name_ar = factory.Sequence(lambda n: f"جهة {n}")
    name_ckb = factory.Sequence(lambda n: f"دامەزراوە {n}")
    kind = Provider.Kind.NGO


def provider_with_logo(**fields) -> Provider:
    """A provider whose logo is stored where the site stores logos."""
    provider = ProviderFactory(**fields)
    provider.logo.save(f"{provider.code}.png", ContentFile(png()), save=True)
    return provider
