import secrets

import factory
from factory.django import DjangoModelFactory

from field.models import Device
from field.services import token_hash
from tests.factories.workforce import UserFactory


class DeviceFactory(DjangoModelFactory):
    """An enrolled phone; its bearer token is kept on the object as `token` for the test."""

    class Meta:
        model = Device
        exclude = ("token",)

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Phone {n}")
    token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))
    token_prefix = factory.LazyAttribute(lambda o: o.token[:8])
    token_hash = factory.LazyAttribute(lambda o: token_hash(o.token))
