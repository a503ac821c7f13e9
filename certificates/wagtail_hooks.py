from wagtail import hooks
from wagtail.snippets.models import register_snippet

from certificates import log_actions
from certificates.sections import my_learning_certificates, workshop_certificates_action
from certificates.viewsets import CertificateTemplateViewSet

register_snippet(CertificateTemplateViewSet)
hooks.register("register_log_actions", log_actions.register)
hooks.register("courses_workshop_actions", workshop_certificates_action, order=10)
hooks.register("courses_my_learning_sections", my_learning_certificates, order=10)
