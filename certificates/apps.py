from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates.receivers import certificate_follow_completion
        from certificates.sections import my_learning_certificates
        from courses.signals import completion_recorded, my_learning_sections

        completion_recorded.connect(
            certificate_follow_completion, dispatch_uid="certificates-issue"
        )
        my_learning_sections.connect(my_learning_certificates, dispatch_uid="certificates-mine")
