from django.db import models
from django.utils.translation import gettext_lazy as _


class ScopeCollection(models.Model):
    """The Wagtail collection holding one scope's documents and images.

    One per governorate, and one with no governorate: the national collection. Trainers add and
    edit documents and images only in the collections of their scope (see courses/collections.py).
    """

    collection = models.OneToOneField(
        "wagtailcore.Collection",
        on_delete=models.CASCADE,
        related_name="scope",
        verbose_name=_("collection"),
    )
    governorate = models.OneToOneField(
        "workforce.Governorate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("governorate"),
    )

    class Meta:
        verbose_name = _("collection of a scope")
        verbose_name_plural = _("collections of scopes")

    def __str__(self) -> str:
        return str(self.collection)
