"""The signals `workforce` sends to the apps above it (see docs/architecture.md).

role_assignment_changed(sender=RoleAssignment, user=<User>): sent from the body of each service
that hands out, changes or removes a staff role (`role_assign`, `role_assignment_update`,
`role_unassign`), once per user whose roles changed, inside the service's transaction. Courses
keeps the user's Wagtail page and collection permission groups in step with their roles.
"""

from django.dispatch import Signal

role_assignment_changed = Signal()
