"""Reads of the coverage app: every figure on the pages, the exports and the reports.

`figures` holds the query, the scoped cells and the coverage table, trend and map; `quality` the
knowledge gain and the coverage gaps built on them.
"""

from coverage.selectors.figures import (
    AUDIT_ROLES,
    CHILD_LEVEL,
    GROUP_FIELD,
    LEVELS,
    PLACE_FIELD,
    PLACE_MODEL,
    CoverageQuery,
    CoverageTable,
    Figures,
    Row,
    audit_place,
    course_rows,
    coverage_table,
    coverage_trend,
    headcount_cells,
    map_shares,
    most_active_course,
    place_rows,
    scoped_cells,
    trained_cells,
    user_may_audit,
    workforce_by_place,
)
from coverage.selectors.quality import Gain, Gap, coverage_gaps, knowledge_gain

__all__ = [
    "AUDIT_ROLES",
    "CHILD_LEVEL",
    "GROUP_FIELD",
    "LEVELS",
    "PLACE_FIELD",
    "PLACE_MODEL",
    "CoverageQuery",
    "CoverageTable",
    "Figures",
    "Gain",
    "Gap",
    "Row",
    "audit_place",
    "course_rows",
    "coverage_gaps",
    "coverage_table",
    "coverage_trend",
    "headcount_cells",
    "knowledge_gain",
    "map_shares",
    "most_active_course",
    "place_rows",
    "scoped_cells",
    "trained_cells",
    "user_may_audit",
    "workforce_by_place",
]
