"""Teaching text of the demo courses, in English, Arabic and (for one course) Kurdish Sorani.

Each course is a dict: `fields` per language for the course page, and `modules`, each with a slug,
a title per language and a body per language as (block type, value) pairs (see content_demo.py).
"""

from demo.texts.herams import COURSE as HERAMS
from demo.texts.oxygen import COURSE as OXYGEN
from demo.texts.phc import COURSE as PHC

COURSES = [OXYGEN, HERAMS, PHC]
