"""Every chooser of the project speaks the admin's language: its buttons and its menu's items."""

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.admin.viewsets import viewsets as registry
from wagtail.admin.viewsets.chooser import ChooserViewSet

LABELS = ("choose_one_text", "choose_another_text", "link_to_chosen_text")


def _project_choosers():
    reverse("wagtailadmin_home")  # Wagtail registers its viewsets when the admin's URLs load
    return [
        viewset
        for viewset in registry.viewsets
        if isinstance(viewset, ChooserViewSet)
        and not type(viewset).__module__.startswith("wagtail")  # Wagtail's own
    ]


def test_the_project_has_choosers_to_walk():
    assert _project_choosers()


@pytest.mark.parametrize("language", ["ar", "ckb"])
@pytest.mark.parametrize("label", LABELS)
def test_every_chooser_label_is_translated(label, language):
    for viewset in _project_choosers():
        widget = viewset.widget_class
        with translation.override("en"):
            english = str(getattr(widget, label))
        with translation.override(language):
            shown = str(getattr(widget, label))
        assert shown != english, (viewset.name, label, english)
