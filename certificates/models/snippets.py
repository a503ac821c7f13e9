from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin


class CertificateTemplate(PreviewableMixin, ClusterableModel):
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
    issuer_en = models.CharField(
        _("issuer (English)"), max_length=200, default="Ministry of Health", blank=True
    )
    issuer_ar = models.CharField(
        _("issuer (Arabic)"), max_length=200, default="وزارة الصحة", blank=True
    )
    issuer_ckb = models.CharField(
        _("issuer (Kurdish)"), max_length=200, default="وەزارەتی تەندروستی", blank=True
    )
    accent_colour = models.CharField(_("accent colour"), max_length=7, default="#0b6e4f")
    logo_start = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo (left)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    logo_end = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo (right)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; drawn under everything, stretched to the A4 landscape page."),
    )
    is_default = models.BooleanField(
        _("default template"),
        default=False,
        help_text=_("Used for courses that have not chosen a template."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("layout"), FieldPanel("is_default")]),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("title_ar"), FieldPanel("title_ckb")],
            heading=_("Titles"),
        ),
        MultiFieldPanel(
            [FieldPanel("issuer_en"), FieldPanel("issuer_ar"), FieldPanel("issuer_ckb")],
            heading=_("Issuer"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("accent_colour"),
                FieldPanel("logo_start"),
                FieldPanel("logo_end"),
                FieldPanel("background"),
            ],
            heading=_("Look"),
        ),
        InlinePanel("signatories", label=_("Signatories"), max_num=3),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_template"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def preview_modes(self):
        return [("", _("Certificate with sample data (PDF)"))]

    def serve_preview(self, request, mode_name):
        """The admin preview: this template drawn with a sample holder and course."""
        from django.http import HttpResponse

        from certificates.selectors import certificate_sample_pdf

        return HttpResponse(certificate_sample_pdf(template=self), content_type="application/pdf")


class Signatory(Orderable):
    """A person who signs the certificates of a template."""

    template = ParentalKey(
        CertificateTemplate, on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("title"), FieldPanel("signature")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self) -> str:
        return self.name
