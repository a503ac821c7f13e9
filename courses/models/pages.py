from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from courses.blocks import module_body_blocks


class HomePage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")


class CourseIndexPage(Page):
    """The course catalogue."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")


class CoursePage(Page):
    """A course: what is taught, to whom, for how many CME hours, and what completing it means.

    Completion rule (the ministry's): a participant completes when the share of sessions attended
    (present or late; excused too when `excused_counts_as_attended`) is at least
    `min_attendance_percent`, and, when the course has a `pass_mark_percent`, the post-test score is
    at least that mark. A missing post-test score fails a course that has a pass mark.
    """

    code = models.CharField(_("course code"), max_length=32)
    summary = models.TextField(_("summary"), blank=True)
    objectives = RichTextField(_("learning objectives"), blank=True)
    audience_cadres = ParentalManyToManyField(
        "workforce.Cadre", blank=True, related_name="courses", verbose_name=_("audience cadres")
    )
    topic = models.CharField(_("topic"), max_length=60, blank=True)
    cme_hours = models.DecimalField(
        _("CME credit hours"), max_digits=5, decimal_places=1, validators=[MinValueValidator(0)]
    )
    accrediting_body = models.CharField(_("accrediting body"), max_length=200, blank=True)
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"), default=100, validators=[MaxValueValidator(100)]
    )
    pass_mark_percent = models.PositiveSmallIntegerField(
        _("post-test pass mark (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty when the course has no post-test."),
    )
    excused_counts_as_attended = models.BooleanField(
        _("excused absences count as attended"), default=False
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("summary"),
        index.FilterField("topic"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("code"),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("audience_cadres"),
        FieldPanel("topic"),
        MultiFieldPanel(
            [
                FieldPanel("cme_hours"),
                FieldPanel("accrediting_body"),
                FieldPanel("min_attendance_percent"),
                FieldPanel("pass_mark_percent"),
                FieldPanel("excused_counts_as_attended"),
            ],
            heading=_("Credits and completion rule"),
        ),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")


class ModulePage(Page):
    body = StreamField(module_body_blocks, blank=True, verbose_name=_("content"))

    search_fields = [*Page.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("module")
