"""Documents and images belong to the collection of a scope; trainers touch only their scope's."""

import io

import pytest

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from courses.collections import scope_collection
from courses.models import ScopeCollection
from tests.factories.course_pages import module_page
from tests.factories.courses import course_page
from tests.factories.workforce import governorate, staff_user
from workforce.models import Governorate

pytestmark = pytest.mark.django_db


def _png(colour="#0b6e4f") -> bytes:
    from PIL import Image as PillowImage

    buffer = io.BytesIO()
    PillowImage.new("RGB", (16, 16), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _document(collection, content=b"%PDF-1.4 original"):
    item = get_document_model()(title="Handout", collection=collection)
    item.file = ContentFile(content, name="handout.pdf")
    item.save()
    return item


def _image(collection):
    item = get_image_model()(title="Diagram", collection=collection)
    item.file = ImageFile(io.BytesIO(_png()), name="diagram.png")
    item.save()
    return item


KINDS = {
    "document": (_document, "wagtaildocs", lambda: ContentFile(b"%PDF-1.4 new", name="new.pdf")),
    "image": (_image, "wagtailimages", lambda: ContentFile(_png("#ff0000"), name="new.png")),
}


def _content(item) -> bytes:
    with item.file.open("rb") as handle:
        return handle.read()


@pytest.fixture
def kirkuk_trainer(client):
    user = staff_user("trainer", "governorate", governorate=governorate("KIR"))
    client.force_login(user)
    return user


def test_every_governorate_and_the_nation_have_a_collection():
    assert ScopeCollection.objects.filter(governorate=None).count() == 1
    for place in Governorate.objects.all():
        assert ScopeCollection.objects.get(governorate=place).collection.name == place.name_en


def test_a_new_governorate_gets_its_collection():
    place = Governorate.objects.create(code="NEW", region="federal", name_en="New place")
    assert ScopeCollection.objects.get(governorate=place).collection.name == "New place"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("owner", ["ERB", None])
def test_kirkuk_trainer_changes_nothing_in_another_scopes_collection(
    client, kirkuk_trainer, kind, owner
):
    make, namespace, new_file = KINDS[kind]
    item = make(scope_collection(governorate=governorate(owner) if owner else None))
    before = _content(item)
    edit = reverse(f"{namespace}:edit", args=[item.pk])
    delete = reverse(f"{namespace}:delete", args=[item.pk])
    assert client.get(edit).status_code in (302, 403)
    response = client.post(edit, {"title": "Mine now", "file": new_file()})
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/" in response["Location"]
    assert client.post(delete).status_code in (302, 403)
    item.refresh_from_db()
    assert item.title != "Mine now"
    assert _content(item) == before


@pytest.mark.parametrize("kind", KINDS)
def test_kirkuk_trainer_replaces_and_deletes_in_kirkuks_collection(client, kirkuk_trainer, kind):
    make, namespace, new_file = KINDS[kind]
    item = make(scope_collection(governorate=governorate("KIR")))
    edit = reverse(f"{namespace}:edit", args=[item.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, {"title": "Updated", "file": new_file()})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title == "Updated"
    assert _content(item) == new_file().read()
    client.post(reverse(f"{namespace}:delete", args=[item.pk]))
    assert not type(item).objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize("kind", KINDS)
def test_choosers_offer_only_the_trainers_collections(client, kirkuk_trainer, kind):
    make, namespace, _new_file = KINDS[kind]
    own = make(scope_collection(governorate=governorate("KIR")))
    own.title = "Kirkuk only"
    own.save()
    other = make(scope_collection(governorate=governorate("ERB")))
    other.title = "Erbil only"
    other.save()
    national = make(scope_collection())
    national.title = "National only"
    national.save()
    html = client.get(reverse(f"{namespace}_chooser:choose")).content.decode()
    assert "Kirkuk only" in html
    assert "Erbil only" not in html and "National only" not in html


def test_replacing_a_handout_used_by_a_live_national_page_is_refused(client, kirkuk_trainer):
    handout = _document(scope_collection(governorate=governorate("KIR")))
    course = course_page(title="Oxygen", slug="oxygen-national")
    module_page(
        course,
        title="Sources",
        body=[
            {"type": "handout", "value": {"document": handout.pk, "title": "", "description": ""}}
        ],
    )
    edit = reverse("wagtaildocs:edit", args=[handout.pk])
    response = client.post(edit, {"title": "Handout", "file": KINDS["document"][2]()})
    assert response.status_code == 200
    assert "used by the live page" in response.content.decode()
    handout.refresh_from_db()
    assert _content(handout) == b"%PDF-1.4 original"


def test_national_trainer_edits_in_every_collection(client):
    client.force_login(staff_user("trainer", "national"))
    handout = _document(scope_collection(governorate=governorate("ERB")))
    response = client.post(
        reverse("wagtaildocs:edit", args=[handout.pk]),
        {"title": "Reviewed", "file": KINDS["document"][2](), "collection": handout.collection_id},
    )
    assert response.status_code == 302
    handout.refresh_from_db()
    assert handout.title == "Reviewed"


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_a_live_page_uses_is_not_deleted_and_the_page_is_named(client, kirkuk_trainer, kind):
    make, namespace, _new_file = KINDS[kind]
    item = make(scope_collection(governorate=governorate("KIR")))
    course = course_page(title="Oxygen", slug=f"oxygen-{kind}")
    if kind == "document":
        block = {"type": "handout", "value": {"document": item.pk, "title": "", "description": ""}}
    else:
        block = {"type": "image", "value": {"image": item.pk, "caption": "", "alt_text": "Diagram"}}
    module = module_page(course, title="Sources", body=[block])
    delete = reverse(f"{namespace}:delete", args=[item.pk])
    response = client.post(delete, follow=True)
    assert response.status_code == 200
    assert "cannot be deleted because other records still use it (1 module)" in (
        response.content.decode()
    )
    assert type(item).objects.filter(pk=item.pk).exists()
    # Once the page is unpublished, the file may go.
    module.unpublish()
    client.post(delete)
    assert not type(item).objects.filter(pk=item.pk).exists()
