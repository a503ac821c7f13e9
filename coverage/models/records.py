from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


class CoverageExport(models.Model):
    """A large export built in the background; only the user who asked may download it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coverage_exports"
    )
    view = models.CharField(_("view"), max_length=20)
    file_format = models.CharField(_("format"), max_length=4)
    query = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    language = models.CharField(max_length=8, default="en")
    file = models.FileField(storage=private_storage, upload_to="coverage-exports/", blank=True)
    rows = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("coverage export")
        verbose_name_plural = _("coverage exports")

    def __str__(self) -> str:
        return f"{self.view}.{self.file_format} · {self.user}"


class ReportSubscription(models.Model):
    """An auditor who receives the monthly coverage report of their scope by email."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coverage_subscription"
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ar"
    )
    is_active = models.BooleanField(_("active"), default=True)
    last_sent_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("monthly report subscription")
        verbose_name_plural = _("monthly report subscriptions")

    def __str__(self) -> str:
        return str(self.user)
