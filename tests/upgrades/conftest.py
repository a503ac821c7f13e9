# Migrating back and forth (workforce 0003 creates content types) empties the content-type cache.
from tests.operations.conftest import _content_types_cached_again  # noqa: F401
