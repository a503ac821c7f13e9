from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateTemplate(models.Model):
    """How a certificate looks: layout, titles per language, colours (a Wagtail snippet)."""

    class Layout(models.TextChoices):
        EN_AR = "en_ar", _("English with Arabic")
        EN_CKB = "en_ckb", _("English with Kurdish")
        EN = "en", _("English only")
        AR = "ar", _("Arabic only")
        CKB = "ckb", _("Kurdish only")

    name = models.CharField(_("name"), max_length=100, unique=True)
    layout = models.CharField(
        _("layout"), max_length=8, choices=Layout.choices, default=Layout.EN_AR
    )
    title_en = models.CharField(
        _("title (English)"), max_length=200, default="Certificate of Completion"
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, default="شهادة إتمام")
    title_ckb = models.CharField(
        _("title (Kurdish)"), max_length=200, default="بڕوانامەی تەواوکردن"
    )
    accent_colour = models.CharField(_("accent colour"), max_length=7, default="#0b6e4f")

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.name
