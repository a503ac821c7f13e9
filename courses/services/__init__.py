"""Writes of the tracking side: workshops, rosters, attendance, scores, completions and claims.

Every create, change and delete of an enrolment, attendance mark, score, completion or claim goes
through `history_record`, so the history shown on a workshop and on a health worker's record is
complete. Who may call a service is decided by the caller through the scoped querysets.
"""

from courses.services.attendance import qr_check_in, walk_in_request_decide
from courses.services.claims import external_activity_claim, external_activity_review
from courses.services.completion import (
    completion_evaluate,
    completion_override,
    completion_rule_outcome,
    completion_validity_refresh,
    completions_evaluate,
    score_set,
    scores_record,
)
from courses.services.history import history_record, snapshot
from courses.services.joining import join_request_create, join_request_decide, workshop_joinable
from courses.services.marks import (
    MarkOutcome,
    MarkWanted,
    attendance_mark,
    attendance_marks_record,
)
from courses.services.roster import (
    enrolment_add,
    enrolment_withdraw,
    enrolments_add,
    external_participant_add,
    pending_walk_in_decide,
    walk_in_add,
)
from courses.services.trainers import (
    lead_allowed,
    lead_qualification,
    lead_waiver_record,
    needs_qualified_lead,
    trainer_candidates,
    trainer_qualification_record,
    workshop_lead_set,
    workshop_trainer_add,
    workshop_trainer_remove,
)
from courses.services.workshops import (
    session_update,
    workshop_close,
    workshop_create,
    workshop_providers_set,
    workshop_status_set,
)

__all__ = [
    "MarkOutcome",
    "MarkWanted",
    "attendance_mark",
    "attendance_marks_record",
    "completion_evaluate",
    "completion_override",
    "completion_rule_outcome",
    "completion_validity_refresh",
    "completions_evaluate",
    "enrolment_add",
    "enrolment_withdraw",
    "enrolments_add",
    "external_participant_add",
    "pending_walk_in_decide",
    "join_request_create",
    "join_request_decide",
    "workshop_joinable",
    "external_activity_claim",
    "external_activity_review",
    "history_record",
    "qr_check_in",
    "score_set",
    "scores_record",
    "session_update",
    "snapshot",
    "lead_allowed",
    "lead_qualification",
    "lead_waiver_record",
    "needs_qualified_lead",
    "trainer_candidates",
    "trainer_qualification_record",
    "workshop_lead_set",
    "workshop_trainer_add",
    "workshop_trainer_remove",
    "walk_in_add",
    "walk_in_request_decide",
    "workshop_close",
    "workshop_create",
    "workshop_providers_set",
    "workshop_status_set",
]
