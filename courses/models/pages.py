"""The course pages of the catalogue: the course index, a course and its modules (Wagtail pages).

Over 300 lines because a course page holds its completion rule, credit hours, audience, handouts
and the views Wagtail serves from it (offline pack, handouts), which share its fields.
"""

from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from courses.blocks import module_body_blocks
from courses.fallback import fallback_locales


def login_redirect(next_url: str):
    """To the login page and back (the login URL's name is settled by the accounts work)."""
    try:
        return redirect_to_login(next_url)
    except NoReverseMatch:
        return redirect_to_login(next_url, login_url="accounts:login")


class FallbackRouteMixin:
    """Serves the fallback language's page under /ar/ or /ckb/ when a child has no translation yet.

    The reader keeps their language prefix (and the interface in their language); the page itself
    shows a notice that its text is not translated yet.
    """

    def route(self, request, path_components):
        if path_components and not getattr(request, "_cme_fell_back", False):
            # Wagtail starts at the English home when the reader's language has none: start at
            # the first fallback language that has one instead.
            preferred = self.localized
            if preferred.pk != self.pk:
                return preferred.specific.route(request, path_components)
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
            request._cme_fell_back = True  # from here on only forward along the fallbacks
            for locale in _stand_in_locales(self):
                source = self.get_translation_or_none(locale)
                if source is None:
                    continue
                try:
                    return source.specific.route(request, path_components)
                except Http404:
                    continue
            raise

    @property
    def localized(self):
        """The page in the reader's language, else in the first of its fallbacks that has it."""
        localized = super().localized
        active = _active_locale()
        if active is None or localized.locale_id == active.pk:
            return localized
        for locale in fallback_locales(active.language_code):
            if locale.pk == self.locale_id:
                return self
            candidate = self.get_translation_or_none(locale)
            if candidate is not None and candidate.live:
                return candidate
        return localized


def _active_locale() -> Locale | None:
    try:
        return Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return None


def _stand_in_locales(page) -> list[Locale]:
    """The languages to try after the page's own, in the reader's fallback order, never back."""
    active = _active_locale()
    chain = [active, *fallback_locales(active.language_code)] if active else []
    ids = [locale.pk for locale in chain]
    if page.locale_id in ids:
        return chain[ids.index(page.locale_id) + 1 :]
    return fallback_locales(page.locale.language_code)


class HomePage(FallbackRouteMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import catalogue_courses

        context = super().get_context(request, *args, **kwargs)
        catalogue = self.get_children().live().type(CourseIndexPage).first()
        context["catalogue"] = catalogue
        if catalogue is not None:
            context["courses"] = catalogue_courses(catalogue=catalogue.specific)[:6]
        return context


class CourseIndexPage(FallbackRouteMixin, Page):
    """The course catalogue: every course below it, filtered by cadre, topic, language or words."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.HomePage"]
    subpage_types = ["courses.CourseSectionPage", "courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import catalogue_context

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue_context(catalogue=self, params=request.GET))
        return context


class CourseSectionPage(FallbackRouteMixin, Page):
    """A part of the catalogue owned by one governorate's trainers (their page-permission scope)."""

    intro = RichTextField(_("introduction"), blank=True)
    governorate = models.ForeignKey(
        "workforce.Governorate",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="course_sections",
        verbose_name=_("governorate"),
        help_text=_("Trainers of this governorate write the courses of this section."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("governorate")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("catalogue section")

    def serve(self, request, *args, **kwargs):
        catalogue = self.get_parent().specific
        return redirect(f"{catalogue.get_url(request)}?section={self.pk}")


class CoursePage(RoutablePageMixin, FallbackRouteMixin, Page):
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
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("certificate template"),
        help_text=_("Leave empty to use the ministry's default certificate template."),
    )
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave empty when a completion never expires (e.g. 24 for two years)."),
    )
    # Training of trainers (docs/programmes.md): completing this course qualifies a person to lead
    # the workshops of `trainer_course_of`.
    trainer_course_of = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trainer_courses",
        verbose_name=_("qualifies trainers of"),
        help_text=_(
            "Completing this course makes a person a qualified trainer of the course chosen "
            "here; only qualified trainers lead its workshops."
        ),
    )
    qualification_months = models.PositiveSmallIntegerField(
        _("trainer qualification valid for (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
        help_text=_("Leave empty when the trainer qualification does not expire."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("code"),
        index.SearchField("summary"),
        index.SearchField("objectives"),
        index.SearchField("topic"),
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
                FieldPanel("certificate_template"),
                FieldPanel("validity_months"),
            ],
            heading=_("Credits and completion rule"),
        ),
        MultiFieldPanel(
            [FieldPanel("trainer_course_of"), FieldPanel("qualification_months")],
            heading=_("Training of trainers"),
        ),
    ]
    parent_page_types = ["courses.CourseIndexPage", "courses.CourseSectionPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import course_modules_for_reader
        from courses.packs import pack_ready
        from courses.selectors import course_workshops_to_join
        from workforce.models import HealthWorker

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = course_modules_for_reader(course=self)
        worker = (
            HealthWorker.objects.filter(user=request.user).first()
            if request.user.is_authenticated
            else None
        )
        context["reader_worker"] = worker
        context["workshops"] = course_workshops_to_join(course=self, health_worker=worker)
        context["pack"] = pack_ready(course=self) if request.user.is_authenticated else None
        return context

    @path("offline/", name="offline")
    def offline(self, request):
        """Starts (or finds) the offline pack of this course in the reader's language."""
        return require_POST(self._offline_request)(request)

    def _offline_request(self, request):
        from courses.packs import pack_request

        if not request.user.is_authenticated:
            return login_redirect(self.get_url(request))
        status = pack_request(course=self, user=request.user)
        download = self.reverse_subpage("offline_download")
        payload = {
            "ready": status.ready,
            "job": status.job_id or "",
            "status_url": reverse("jobs:status", args=[status.job_id]) if status.job_id else "",
            "url": f"{self.get_url(request)}{download}" if status.ready else "",
        }
        if request.headers.get("Accept", "").startswith("application/json"):
            return JsonResponse(payload)
        return redirect(payload["url"] or self.get_url(request))

    @path("offline/download/", name="offline_download")
    def offline_download(self, request):
        """The built pack as a zip; 404 until it exists."""
        from courses.packs import pack_ready

        if not request.user.is_authenticated:
            return login_redirect(request.get_full_path())
        pack = pack_ready(course=self)
        if pack is None:
            raise Http404
        return FileResponse(pack.open(), as_attachment=True, filename=pack.filename)


class ModulePage(Page):
    body = StreamField(module_body_blocks, blank=True, verbose_name=_("content"))

    search_fields = [*Page.search_fields, index.SearchField("body")]
    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("module")

    def get_context(self, request, *args, **kwargs):
        from courses.catalogue import course_for_reader, course_modules_for_reader

        context = super().get_context(request, *args, **kwargs)
        course = course_for_reader(course=self.get_parent().specific)
        modules = course_modules_for_reader(course=course)
        keys = [module.translation_key for module in modules]
        position = keys.index(self.translation_key) if self.translation_key in keys else -1
        context["course"] = course
        context["modules"] = modules
        context["previous_module"] = modules[position - 1] if position > 0 else None
        context["next_module"] = modules[position + 1] if 0 <= position < len(modules) - 1 else None
        return context
