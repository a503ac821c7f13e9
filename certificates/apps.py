from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from certificates.sections import my_learning_certificates
        from certificates.services import on_completion_recorded
        from courses.signals import completion_recorded, my_learning_sections

        completion_recorded.connect(on_completion_recorded, dispatch_uid="certificates-issue")
        my_learning_sections.connect(my_learning_certificates, dispatch_uid="certificates-mine")
