"""Every query on a health worker's name keys is workforce's one search or duplicate check.

The walk reads every module of the project's apps, so a new search box that filters the name keys
itself (and so misses the other script's spelling) fails here until it calls
`workforce.selectors.health_worker_search` or `health_worker_duplicates`.
"""

import ast
from pathlib import Path

from django.apps import apps
from django.conf import settings

NAME_KEYS = ("name_key", "name_latin_key", "name_skeleton")
QUERY_METHODS = {"filter", "exclude", "get", "get_or_create", "Q", "update_or_create"}
THE_ONE_PLACE = Path(settings.BASE_DIR, "workforce", "selectors.py")


def _project_modules():
    base = Path(settings.BASE_DIR)
    for config in apps.get_app_configs():
        folder = Path(config.path)
        if base not in folder.parents or "site-packages" in folder.parts:
            continue  # Django, Wagtail and the other installed libraries
        for module in folder.rglob("*.py"):
            if "migrations" not in module.parts:
                yield module


def _name_key_lookups(module: Path):
    for node in ast.walk(ast.parse(module.read_text(), filename=str(module))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if called not in QUERY_METHODS:
            continue
        for keyword in node.keywords:
            lookup = (keyword.arg or "").split("__")
            if any(key in lookup for key in NAME_KEYS):
                yield f"{module}:{node.lineno} {keyword.arg}"


def test_the_walk_finds_the_name_key_lookups_of_the_one_search():
    assert list(_name_key_lookups(THE_ONE_PLACE))


def test_no_module_but_workforce_selectors_queries_the_name_keys():
    found = [
        lookup
        for module in _project_modules()
        if module != THE_ONE_PLACE
        for lookup in _name_key_lookups(module)
    ]
    assert found == []
