"""The field app's shell: the same for everyone, installable, wholly kept by its service worker."""

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ar", "ckb"]


def _prefix(language: str) -> str:
    return "" if language == "en" else f"/{language}"


def _kept(client, language: str) -> list[str]:
    script = client.get(f"{_prefix(language)}/field/service-worker.js").content.decode()
    return json.loads(re.search(r"^const KEEP = (.*);$", script, re.M).group(1))


def _imports(static_path: str) -> set[str]:
    """The static files a module imports, and theirs, as /static/ addresses."""
    found = set()
    source = Path(finders.find(static_path.removeprefix("/static/"))).read_text(encoding="utf-8")
    folder = static_path.rsplit("/", 1)[0]
    for name in re.findall(r'^\s*import .* from "(\./[^"]+)";', source, re.M):
        path = f"{folder}/{name.removeprefix('./')}"
        found |= {path} | _imports(path)
    return found


def test_the_app_page_holds_nothing_personal_so_a_phone_may_keep_it(client, trainer):
    anonymous = client.get("/ar/field/")
    client.force_login(trainer)
    signed_in = client.get("/ar/field/")
    assert anonymous.status_code == signed_in.status_code == 200
    assert anonymous.content == signed_in.content
    assert "Set-Cookie" not in anonymous


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manifest_makes_the_app_installable_in_its_language(client, language):
    response = client.get(f"{_prefix(language)}/field/manifest.webmanifest")
    manifest = response.json()
    assert response["Content-Type"] == "application/manifest+json"
    assert manifest["start_url"] == manifest["scope"] == f"{_prefix(language)}/field/"
    assert manifest["display"] == "standalone"
    assert manifest["dir"] == ("ltr" if language == "en" else "rtl")
    assert (manifest["name"] == "CME field app") == (language == "en")
    for icon in manifest["icons"]:
        width, height = (int(n) for n in icon["sizes"].split("x"))
        with Image.open(finders.find(icon["src"].removeprefix("/static/"))) as image:
            assert image.format == "PNG" and image.size == (width, height)
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_service_worker_keeps_every_file_the_page_loads(client, language):
    """A file the shell loads and the worker does not keep would break the app offline."""
    page = client.get(f"{_prefix(language)}/field/").content.decode()
    loaded = set(re.findall(r'(?:href|src)="(/static/[^"]+)"', page))
    for module in [path for path in loaded if path.endswith(".js")]:
        loaded |= _imports(module)
    kept = _kept(client, language)
    assert loaded <= set(kept), loaded - set(kept)
    assert f"{_prefix(language)}/field/" in kept
    assert f"{_prefix(language)}/field/manifest.webmanifest" in kept
    for path in kept:
        if path.startswith("/static/"):
            assert finders.find(path.removeprefix("/static/")), path
        else:
            assert client.get(path).status_code == 200, path


def test_the_service_worker_is_a_script_for_its_language_scope(client):
    response = client.get("/ckb/field/service-worker.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/ckb/field/"
    assert "no-cache" in response["Cache-Control"]
    assert 'const PREFIX = "cme-field-ckb-";' in response.content.decode()


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_every_word_of_the_app_is_in_arabic_or_kurdish(client, language):
    page = client.get(f"/{language}/field/").content.decode()
    strings = json.loads(re.search(r'id="field-strings"[^>]*>(.*?)</script>', page, re.S).group(1))
    english = json.loads(
        re.search(
            r'id="field-strings"[^>]*>(.*?)</script>', client.get("/field/").content.decode(), re.S
        ).group(1)
    )
    assert strings.keys() == english.keys()
    same = {key for key in strings if strings[key] == english[key]}
    # Only a string made of placeholders alone may read the same.
    assert {key for key in same if re.sub(r"\{\w+\}|[:\s]", "", str(strings[key]))} == set()
    assert re.search(r'<html lang="' + language + '" dir="rtl"', page)
