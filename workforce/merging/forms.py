"""The form of a merge: for each field the two records disagree on, which value the person keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workforce.merging.services import MERGED, SURVIVOR

NO_VALUE = _("(empty)")


class MergeChoiceForm(forms.Form):
    """One radio choice per differing field; fields both records agree on need no choice."""

    def __init__(self, *args, compared, **kwargs):
        super().__init__(*args, **kwargs)
        self.compared = compared
        for field in compared:
            if not field.differs:
                continue
            self.fields[field.name] = forms.ChoiceField(
                label=field.label,
                choices=[
                    (SURVIVOR, field.survivor or NO_VALUE),
                    (MERGED, field.merged or NO_VALUE),
                ],
                initial=field.default,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose the value to keep."),
                    "invalid_choice": _("Choose one of the two values shown."),
                },
            )

    def choices(self) -> dict[str, str]:
        """The chosen record for each differing field (call after is_valid)."""
        return dict(self.cleaned_data)
