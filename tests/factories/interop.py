import datetime

from django.utils import timezone

from interop.partners.services import partner_key_create


def partner_key(*, organisation="UNICEF Iraq", level="national", days=30, actor=None, **scope):
    """A partner key issued as the admin issues it; returns the key and its secret."""
    return partner_key_create(
        actor=actor,
        organisation=organisation,
        expires_at=timezone.now() + datetime.timedelta(days=days),
        level=level,
        **scope,
    )


def dhis2_connection(*, name="MoH DHIS2", token="d2p_sample-token"):  # noqa: S107 (a sample)
    """A DHIS2 connection as a national administrator saves it, its token sealed."""
    from interop.dhis2.secrets import token_seal
    from interop.models import Dhis2Connection

    return Dhis2Connection.objects.create(
        name=name,
        base_url="https://dhis2.example.iq",
        data_set="pBOMPrpg1QX",
        token_encrypted=token_seal(token),
    )


def dhis2_mapping(*, connection, code="TRI", element="CME_TRAINED_TRI"):
    """One course × cadre → data element row of a connection."""
    from interop.models import Dhis2Mapping
    from tests.factories.courses import course_page
    from tests.factories.workforce import cadre

    return Dhis2Mapping.objects.create(
        connection=connection,
        course=course_page(title="Triage", code=code),
        cadre=cadre("nurse"),
        data_element=element,
    )
