"""The signals `certificates` sends to the apps above it (see ARCHITECTURE.md).

certificate_recorded(sender=Certificate, certificate=<Certificate>, action=<str>): sent from the
body of the service that issued, revoked, re-issued (sent for the old and for the new
certificate) or withdrew a certificate, inside its transaction. `action` is one of "issued",
"revoked", "superseded", "withdrawn". Receivers queue their work with `transaction.on_commit`, so
they see the certificate as committed and a rolled-back change sends them nothing.
"""

from django.dispatch import Signal

certificate_recorded = Signal()
