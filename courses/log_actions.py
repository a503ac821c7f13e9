"""What the tracking side writes to Wagtail's log, with the labels the site history shows."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter

from courses.models.workshops import WorkshopStatus


class WorkshopStatusChanged(LogFormatter):
    label = _("Change workshop status")

    def format_message(self, log_entry):
        labels = dict(WorkshopStatus.choices)
        data = log_entry.data or {}
        return _("Status changed from “%(old)s” to “%(new)s”") % {
            "old": labels.get(data.get("old"), data.get("old")),
            "new": labels.get(data.get("new"), data.get("new")),
        }


class SessionChanged(LogFormatter):
    label = _("Edit session")

    def format_message(self, log_entry):
        return _("Session of %(date)s changed") % {"date": (log_entry.data or {}).get("date")}


ACTIONS = (
    ("cme.workshop.create", _("Schedule workshop"), _("Workshop scheduled")),
    ("cme.workshop.reopen", _("Reopen workshop"), _("Workshop reopened")),
    ("cme.workshop.lead", _("Set lead trainer"), _("Lead trainer set")),
    (
        "cme.workshop.lead_waiver",
        _("Waive trainer qualification"),
        _("Lead trainer waiver recorded"),
    ),
    ("cme.workshop.trainer_add", _("Add trainer"), _("Trainer added")),
    ("cme.workshop.trainer_remove", _("Remove trainer"), _("Trainer removed")),
    ("cme.workshop.providers", _("Change workshop providers"), _("Providers changed")),
)


def register(actions) -> None:
    """Register the tracking side's log actions (the `register_log_actions` hook)."""
    for action, label, message in ACTIONS:
        actions.register_action(action, label, message)
    actions.register_action("cme.workshop.status")(WorkshopStatusChanged)
    actions.register_action("cme.session.edit")(SessionChanged)
