from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoverageConfig(AppConfig):
    name = "coverage"
    verbose_name = _("Training coverage")

    def ready(self):
        from certificates.signals import certificate_recorded
        from courses.signals import (
            completion_recorded,
            scores_recorded,
            workshop_providers_changed,
        )
        from coverage.receivers import (
            refresh_after_certificate,
            refresh_after_completion,
            refresh_after_merge,
            refresh_after_move,
            refresh_after_scores,
            refresh_after_workshop_providers,
        )
        from workforce.signals import health_worker_moved, health_workers_merged

        completion_recorded.connect(refresh_after_completion, dispatch_uid="coverage-refresh")
        scores_recorded.connect(refresh_after_scores, dispatch_uid="coverage-refresh-scores")
        health_workers_merged.connect(refresh_after_merge, dispatch_uid="coverage-refresh-merge")
        health_worker_moved.connect(refresh_after_move, dispatch_uid="coverage-refresh-move")
        certificate_recorded.connect(
            refresh_after_certificate, dispatch_uid="coverage-refresh-certificates"
        )
        workshop_providers_changed.connect(
            refresh_after_workshop_providers, dispatch_uid="coverage-refresh-providers"
        )
