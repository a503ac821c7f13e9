"""The signals `courses` sends to the apps above it (see ARCHITECTURE.md).

completion_recorded(sender=Completion, completion=<Completion>): sent after a completion is created
or changes. Receivers that start background work queue it with `transaction.on_commit`.

scores_recorded(sender=AssessmentScore, enrolment_ids=<list of int>): sent from `scores_record`
inside its transaction when pre- or post-test scores were saved, changed or removed, with the
enrolments whose scores changed (coverage recomputes their score figures).

workshop_providers_changed(sender=Workshop, workshop=<Workshop>): sent after a workshop's lead
provider or partners change (coverage recomputes the cells of its completions per provider).

What higher apps add to courses' pages goes through Wagtail hooks, not signals (see
docs/architecture.md): `courses_my_learning_sections` (request, health_worker) -> HTML placed after
the transcript of My learning, and `courses_workshop_actions` (request, workshop) -> HTML of a link
on the workshop page; each returns "" to add nothing, in the order the hooks were registered with.
"""

from django.dispatch import Signal

completion_recorded = Signal()
scores_recorded = Signal()
workshop_providers_changed = Signal()
