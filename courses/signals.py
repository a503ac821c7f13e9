"""The signals `courses` sends to the apps above it (see ARCHITECTURE.md).

completion_recorded(sender=Completion, completion=<Completion>): sent after a completion is created
or changes. Receivers that start background work queue it with `transaction.on_commit`.

my_learning_sections(sender=HealthWorker, request=<HttpRequest>, health_worker=<HealthWorker>):
sent while a health worker's "My learning" page is built. Each receiver returns the HTML of a
section of its own (certificates: the holder's downloads), placed after the transcript, or "".
"""

from django.dispatch import Signal

completion_recorded = Signal()
my_learning_sections = Signal()
