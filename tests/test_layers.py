"""The layers of docs/architecture.md hold: import-linter's contract (pyproject.toml) is kept.

The second test proves the contract can fail: in a copy of the code where a lower app imports a
higher one, import-linter names the import.
"""

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT = [str(Path(sys.executable).parent / "lint-imports")]


def _lint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*LINT, "--config", str(folder / "pyproject.toml")],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _packages() -> list[str]:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["root_packages"]


def test_no_app_imports_an_app_above_it():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("lower", "higher"),
    [("workforce", "courses"), ("core", "accounts"), ("courses", "coverage"), ("coverage", "demo")],
)
def test_a_lower_app_importing_a_higher_one_breaks_the_contract(tmp_path, lower, higher):
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    for package in _packages():
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("*.pyc"))
    (tmp_path / lower / "upward.py").write_text(f"import {higher}.apps\n", encoding="utf-8")

    result = _lint(tmp_path)

    assert result.returncode != 0
    assert f"{lower}.upward -> {higher}.apps" in result.stdout


def _drawing():
    spec = importlib.util.spec_from_file_location("draw_layers", ROOT / "scripts/draw_layers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_picture_of_the_layers_is_drawn_from_todays_code():
    committed = (ROOT / "docs" / "layers.svg").read_text(encoding="utf-8")
    assert committed == _drawing().svg(), "redraw it: .venv/bin/python scripts/draw_layers.py"


def test_every_upward_path_in_the_code_is_in_the_architecture_table_and_no_other():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `([^`]+)` \| (\w+) \| (\w+) \|", text, re.M))
    assert table == _drawing().upward_paths()


LONG_MODULE_LINES = 300


def test_every_module_over_300_lines_says_why_in_its_docstring():
    """Every app the layers contract names: a long module is split, or its docstring says why."""
    import ast

    unexplained = []
    for package in _packages():
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            if text.count("\n") <= LONG_MODULE_LINES:
                continue
            docstring = ast.get_docstring(ast.parse(text)) or ""
            if "300 lines" not in docstring:
                unexplained.append(f"{path.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    assert not unexplained, "split these, or say in the docstring why not: " + ", ".join(
        unexplained
    )
