"""The demo, built in numbered steps: one module of this app per product app's records."""

import random

from demo import accounts as accounts_demo
from demo import cascades as cascades_demo
from demo import certificates as certificates_demo
from demo import content as content_demo
from demo import coverage as coverage_demo
from demo import merging as merging_demo
from demo import notices as notices_demo
from demo import providers as providers_demo
from demo import renewals as renewals_demo
from demo import tracking as tracking_demo
from demo import workforce as workforce_demo

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
    (
        "6a. training providers, and a WHO + ministry oxygen workshop with external participants",
        providers_demo.seed_providers,
    ),
    (
        "6b. renewals: oxygen certificates valid two years, some expiring soon, some expired",
        renewals_demo.seed_renewals,
    ),
    (
        "6c. a training-of-trainers cascade: WHO's OXY-TOT graduates lead OXY-101 in three"
        " governorates",
        cascades_demo.seed_cascade,
    ),
    (
        "6d. a duplicate record merged, its old licence kept as an alias",
        merging_demo.seed_merged_duplicate,
    ),
    ("7. coverage figures of all the above", coverage_demo.seed_coverage),
    ("8. the day's reminders and notices, one reader without SMS", notices_demo.seed_notices),
]


def demo_build(*, stdout, seed: int = DEMO_SEED) -> dict:
    """Build the whole demo from a fixed seed and return what the steps report (logins, counts)."""
    rng = random.Random(seed)
    report: dict = {"logins": []}
    for label, step in STEPS:
        stdout.write(f"{label} …")
        step(rng=rng, report=report)
    return report
