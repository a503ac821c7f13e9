"""Teaching text of the demo courses, in English, Arabic and (for one course) Kurdish Sorani.

Each course is a JSON file of this folder: `fields` per language for the course page, and
`modules`, each with a slug, a title per language and a body per language as [block type, value]
pairs (see demo/content.py). Writers edit the files; no Python is needed to change a text.
"""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
ORDER = ["oxygen", "herams", "phc"]  # the catalogue's order


def _course(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.json").read_text(encoding="utf-8"))


COURSES = [_course(name) for name in ORDER]
