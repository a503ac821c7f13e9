from django.db import models
from django.utils.translation import gettext_lazy as _

from workforce.models.translated import TranslatedNameMixin
from workforce.names import name_normalise
from workforce.scope import ScopedQuerySet


class Region(models.TextChoices):
    FEDERAL = "federal", _("Federal Iraq")
    KRI = "kri", _("Kurdistan Region")


class GovernorateQuerySet(ScopedQuerySet):
    # A place above a facility: a directorate or facility scope sees the governorate it lies in.
    scope_paths = {
        "region": "region",
        "governorate": "pk",
        "directorate": "directorates",
        "facility": "facilities",
    }
    scope_through_many = True


class Governorate(TranslatedNameMixin):
    code = models.CharField(_("code"), max_length=8, unique=True)
    iso_3166_2 = models.CharField(_("ISO 3166-2"), max_length=8, blank=True)
    region = models.CharField(_("region"), max_length=8, choices=Region.choices)

    objects = GovernorateQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("governorate")
        verbose_name_plural = _("governorates")


class DirectorateQuerySet(ScopedQuerySet):
    # A place above a facility: a facility scope sees the directorate it lies in.
    scope_paths = {
        "region": "governorate__region",
        "governorate": "governorate",
        "directorate": "pk",
        "facility": "facilities",
    }
    scope_through_many = True


class Directorate(TranslatedNameMixin):
    code = models.CharField(_("code"), max_length=12, unique=True)
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        related_name="directorates",
        verbose_name=_("governorate"),
    )

    objects = DirectorateQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("health directorate")
        verbose_name_plural = _("health directorates")


class FacilityKind(models.TextChoices):
    HOSPITAL = "hospital", _("Hospital")
    PHC_CENTRE = "phc", _("Primary health care centre")
    PHC_BRANCH = "phc_branch", _("Primary health care branch")
    MOBILE_CLINIC = "mobile", _("Mobile clinic")
    SPECIALISED_CENTRE = "specialised", _("Specialised centre")
    LABORATORY = "laboratory", _("Laboratory")
    BLOOD_BANK = "blood_bank", _("Blood bank")
    TRAINING_CENTRE = "training", _("Training centre")
    DIRECTORATE_OFFICE = "office", _("Directorate office")


def facility_search_key(facility) -> str:
    """What search compares: the English, Arabic and Kurdish names, normalised, one string."""
    names = (facility.name_en, facility.name_ar, facility.name_ckb, facility.code)
    return " | ".join(name_normalise(name) for name in names)


class FacilityQuerySet(ScopedQuerySet):
    scope_via = ""  # a facility itself


class Facility(TranslatedNameMixin):
    """A place where health workers work and workshops are held.

    `governorate` repeats `directorate.governorate` so that scope and coverage queries filter on one
    column; `clean()` keeps the two in agreement.
    """

    Kind = FacilityKind

    code = models.CharField(_("code"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=FacilityKind.choices)
    directorate = models.ForeignKey(
        Directorate,
        on_delete=models.PROTECT,
        related_name="facilities",
        verbose_name=_("directorate"),
    )
    governorate = models.ForeignKey(
        Governorate,
        on_delete=models.PROTECT,
        related_name="facilities",
        verbose_name=_("governorate"),
    )
    beds = models.PositiveIntegerField(_("beds"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    # The three names, normalised, for search in any script (see workforce.names).
    search_key = models.CharField(max_length=620, editable=False, blank=True)

    objects = FacilityQuerySet.as_manager()

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def save(self, *args, **kwargs):
        self.search_key = facility_search_key(self)
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.directorate_id and self.governorate_id != self.directorate.governorate_id:
            raise ValidationError({"directorate": _("The directorate is in another governorate.")})
