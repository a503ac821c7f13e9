"""The demo, built in numbered steps; each app contributes the steps for its own records."""

import random

from accounts import demo as accounts_demo
from certificates import demo as certificates_demo
from courses import content_demo, tracking_demo
from coverage import demo as coverage_demo
from workforce import demo as workforce_demo

DEMO_SEED = 20261122

STEPS = [
    ("1. reference places, facilities and health workers", workforce_demo.seed_workforce),
    ("2. demo users, one per role", workforce_demo.seed_users),
    ("3. the demo health worker reads Arabic", accounts_demo.seed_preferred_languages),
    ("3b. authenticators of the staff logins", accounts_demo.seed_second_factors),
    (
        "4. course catalogue, sections and three courses in three languages",
        content_demo.seed_courses,
    ),
    (
        "5. workshops in several governorates: closed, running today, to come",
        tracking_demo.seed_workshops,
    ),
    (
        "6. certificate templates and the certificates of closed workshops",
        certificates_demo.seed_certificates,
    ),
    ("7. coverage figures of all the above", coverage_demo.seed_coverage),
]


def demo_build(*, stdout, seed: int = DEMO_SEED) -> dict:
    """Build the whole demo from a fixed seed and return what the steps report (logins, counts)."""
    rng = random.Random(seed)
    report: dict = {"logins": []}
    for label, step in STEPS:
        stdout.write(f"{label} …")
        step(rng=rng, report=report)
    return report
