"""Reads behind the catalogue and course pages: what a reader sees, in their language."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.utils.translation import get_language

from wagtail.models import Locale, Page

from courses.fallback import fallback_locales
from courses.models import CourseIndexPage, CoursePage, CourseSectionPage, ModulePage
from workforce.models import Cadre

CATALOGUE_PAGE_SIZE = 24


def reader_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def reader_url(page: Page, request=None) -> str:
    """The page's address under the reader's language prefix, also for an untranslated page."""
    url = page.get_url(request) or ""
    language = reader_language()
    page_language = page.locale.language_code
    if language != page_language and language != settings.LANGUAGE_CODE and url.startswith("/"):
        url = f"/{language}{url}"
    return url


def _source_of(page: Page) -> Page:
    """The English original of a page (the page itself when it is English or has none)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def catalogue_courses(*, catalogue: CourseIndexPage) -> QuerySet:
    """Live courses in the catalogue's language, plus courses not translated into it yet.

    Those stand in, in the first fallback language that has them (`courses.fallback`; English in
    the end), for their missing translation; their pages carry a notice.
    """
    courses = CoursePage.objects.live().public()
    condition = Q(path__startswith=catalogue.path, locale_id=catalogue.locale_id)
    for locale in fallback_locales(catalogue.locale.language_code):
        stand_in = catalogue.get_translation_or_none(locale)
        if stand_in is None:
            continue
        shown = courses.filter(condition).values("translation_key")
        condition |= Q(path__startswith=stand_in.path, locale_id=stand_in.locale_id) & ~Q(
            translation_key__in=shown
        )
    return courses.filter(condition).order_by("title")


def course_search_hits(*, words: str) -> set[int]:
    """Ids of courses whose own text, or one of whose modules' text, contains the words."""
    hits = {page.pk for page in CoursePage.objects.live().search(words)}
    module_paths = [page.path for page in ModulePage.objects.live().search(words)]
    parent_paths = {path[: -Page.steplen] for path in module_paths}
    if parent_paths:
        hits |= set(CoursePage.objects.filter(path__in=parent_paths).values_list("pk", flat=True))
    return hits


def catalogue_context(*, catalogue: CourseIndexPage, params) -> dict:
    """The catalogue listing under the reader's filters: cadre, topic, language, section, words."""
    courses = catalogue_courses(catalogue=catalogue)
    topics = sorted({topic for topic in courses.values_list("topic", flat=True) if topic})
    chosen = {
        key: (params.get(key) or "").strip()
        for key in ("cadre", "topic", "language", "section", "q")
    }
    if chosen["cadre"]:
        courses = courses.filter(audience_cadres__code=chosen["cadre"])
    if chosen["topic"]:
        courses = courses.filter(topic=chosen["topic"])
    if chosen["language"] in dict(settings.LANGUAGES):
        available = CoursePage.objects.live().filter(locale__language_code=chosen["language"])
        courses = courses.filter(translation_key__in=available.values("translation_key"))
    if chosen["section"].isdigit():
        section = CourseSectionPage.objects.filter(pk=chosen["section"]).first()
        if section is not None:
            paths = CourseSectionPage.objects.filter(
                translation_key=section.translation_key
            ).values_list("path", flat=True)
            in_section = Q(pk__in=[])
            for path in paths:
                in_section |= Q(path__startswith=path)
            courses = courses.filter(in_section)
    if chosen["q"]:
        courses = courses.filter(pk__in=course_search_hits(words=chosen["q"]))
    courses = courses.distinct()
    page_number = params.get("page") or 1
    listing = Paginator(courses, CATALOGUE_PAGE_SIZE).get_page(page_number)
    return {
        "courses": listing,
        "result_count": listing.paginator.count,
        "chosen": chosen,
        "is_filtered": any(chosen.values()),
        "cadres": Cadre.objects.filter(courses__isnull=False).distinct(),
        "topics": topics,
        "languages": settings.LANGUAGES,
        "sections": CourseSectionPage.objects.live().filter(
            path__startswith=catalogue.path, locale_id=catalogue.locale_id
        ),
    }


def course_modules_for_reader(*, course: CoursePage) -> list[ModulePage]:
    """The course's live modules in source order, each in the reader's language where it exists."""
    source = _source_of(course)
    modules = list(ModulePage.objects.child_of(source).live().public().order_by("path"))
    active = Locale.get_active()
    if active.pk == source.locale_id:
        return modules
    chain = [active, *fallback_locales(active.language_code)]
    versions: dict = {}
    for module in ModulePage.objects.live().filter(
        locale__in=chain, translation_key__in=[module.translation_key for module in modules]
    ):
        versions.setdefault(module.translation_key, {})[module.locale_id] = module
    return [
        _first_in(chain, versions.get(module.translation_key, {})) or module for module in modules
    ]


def _first_in(chain, by_locale: dict):
    return next((by_locale[locale.pk] for locale in chain if locale.pk in by_locale), None)


def course_for_reader(*, course: CoursePage) -> CoursePage:
    """The course in the reader's language if live there, else in its first fallback language."""
    active = Locale.get_active()
    chain = [active, *fallback_locales(active.language_code)]
    live = {
        page.locale_id: page
        for page in CoursePage.objects.live().filter(
            translation_key=course.translation_key, locale__in=chain
        )
    }
    return _first_in(chain, live) or course
