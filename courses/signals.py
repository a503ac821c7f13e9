"""The signals `courses` sends to the apps above it (see ARCHITECTURE.md).

completion_recorded(sender=Completion, completion=<Completion>): sent after a completion is created
or changes. Receivers that start background work queue it with `transaction.on_commit`.
"""

from django.dispatch import Signal

completion_recorded = Signal()
