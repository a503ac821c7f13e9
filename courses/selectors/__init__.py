"""Reads of the tracking side; every read on a user's behalf starts from a `visible_to` queryset.

`workshops` holds what trainers read (rosters, marks, scores, closing, history, sign-in sheets),
`learning` what a health worker reads (credits in the cycle, transcript), `joining` the
workshops a course page offers to join and a health worker's requests to join.
"""

from courses.selectors.cascades import (
    Cascade,
    cascade_for,
    cascade_masters,
    cascade_rows,
    workshop_trainers,
)
from courses.selectors.joining import (
    WorkshopToJoin,
    course_workshops_to_join,
    join_requests_for,
    join_requests_to_decide,
    places_left,
    workshops_to_join,
)
from courses.selectors.learning import (
    CYCLE_EPOCH_YEAR,
    CycleCredits,
    credits_in_cycle,
    credits_in_cycle_many,
    cycle_bounds,
    transcript_facts,
    transcript_for,
    upcoming_workshops_for,
)
from courses.selectors.workshops import (
    health_worker_history,
    registry_search,
    session_counts,
    session_marks,
    session_sign_in_facts,
    workshop_close_preview,
    workshop_history,
    workshop_knowledge_gain,
    workshop_roster,
    workshop_scores,
    workshops_for_trainer,
)

__all__ = [
    "Cascade",
    "cascade_for",
    "cascade_masters",
    "cascade_rows",
    "CYCLE_EPOCH_YEAR",
    "CycleCredits",
    "WorkshopToJoin",
    "course_workshops_to_join",
    "credits_in_cycle",
    "credits_in_cycle_many",
    "cycle_bounds",
    "health_worker_history",
    "join_requests_for",
    "join_requests_to_decide",
    "places_left",
    "registry_search",
    "session_counts",
    "session_marks",
    "session_sign_in_facts",
    "transcript_facts",
    "transcript_for",
    "upcoming_workshops_for",
    "workshop_close_preview",
    "workshop_history",
    "workshop_knowledge_gain",
    "workshop_roster",
    "workshop_scores",
    "workshops_for_trainer",
    "workshop_trainers",
    "workshops_to_join",
]
