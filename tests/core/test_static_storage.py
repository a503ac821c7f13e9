"""Production's static files: hashed names, each worked out once, and anew after collectstatic."""

import pytest

from core.storage import StaticFilesStorage


def _collect(storage, tmp_path, css: str) -> None:
    """What collectstatic does with one file: copy it in, then hash, rewrite and compress."""
    (tmp_path / "css").mkdir(exist_ok=True)
    (tmp_path / "css" / "site.css").write_text(css)
    paths = {"css/site.css": (storage, "css/site.css")}
    for _original, _processed, done in storage.post_process(paths):
        assert done is not False


@pytest.fixture
def storage(tmp_path, settings):
    settings.STATIC_URL = "/static/"
    return StaticFilesStorage(location=str(tmp_path), base_url="/static/")


def test_a_page_links_the_hashed_file_and_the_address_follows_a_new_collectstatic(
    storage, tmp_path
):
    _collect(storage, tmp_path, "body { color: black; }")
    first = storage.url("css/site.css")
    assert first.startswith("/static/css/site.") and first != "/static/css/site.css"
    assert (tmp_path / first.removeprefix("/static/")).read_text() == "body { color: black; }"
    assert storage.url("css/site.css") == first

    _collect(storage, tmp_path, "body { color: navy; }")  # the site's CSS changed, collected again

    second = storage.url("css/site.css")
    assert second != first
    assert (tmp_path / second.removeprefix("/static/")).read_text() == "body { color: navy; }"


def test_a_name_the_manifest_lacks_is_refused_every_time(storage, tmp_path):
    _collect(storage, tmp_path, "body {}")
    for _ in range(2):
        with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
            storage.url("css/missing.css")
