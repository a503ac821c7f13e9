"""Nothing private is reachable at a path a web server serves, whatever kind of file it is.

The kinds are discovered: every FileField of every model (its storage and the names it makes),
plus the offline packs that the pack builder writes to storage by hand. A FileField whose storage
gives a public URL must be on the published-content allowlist below.
"""

import contextlib
import uuid
from pathlib import Path

import pytest

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models
from django.http import Http404
from django.test import RequestFactory
from django.views import static

from courses.packs import PACK_DIR
from tests.factories.course_pages import document
from tests.factories.workforce import HealthWorkerFactory, UserFactory, directorate

pytestmark = pytest.mark.django_db

# Published content: shown to every reader of a live page (or to staff in the admin).
PUBLISHED_FILE_FIELDS = {
    "wagtailimages.Image.file",
    "wagtailimages.Rendition.file",
    "wagtailusers.UserProfile.avatar",
    # Providers' logos are printed on every certificate and shown on public verification pages.
    "workforce.Provider.logo",
}


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield f"{model._meta.label}.{field.name}", field


def _stored_private_files():
    """One stored file of every private kind, saved where and as the site would save it."""
    token = uuid.uuid4().hex[:8]
    stored = []
    for label, field in _file_fields():
        if label in PUBLISHED_FILE_FIELDS:
            continue
        name = field.generate_filename(None, f"probe-{token}.pdf")
        stored.append((label, field.storage, field.storage.save(name, ContentFile(b"%PDF-1.4"))))
    pack = f"{PACK_DIR}/{token}/en-{token}.zip"
    stored.append(
        ("offline pack", storages["private"], storages["private"].save(pack, ContentFile(b"PK")))
    )
    return stored


def _web_server_answers(path: str, root: Path) -> bool:
    """Whether `location <prefix> { alias root/; }` (nginx, or Django's dev static()) serves it."""
    try:
        return static.serve(RequestFactory().get("/"), path, document_root=root).status_code == 200
    except Http404:
        return False


def test_every_file_field_is_private_or_published_content():
    public = []
    for label, field in _file_fields():
        if label in PUBLISHED_FILE_FIELDS:
            continue
        name = field.generate_filename(None, "probe.pdf")
        try:
            field.storage.url(name)
        except (ValueError, NotImplementedError):
            continue
        public.append(label)
    assert public == []


def test_no_private_file_is_served_by_any_mapped_path(client):
    outsider = HealthWorkerFactory(
        facility__directorate=directorate("BAS"), user=UserFactory()
    ).user
    for label, storage, name in _stored_private_files():
        paths = [name, f"{settings.MEDIA_URL.strip('/')}/{name}"]
        with contextlib.suppress(ValueError, NotImplementedError):
            paths.append(storage.url(name).lstrip("/"))
        for path in paths:
            assert not _web_server_answers(path, settings.MEDIA_ROOT), (label, path)
            assert not _web_server_answers(path, settings.STATIC_ROOT), (label, path)
            assert finders.find(path) is None, (label, path)
            for user in (None, outsider):
                client.logout() if user is None else client.force_login(user)
                assert client.get(f"/{path}").status_code != 200, (label, path, user)
                media = f"{settings.MEDIA_URL}{name}"
                assert client.get(media).status_code != 200, (label, media, user)


def test_handout_file_is_outside_the_public_media_folder():
    handout = document(title="Staff only", restricted=True, name=f"h-{uuid.uuid4().hex}.pdf")
    assert not (Path(settings.MEDIA_ROOT) / handout.file.name).exists()
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / handout.file.name).exists()
    assert not _web_server_answers(handout.file.name, settings.MEDIA_ROOT)


def test_restricted_handout_is_refused_to_outsiders_and_never_cached_for_staff(client):
    from tests.factories.workforce import staff_user

    handout = document(title="Staff only", restricted=True)
    assert client.get(handout.url).status_code == 302  # to the login page
    client.force_login(HealthWorkerFactory(user=UserFactory()).user)
    assert client.get(handout.url).status_code == 404
    client.force_login(
        staff_user("trainer", "governorate", governorate=directorate("KIR").governorate)
    )
    response = client.get(handout.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_public_handout_is_served_through_the_document_view(client):
    handout = document(title="For everyone", content=b"%PDF-1.4 open")
    assert handout.url.startswith("/documents/")
    response = client.get(handout.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 open"
