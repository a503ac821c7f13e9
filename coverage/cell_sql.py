"""The SQL that fills the coverage cells from the records, for every provider or for each one.

With `by_provider`, each completion (and score, and certificate) is counted once for each provider
of its workshop: its lead and each partner (coverage/models/provider_cells.py).
"""

from dataclasses import dataclass

from django.db import connection

from coverage.models import ActivityCell, ProviderActivityCell, ProviderTrainedCell, TrainedCell

# One row per (workshop, provider): the lead, and each partner.
WORKSHOP_PROVIDERS = """
    (SELECT id AS workshop_id, lead_provider_id AS provider_id FROM courses_workshop
     WHERE lead_provider_id IS NOT NULL
     UNION SELECT workshop_id, provider_id FROM courses_workshop_partners)
"""


@dataclass(frozen=True)
class _Parts:
    """Fragments that add the provider to a query, or nothing."""

    insert: str = ""  # the column in INSERT INTO (...)
    column: str = ""  # ", wp.provider_id" in the innermost SELECT and GROUP BY
    join: str = ""  # the join to the workshop's providers
    outer: str = ""  # the column in an outer SELECT or GROUP BY, with its alias's prefix

    def of(self, alias: str) -> str:
        return f", {alias}.provider_id" if self.column else ""


def _parts(by_provider: bool, *, workshop_column: str) -> _Parts:
    if not by_provider:
        return _Parts()
    return _Parts(
        insert=", provider_id",
        column=", wp.provider_id",
        join=f"JOIN {WORKSHOP_PROVIDERS} wp ON wp.workshop_id = {workshop_column}",
    )


def month_sql(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {column})::date"
    return f"date({column}, 'start of month')"


def where_sql(*, facility_ids: list | None, course_id: int | None, course_column: str) -> tuple:
    # A record merged into another is the same person: its leftovers count nowhere.
    clauses, params = ["hw.merged_into_id IS NULL"], []
    if facility_ids is not None:
        clauses.append(f"hw.facility_id IN ({', '.join(['%s'] * len(facility_ids))})")
        params.extend(facility_ids)
    if course_id is not None:
        clauses.append(f"{course_column} = %s")
        params.append(course_id)
    return "".join(f" AND {clause}" for clause in clauses), params


def trained_sql(where: str, *, by_provider: bool = False) -> str:
    """The INSERT of the trained cells (of each provider's, with `by_provider`)."""
    table = (ProviderTrainedCell if by_provider else TrainedCell)._meta.db_table
    p = _parts(by_provider, workshop_column="c.workshop_id")
    return f"""
        INSERT INTO {table} (facility_id, directorate_id, governorate_id, cadre_id, course_id,
                             month, previous_month, workers, completions{p.insert})
        SELECT f.id, f.directorate_id, f.governorate_id, m.cadre_id, m.course_id, m.month,
               m.previous_month, COUNT(*), SUM(m.completions){p.of("m")}
        FROM (
            SELECT wm.*, LAG(wm.month) OVER (
                PARTITION BY wm.health_worker_id, wm.course_id{p.of("wm")} ORDER BY wm.month
            ) AS previous_month
            FROM (
                SELECT c.health_worker_id, c.course_id, hw.facility_id, hw.cadre_id,
                       {month_sql("c.completed_on")} AS month, COUNT(*) AS completions{p.column}
                FROM courses_completion c
                JOIN workforce_healthworker hw ON hw.id = c.health_worker_id
                {p.join}
                WHERE c.is_complete AND hw.is_verified AND NOT hw.is_external {where}
                GROUP BY c.health_worker_id, c.course_id, hw.facility_id, hw.cadre_id,
                         {month_sql("c.completed_on")}{p.column}
            ) wm
        ) m
        JOIN workforce_facility f ON f.id = m.facility_id
        GROUP BY f.id, f.directorate_id, f.governorate_id, m.cadre_id, m.course_id, m.month,
                 m.previous_month{p.of("m")}
    """  # noqa: S608 - table names come from the models; values go as parameters


def activity_sql(where: str, *, by_provider: bool = False) -> str:
    """The INSERT of the activity cells (of each provider's, with `by_provider`)."""
    # The scores are summed per enrolment first, so that a participant with both tests adds their
    # own post - pre to the paired gain; the group means keep summing every test.
    table = (ProviderActivityCell if by_provider else ActivityCell)._meta.db_table
    c = _parts(by_provider, workshop_column="c.workshop_id")
    e = _parts(by_provider, workshop_column="e.workshop_id")
    return f"""
        INSERT INTO {table} (facility_id, directorate_id, governorate_id, cadre_id, course_id,
                             month, certificates, pre_sum, pre_count, post_sum, post_count,
                             tested_count, paired_count, paired_gain_sum{c.insert})
        SELECT f.id, f.directorate_id, f.governorate_id, a.cadre_id, a.course_id, a.month,
               SUM(a.certificates), SUM(a.pre_sum), SUM(a.pre_count), SUM(a.post_sum),
               SUM(a.post_count), SUM(a.tested), SUM(a.paired), SUM(a.paired_gain){c.of("a")}
        FROM (
            SELECT hw.facility_id, hw.cadre_id, c.course_id, {month_sql("c.completed_on")} AS month,
                   COUNT(*) AS certificates, 0 AS pre_sum, 0 AS pre_count, 0 AS post_sum,
                   0 AS post_count, 0 AS tested, 0 AS paired, 0 AS paired_gain{c.column}
            FROM certificates_certificate cert
            JOIN courses_completion c ON c.id = cert.completion_id
            JOIN workforce_healthworker hw ON hw.id = c.health_worker_id
            {c.join}
            WHERE cert.status = 'valid' AND NOT hw.is_external {where.format(course="c.course_id")}
            GROUP BY hw.facility_id, hw.cadre_id, c.course_id,
                     {month_sql("c.completed_on")}{c.column}
            UNION ALL
            SELECT p.facility_id, p.cadre_id, p.course_id, p.month, 0, SUM(p.pre_sum),
                   SUM(p.pre_n), SUM(p.post_sum), SUM(p.post_n), COUNT(*),
                   SUM(CASE WHEN p.pre_n > 0 AND p.post_n > 0 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN p.pre_n > 0 AND p.post_n > 0 THEN p.post_sum - p.pre_sum
                       ELSE 0 END){e.of("p")}
            FROM (
                SELECT hw.facility_id, hw.cadre_id, w.course_id, {month_sql("w.ends_on")} AS month,
                       SUM(CASE WHEN s.kind = 'pre' THEN s.score ELSE 0 END) AS pre_sum,
                       SUM(CASE WHEN s.kind = 'pre' THEN 1 ELSE 0 END) AS pre_n,
                       SUM(CASE WHEN s.kind = 'post' THEN s.score ELSE 0 END) AS post_sum,
                       SUM(CASE WHEN s.kind = 'post' THEN 1 ELSE 0 END) AS post_n{e.column}
                FROM courses_assessmentscore s
                JOIN courses_enrolment e ON e.id = s.enrolment_id
                JOIN courses_workshop w ON w.id = e.workshop_id
                JOIN workforce_healthworker hw ON hw.id = e.health_worker_id
                {e.join}
                WHERE NOT hw.is_external {where.format(course="w.course_id")}
                GROUP BY e.id, hw.facility_id, hw.cadre_id, w.course_id,
                         {month_sql("w.ends_on")}{e.column}
            ) p
            GROUP BY p.facility_id, p.cadre_id, p.course_id, p.month{e.of("p")}
        ) a
        JOIN workforce_facility f ON f.id = a.facility_id
        GROUP BY f.id, f.directorate_id, f.governorate_id, a.cadre_id, a.course_id,
                 a.month{c.of("a")}
    """  # noqa: S608 - table names come from the models; values go as parameters
