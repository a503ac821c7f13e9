"""The queryset twin of `scope_within_own` agrees with it for every pair of scopes."""

import pytest

from tests.factories.workforce import FacilityFactory, RoleAssignmentFactory, directorate
from workforce.authority import assignments_within_own, scope_within_own
from workforce.models import RoleAssignment

pytestmark = pytest.mark.django_db


def _every_scope() -> list[dict]:
    """Each level over Kirkuk, Basra and Erbil (two facilities in Kirkuk)."""
    kirkuk, basra, erbil = directorate("KIR"), directorate("BAS"), directorate("ERB")
    facilities = [FacilityFactory(directorate=place) for place in (kirkuk, kirkuk, basra, erbil)]
    scopes = [{"level": "national"}, {"level": "region", "region": "federal"}]
    scopes += [{"level": "region", "region": "kri"}]
    for place in (kirkuk, basra, erbil):
        scopes += [{"level": "governorate", "governorate": place.governorate}]
        scopes += [{"level": "directorate", "directorate": place}]
    return scopes + [{"level": "facility", "facility": facility} for facility in facilities]


def _one_role_at_every_scope(role: str, scopes: list[dict]) -> list[RoleAssignment]:
    return [RoleAssignmentFactory(role=role, **scope) for scope in scopes]


def test_the_query_finds_exactly_the_assignments_the_rule_accepts_for_each_administrator():
    scopes = _every_scope()
    trainers = _one_role_at_every_scope("trainer", scopes)
    administrators = _one_role_at_every_scope("administrator", scopes)
    disagreements = []
    for admin in administrators:
        found = set(assignments_within_own(admin.user).filter(role="trainer"))
        expected = {
            role for role in trainers if scope_within_own(actor=admin.user, assignment=role)
        }
        if found != expected:
            disagreements.append((admin.scope_label, found ^ expected))
    assert disagreements == []
    # The walk is not empty: a facility administrator covers that facility's trainer only.
    assert list(assignments_within_own(administrators[-1].user).filter(role="trainer")) == [
        trainers[-1]
    ]


def test_a_user_without_an_administrator_role_covers_nobody():
    trainers = _one_role_at_every_scope("trainer", [{"level": "national"}])
    assert not assignments_within_own(trainers[0].user).exists()
