"""Checking every row of a sheet against the workshop and the registry before anything is saved."""

from decimal import InvalidOperation

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_noop

from core.jobs import job_progress
from courses.importers.reading import cell_text, licence_text, parse_date, parse_score
from courses.importers.report import COLUMNS, PROGRESS_EVERY, ImportReport
from courses.models import AttendanceMark, Enrolment, Workshop
from workforce.models import TRAINING_ROLES, HealthWorker
from workforce.names import name_normalise
from workforce.selectors import alias_owners

HEADER_SEARCH_ROWS = 10
STATUS_WORDS = {
    AttendanceMark.Status.PRESENT: ["present", "p", "1", "✓", "✔", "x", "yes", "حاضر", "ئامادە"],
    AttendanceMark.Status.LATE: ["late", "l", "متأخر", "متاخر", "دواکەوتوو", "درەنگ"],
    AttendanceMark.Status.ABSENT: [
        "absent",
        "a",
        "0",
        "no",
        "غائب",
        "غايب",
        "ئامادە نییە",
        "نەهاتوو",
    ],
    AttendanceMark.Status.EXCUSED: ["excused", "e", "بعذر", "مجاز", "معذور", "مۆڵەت"],
}


def _header_aliases() -> dict[str, str]:
    aliases = {}
    for key, label in COLUMNS.items():
        aliases[name_normalise(key)] = key
        for language in ("en", "ar", "ckb"):
            with translation.override(language):
                aliases[name_normalise(str(label))] = key
    return aliases


def _status_lookup() -> dict[str, str]:
    lookup = {}
    for status, words in STATUS_WORDS.items():
        for word in words:
            lookup[name_normalise(word)] = status
        for language in ("en", "ar", "ckb"):
            with translation.override(language):
                lookup[name_normalise(str(AttendanceMark.Status(status).label))] = status
    return lookup


class _Lookup:
    """Everything rows are checked against, read once."""

    def __init__(self, workshop: Workshop, user):
        self.sessions = {session.date: session for session in workshop.sessions.all()}
        self.enrolments = {
            e.health_worker_id: e for e in workshop.enrolments.select_related("health_worker")
        }
        enrolled = [e.health_worker for e in self.enrolments.values()]
        self.by_licence = {w.licence_number.upper(): w for w in enrolled if w.licence_number}
        self.by_name: dict[str, list[HealthWorker]] = {}
        for worker in enrolled:
            for key in {worker.name_key, worker.name_latin_key} - {""}:
                self.by_name.setdefault(key, []).append(worker)
        self.workshop, self.user = workshop, user

    def load_licences(self, licences: set[str]) -> None:
        """Registry workers in the importer's scope with these licence numbers."""
        visible = HealthWorker.objects.visible_to(self.user, roles=TRAINING_ROLES)
        # Exact matches first (as written, and in capitals): they use the unique index. Only what
        # is still unknown then goes through the slower case-insensitive comparison.
        wanted = {number for number in licences if number.upper() not in self.by_licence}
        exact = sorted(wanted | {number.upper() for number in wanted})
        for start in range(0, len(exact), 500):
            for worker in visible.filter(licence_number__in=exact[start : start + 500]):
                self.by_licence[worker.licence_number.upper()] = worker
        missing = [number for number in wanted if number.upper() not in self.by_licence]
        for start in range(0, len(missing), 500):
            chunk = missing[start : start + 500]
            query = Q()
            for number in chunk:
                query |= Q(licence_number__iexact=number)
            for worker in visible.filter(query):
                self.by_licence[worker.licence_number.upper()] = worker
        # A licence of a record merged into another finds the person it was merged into.
        unknown = {number.upper() for number in wanted} - set(self.by_licence)
        self.by_licence |= alias_owners(kind="licence_number", keys=unknown, queryset=visible)


def import_validate(*, workshop: Workshop, rows: list[tuple[int, list]], user) -> tuple:
    """Check every row; return the report and the clean rows (only meaningful with no errors)."""
    report = ImportReport()
    if not rows:
        report.error(1, "", gettext_noop("The file is empty."))
        return report, []
    aliases = _header_aliases()
    header_at, columns = _header(rows, aliases)
    header_number = rows[header_at][0]
    for required in ("date", "attendance"):
        if required not in columns:
            report.error(header_number, required, gettext_noop("This column is missing."))
    if "licence_number" not in columns and "name_ar" not in columns and "name_latin" not in columns:
        report.error(header_number, "licence_number", gettext_noop("This column is missing."))
    if report.errors:
        return report, []
    statuses = _status_lookup()
    lookup = _Lookup(workshop, user)

    def cell(values, key):
        index = columns.get(key)
        return values[index] if index is not None and index < len(values) else None

    rows = rows[header_at:]
    lookup.load_licences(
        {licence_text(cell(values, "licence_number")) for _, values in rows[1:]} - {""}
    )
    clean, seen, scores_seen = [], {}, {}
    for count, (number, values) in enumerate(rows[1:], 1):
        if count % PROGRESS_EVERY == 0:
            job_progress(done=count, total=len(rows) * 2, user_id=user.pk)
        if not any(cell_text(value) for value in values):
            continue
        report.rows += 1
        row_errors = len(report.errors)
        worker = _row_worker(
            report,
            lookup,
            number,
            cell(values, "licence_number"),
            cell(values, "name_ar"),
            cell(values, "name_latin"),
        )
        try:
            date = parse_date(cell(values, "date"))
            if date is None:
                report.error(number, "date", gettext_noop("The date is missing."))
            elif date not in lookup.sessions:
                report.error(
                    number,
                    "date",
                    gettext_noop("%(date)s is not a day of this workshop."),
                    date=str(date),
                )
        except (ValueError, OverflowError):
            date = None
            report.error(number, "date", gettext_noop("Not a date; write it as 31/12/2026."))
        status_text = cell_text(cell(values, "attendance"))
        status = statuses.get(name_normalise(status_text)) if status_text else None
        if status_text and status is None:
            report.error(
                number, "attendance", gettext_noop("Write present, late, absent or excused.")
            )
        scores = {}
        for key, kind in (("pre_test", "pre"), ("post_test", "post")):
            try:
                scores[kind] = parse_score(cell(values, key))
            except (ValueError, InvalidOperation):
                report.error(number, key, gettext_noop("A score is a number from 0 to 100."))
        if not status_text and all(score is None for score in scores.values()):
            report.skipped += 1  # a pre-filled row left blank: nothing to record
            continue
        if worker and date:
            first = seen.setdefault((worker.pk, date), number)
            if first != number:
                report.error(
                    number,
                    "date",
                    gettext_noop("This person and day are already on row %(row)d."),
                    row=first,
                )
        for kind, score in scores.items():
            if worker and score is not None:
                earlier = scores_seen.setdefault((worker.pk, kind), (number, score))
                if earlier[1] != score:
                    report.error(
                        number,
                        "pre_test" if kind == "pre" else "post_test",
                        gettext_noop("Differs from the score on row %(row)d."),
                        row=earlier[0],
                    )
        if len(report.errors) == row_errors:
            clean.append((worker, lookup.sessions[date], status, scores, number))
    return report, clean


def _header(rows, aliases) -> tuple[int, dict[str, int]]:
    """Where the header row is, and the column of each field it names.

    The template has a note above its header, and trainers' own sheets often have a title: the
    header is the first of the top rows that names at least two of the sheet's columns.
    """
    for at, (_number, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = {}
        for index, title in enumerate(values):
            key = aliases.get(name_normalise(cell_text(title)))
            if key and key not in columns:
                columns[key] = index
        if len(columns) >= 2:
            return at, columns
    return 0, {}


def _row_worker(report, lookup, number, licence, name_ar, name_latin) -> HealthWorker | None:
    licence = licence_text(licence).upper()
    if licence:
        worker = lookup.by_licence.get(licence)
        if worker is None:
            report.error(
                number,
                "licence_number",
                gettext_noop("No health worker with this licence number in your area."),
            )
        elif (
            enrolment := lookup.enrolments.get(worker.pk)
        ) and enrolment.status == Enrolment.Status.WITHDRAWN:
            report.error(
                number,
                "licence_number",
                gettext_noop("This person has withdrawn from the workshop."),
            )
            return None
        return worker
    for column, name in (("name_ar", name_ar), ("name_latin", name_latin)):
        key = name_normalise(cell_text(name))
        if not key:
            continue
        matches = lookup.by_name.get(key, [])
        if len(matches) == 1:
            return matches[0]
        reason = (
            gettext_noop("Several people on the roster have this name; give the licence number.")
            if matches
            else gettext_noop("Nobody on the roster has this name; give the licence number.")
        )
        report.error(number, column, reason)
        return None
    report.error(number, "licence_number", gettext_noop("Give the licence number or the name."))
    return None
