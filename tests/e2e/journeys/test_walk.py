"""Every page a role reaches, in Arabic and Kurdish on a 360 px phone, passes a reader's checks.

One walk per (role, language) visits every page once; each check is then its own test, and a page
with a known problem has its own strict xfail naming it (remove the entry once it is fixed).
"""

import json
import os

import pytest

from tests.e2e.journeys.known import KNOWN
from tests.e2e.journeys.walk import CHECKS, ROLES, walk

LANGUAGES = ["ar", "ckb"]


@pytest.fixture(scope="module")
def walks():
    """Findings of each (role, language) walk, made on first use."""
    return {}


@pytest.fixture
def findings(walks, open_page, request):
    def get(role: str, language: str) -> dict:
        if (role, language) not in walks:
            walks[role, language] = walk(open_page(language), role, language)
            if report := os.environ.get("WALK_REPORT"):  # every finding, to read or list in KNOWN
                with open(report, "a") as out:
                    out.write(json.dumps([role, language, walks[role, language]]) + "\n")
        return walks[role, language]

    return get


def _cases():
    for role in ROLES:
        for language in LANGUAGES:
            for check in CHECKS:
                yield pytest.param(role, language, check, id=f"{role}-{language}-{check}")


@pytest.mark.parametrize(("role", "language", "check"), list(_cases()))
def test_every_page_the_role_reaches_passes_the_check(findings, role, language, check):
    found = findings(role, language)
    assert len(found) >= 3, f"{role} reached only {sorted(found)}"
    failing = {
        name: problems[check]
        for name, problems in found.items()
        if problems.get(check) and (role, language, name, check) not in KNOWN
    }
    if failing:
        lines = [f"{name}: {'; '.join(map(str, problems))}" for name, problems in failing.items()]
        pytest.fail(
            f"{check} on {len(failing)} pages of {role} in {language}:\n" + "\n".join(lines)
        )


def _known_cases():
    for (role, language, name, check), reason in KNOWN.items():
        yield pytest.param(
            role,
            language,
            name,
            check,
            id=f"{role}-{language}-{name}-{check}",
            marks=pytest.mark.xfail(strict=True, reason=reason),
        )


@pytest.mark.parametrize(("role", "language", "name", "check"), list(_known_cases()))
def test_a_page_with_a_known_problem_passes_the_check(findings, role, language, name, check):
    found = findings(role, language)
    assert name in found, f"{name} is no longer reached by {role}"
    assert found[name].get(check) == []
