"""Offline course packs: one zip of static HTML with relative links, images and handouts.

A pack is built per course and language by a Celery task and kept in private storage under a name
made from the course's and its modules' latest revisions, so it is rebuilt only after a change.
"""

import hashlib
import posixpath
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files import File
from django.core.files.storage import storages
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Locale

from core.jobs import job_progress, job_start
from courses.catalogue import course_for_reader, course_modules_for_reader, reader_language
from courses.models import CoursePage, ModulePage

# Raised when what a pack holds changes, so packs built before are rebuilt (2: language marks).
PACK_FORMAT = 2
PACK_DIR = "packs"
LINK = re.compile(r'(?P<attr>\b(?:href|src))="(?P<url>[^"]*)"')
DOCUMENT_URL = re.compile(r"^/documents/(?P<id>\d+)/")


@dataclass(frozen=True)
class Pack:
    name: str
    filename: str
    size: int

    def open(self):
        return storages["private"].open(self.name, "rb")


@dataclass(frozen=True)
class PackStatus:
    ready: bool
    job_id: str | None = None


def _storage():
    return storages["private"]


def pack_name(*, course: CoursePage, language: str) -> str:
    """The storage name of the course's pack in the language as it stands now (its cache key)."""
    with translation.override(language):
        modules = course_modules_for_reader(course=course)
    parts = [f"v{PACK_FORMAT}", language, f"{course.pk}:{course.latest_revision_id}"]
    parts += [f"{module.pk}:{module.latest_revision_id}" for module in modules]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:20]
    return f"{PACK_DIR}/{course.translation_key}/{language}-{digest}.zip"


def pack_filename(*, course: CoursePage, language: str) -> str:
    return f"{slugify(course.code) or 'course'}-{language}-offline.zip"


def pack_ready(*, course: CoursePage) -> Pack | None:
    """The current pack of the course in the reader's language, if it has been built."""
    language = reader_language()
    name = pack_name(course=course, language=language)
    storage = _storage()
    if not storage.exists(name):
        return None
    filename = pack_filename(course=course, language=language)
    return Pack(name=name, filename=filename, size=storage.size(name))


def pack_request(*, course: CoursePage, user) -> PackStatus:
    """The pack if it is current; otherwise queue its build and return the job to follow."""
    if pack_ready(course=course) is not None:
        return PackStatus(ready=True)
    from courses.tasks import course_pack_build_task

    job_id = job_start(course_pack_build_task, args=[course.pk, reader_language(), user.pk])
    return PackStatus(ready=pack_ready(course=course) is not None, job_id=job_id)


class PackWriter:
    """Renders the course and its modules as files and rewrites every link to a relative path."""

    def __init__(self, *, course: CoursePage, modules: list[ModulePage], language: str):
        self.course = course
        self.modules = modules
        self.language = language
        self.files: dict[str, bytes] = {}
        self.page_files = {course.pk: "index.html"}
        for number, module in enumerate(modules, start=1):
            self.page_files[module.pk] = f"module-{number:02d}-{module.slug}.html"[:120]
        self.page_urls = {}
        for page in [course, *modules]:
            for url in {page.url, f"/{language}{page.url}"}:
                self.page_urls[url.rstrip("/") + "/"] = self.page_files[page.pk]
        self.documents = {document.pk: document for document in get_document_model().objects.all()}

    def rewrite(self, html: str) -> str:
        return LINK.sub(lambda match: self._rewrite_one(match["attr"], match["url"]), html)

    def _rewrite_one(self, attr: str, url: str) -> str:
        parts = urlsplit(url)
        if url.startswith(("#", "mailto:", "tel:", "data:")) or not url:
            return f'{attr}="{url}"'
        if parts.scheme in ("http", "https") or url.startswith("//"):
            # Outside links stay for readers who are online; nothing is loaded from them.
            return f'{attr}="{url}"' if attr == "href" else 'data-removed=""'
        if not url.startswith("/"):
            return f'{attr}="{url}"'
        local = self._local_file(unquote(parts.path))
        if local is None:
            return f'data-offline-missing="{url}"'
        return f'{attr}="{local}{"#" + parts.fragment if parts.fragment else ""}"'

    def _local_file(self, path: str) -> str | None:
        key = path.rstrip("/") + "/"
        if key in self.page_urls:
            return self.page_urls[key]
        match = DOCUMENT_URL.match(path)
        if match:
            document = self.documents.get(int(match["id"]))
            if document is None or document.collection.get_view_restrictions().exists():
                return None
            name = f"handouts/{document.pk}-{PurePosixPath(document.file.name).name}"
            if name not in self.files:
                with document.file.open("rb") as handle:
                    self.files[name] = handle.read()
            return name
        if path.startswith(settings.MEDIA_URL):
            stored = path[len(settings.MEDIA_URL) :]
            name = f"media/{stored}"
            if name not in self.files:
                storage = storages["default"]
                if not storage.exists(stored):
                    return None
                with storage.open(stored, "rb") as handle:
                    self.files[name] = handle.read()
            return name
        return None

    def render(self, template: str, page, **context) -> None:
        html = render_to_string(
            template,
            {
                "page": page,
                "course": self.course,
                "modules": [(module, self.page_files[module.pk]) for module in self.modules],
                "pack_mode": True,
                "built_at": timezone.now(),
                "site_url": settings.SITE_URL,
                **context,
            },
        )
        self.files[self.page_files[page.pk]] = self.rewrite(html).encode()

    def write_zip(self, target) -> None:
        folder = pack_filename(course=self.course, language=self.language).removesuffix(".zip")
        stylesheet = finders.find("css/site.css")
        with open(stylesheet, "rb") as handle:
            self.files["assets/site.css"] = handle.read()
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in sorted(self.files.items()):
                archive.writestr(posixpath.join(folder, name), content)


def pack_build(*, course_id: int, language: str, user_id: int | None = None) -> dict:
    """Build the offline pack of a live course in one language and store it (idempotent)."""
    with translation.override(language):
        course = CoursePage.objects.live().public().get(pk=course_id)
        course = course_for_reader(course=course)
        name = pack_name(course=course, language=language)
        storage = _storage()
        modules = course_modules_for_reader(course=course)
        total = len(modules) + 2
        if not storage.exists(name):
            writer = PackWriter(course=course, modules=modules, language=language)
            text_direction = "rtl" if Locale.get_active().is_bidi else "ltr"
            common = {"language": language, "direction": text_direction}
            writer.render("courses/pack/course.html", course, **common)
            job_progress(done=1, total=total, user_id=user_id)
            for number, module in enumerate(modules, start=1):
                previous = modules[number - 2] if number > 1 else None
                following = modules[number] if number < len(modules) else None
                writer.render(
                    "courses/pack/module.html",
                    module,
                    previous_file=writer.page_files[previous.pk] if previous else "",
                    next_file=writer.page_files[following.pk] if following else "",
                    **common,
                )
                job_progress(done=1 + number, total=total, user_id=user_id)
            with tempfile.TemporaryFile() as temporary:
                writer.write_zip(temporary)
                temporary.seek(0)
                if not storage.exists(name):
                    storage.save(name, File(temporary))
            _packs_superseded_delete(storage=storage, current=name, language=language)
    return {"done": total, "total": total, "user_id": user_id, "name": name}


def _packs_superseded_delete(*, storage, current: str, language: str) -> None:
    """Remove the course's earlier packs in this language: only the current one is ever served."""
    folder = posixpath.dirname(current)
    try:
        _folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for filename in files:
        name = posixpath.join(folder, filename)
        if name != current and filename.startswith(f"{language}-") and filename.endswith(".zip"):
            storage.delete(name)
