from tests.field.conftest import (  # noqa: F401  the same trainer, phone and workshop
    bearer,
    device,
    device_and_token,
    enrolment,
    national_admin,
    other_trainer,
    token,
    trainer,
    workshop,
)
