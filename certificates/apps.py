from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from certificates.answers import answers_forget
        from certificates.merging import certificates_count
        from certificates.models import Certificate
        from certificates.receivers import certificate_follow_completion
        from courses.signals import completion_recorded
        from workforce.merging.movers import Mover, merge_mover_register

        merge_mover_register(Mover(name="certificates", counts=certificates_count))

        completion_recorded.connect(
            certificate_follow_completion, dispatch_uid="certificates-issue"
        )
        # Any change to any certificate makes every remembered verification answer stale.
        for signal in (post_save, post_delete):
            signal.connect(answers_forget, sender=Certificate, dispatch_uid="certificates-answers")
