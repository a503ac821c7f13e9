import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def _page_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, [query["sql"] for query in queries.captured_queries]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_the_navs_catalogue_link_is_looked_up_once_not_on_every_page(client, prefix):
    first, first_queries = _page_queries(client, f"{prefix}/accounts/login/")
    again, again_queries = _page_queries(client, f"{prefix}/accounts/login/?next=/")

    # The reference data has the English catalogue only: every language links to it.
    assert '<a href="/courses/">' in first.content.decode()
    assert '<a href="/courses/">' in again.content.decode()
    assert any("wagtailcore_site" in sql for sql in first_queries)
    assert not any("wagtailcore_site" in sql or "wagtailcore_page" in sql for sql in again_queries)
