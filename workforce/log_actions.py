"""What the registry writes to Wagtail's log, with the labels the site history shows."""

from django.utils.translation import gettext_lazy as _

ACTIONS = (
    ("cme.role.assign", _("Assign role"), _("Role assigned")),
    ("cme.role.change", _("Change role"), _("Role changed")),
    ("cme.role.remove", _("Remove role"), _("Role removed")),
    ("cme.health_worker.merge", _("Merge duplicate records"), _("Duplicate record merged in")),
    ("cme.health_worker.unmerge", _("Undo a merge"), _("Merge undone")),
)


def register(actions) -> None:
    """Register the registry's log actions (the `register_log_actions` hook)."""
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)


def role_data(assignment) -> dict:
    """What a role assignment's log entry keeps: who, which role, over which place."""
    return {
        "user": assignment.user.get_username(),
        "role": assignment.role,
        "level": assignment.level,
        "place": assignment.scope_label,
    }
