from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates.receivers import certificate_follow_completion
        from courses.signals import completion_recorded

        completion_recorded.connect(
            certificate_follow_completion, dispatch_uid="certificates-issue"
        )
