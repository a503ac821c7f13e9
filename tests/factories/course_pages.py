"""Helpers for course content tests: modules, translations, sections, images and documents."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from courses.models import CourseIndexPage, CourseSectionPage, ModulePage
from workforce.models import Governorate


def module_page(course, *, title="Module", slug=None, body=(), publish=True) -> ModulePage:
    """A module under the course with the given StreamField body (raw block dicts)."""
    module = course.add_child(
        instance=ModulePage(
            title=title, slug=slug or title.lower().replace(" ", "-"), body=list(body), live=publish
        )
    )
    revision = module.save_revision()
    if publish:
        revision.publish()
    return module


def translation_of(page: Page, *, language: str, publish=True, **fields) -> Page:
    """The page copied into the language by Wagtail's tree copy, with the given fields."""
    locale, _ = Locale.objects.get_or_create(language_code=language)
    for ancestor in page.get_ancestors()[1:]:
        if ancestor.get_translation_or_none(locale) is None:
            ancestor.specific.copy_for_translation(locale).save_revision().publish()
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    revision = translated.save_revision()
    if publish:
        revision.publish()
    return translated


def course_section(*, governorate_code: str, title=None) -> CourseSectionPage:
    catalogue = CourseIndexPage.objects.get(locale__language_code="en")
    governorate = Governorate.objects.get(code=governorate_code)
    section = catalogue.add_child(
        instance=CourseSectionPage(
            title=title or f"{governorate.name_en} courses",
            slug=governorate_code.lower(),
            governorate=governorate,
        )
    )
    section.save_revision().publish()
    return section


def restricted_collection() -> Collection:
    return Collection.objects.get(name="Restricted handouts")


def document(*, title="Handout", content=b"%PDF-1.4 handout", name="handout.pdf", restricted=False):
    collection = restricted_collection() if restricted else Collection.get_first_root_node()
    handout = get_document_model()(title=title, collection=collection)
    handout.file = ContentFile(content, name=name)
    handout.save()
    return handout


def image(*, title="Diagram", colour="#0b6e4f"):
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), colour).save(buffer, "PNG")
    picture = get_image_model()(title=title, collection=Collection.get_first_root_node())
    picture.file = ImageFile(buffer, name="diagram.png")
    picture.save()
    return picture
