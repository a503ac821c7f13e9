from django.db import models
from django.utils.translation import gettext_lazy as _

from workforce.logos import logo_validate
from workforce.models.translated import TranslatedNameMixin


class ProviderKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry")
    UN_AGENCY = "un_agency", _("UN agency")
    NGO = "ngo", _("NGO")
    UNIVERSITY = "university", _("University")
    OTHER = "other", _("Other")


class ProviderQuerySet(models.QuerySet):
    def visible_to(self, user, *, roles=None):
        """Providers are national reference data: every reader sees them all."""
        return self.all()


class Provider(TranslatedNameMixin):
    """An organisation that runs or partners in workshops: a ministry, WHO, IOM, an NGO.

    Its logo is printed on certificates and transcripts, so it is published content kept in public
    storage, and bounded when uploaded (workforce.logos).
    """

    Kind = ProviderKind

    code = models.SlugField(_("short code"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=ProviderKind.choices)
    logo = models.ImageField(
        _("logo"),
        upload_to="providers/",
        blank=True,
        validators=[logo_validate],
        help_text=_("PNG or JPEG, at most 1 MB; printed small on certificates."),
    )

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("training provider")
        verbose_name_plural = _("training providers")
