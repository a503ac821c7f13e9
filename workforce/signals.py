"""The signals `workforce` sends to the apps above it (see docs/architecture.md).

role_assignment_changed(sender=RoleAssignment, user=<User>): sent from the body of each service
that hands out, changes or removes a staff role (`role_assign`, `role_assignment_update`,
`role_unassign`), once per user whose roles changed, inside the service's transaction. Courses
keeps the user's Wagtail page and collection permission groups in step with their roles.
"""

from django.dispatch import Signal

role_assignment_changed = Signal()

# health_workers_merged(sender=HealthWorker, survivor=<HealthWorker>, merged=<HealthWorker>,
# facility_ids=<set of int>, undone=<bool>): sent from `health_worker_merge` and
# `health_worker_merge_undo` (workforce.merging.services) inside their transaction, after every
# row moved or came back. `facility_ids` are both records' facilities before and after. Coverage
# recomputes the cells of those facilities and the head counts, so the person counts once.
health_workers_merged = Signal()

# health_worker_moved(sender=HealthWorker, worker=<HealthWorker>, facility_ids=<set of int>): sent
# from `HealthWorker.save`, which every writer that saves a record passes (today the registry's
# edit form: it has no service of its own), inside the writer's transaction, when the facility
# changed; `facility_ids` are the one before and the one after. Coverage recomputes the cells of
# both for every course the person completed, so their training counts where they work now.
health_worker_moved = Signal()
