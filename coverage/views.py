"""The coverage pages, their exports and the monthly report's subscription.

Every page goes through one skeleton (`coverage_page`: filters, the shared context, 400 on bad
filters) and builds only its own part from the selectors. Over 300 lines because the index page's
table, map and chart are turned into text here once (a directorate can list hundreds of
facilities), beside the small views of exports, DHIS2 and the report.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, translation
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import spreadsheets
from core.isolates import left_to_right
from coverage import charts, exports, selectors, services
from coverage.forms import CoverageFilterForm
from coverage.models import CoverageExport, ReportSubscription
from coverage.selectors import CHILD_LEVEL, PLACE_MODEL
from workforce.models import Governorate

COURSES_PER_PAGE = {"national": 10, "governorate": 10, "directorate": 2, "facility": 5}
INLINE_EXPORT_ROWS = 20_000
ROWS_PER_PAGE = 100  # the facilities of a large directorate; totals still cover all of them
CHART_MAX_BARS = 40  # past that (the facilities of a large directorate) the table says it better


def auditor_required(view):
    """Logged-in users with an auditor or administrator role; anyone else is told nothing (404)."""

    @login_required
    def wrapped(request, *args, **kwargs):
        if not selectors.user_may_audit(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _filters(request):
    form = CoverageFilterForm(data=request.GET or None)
    if request.GET and not form.is_valid():
        return form, None
    if not request.GET:
        form = CoverageFilterForm(data={})
        form.is_valid()
    query = form.coverage_query()
    place = selectors.audit_place(user=request.user, level=query.level, place_id=query.place_id)
    form.place_object = place
    return form, query


def _querystring(request, **changes) -> str:
    params = request.GET.copy()
    for key, value in changes.items():
        params.pop(key, None)
        if value is not None:
            params[key] = value
    return params.urlencode()


def _drill(request, level, place) -> str:
    """The query string of another place: same courses, period and cadres, first pages."""
    return _querystring(request, level=level, place=place, page=None, rows=None)


def _breadcrumbs(request, place) -> list[tuple[str, str]]:
    crumbs = [(_("All of your scope"), _drill(request, None, None))]
    chain = []
    if place is not None:
        chain = [place]
        if hasattr(place, "directorate"):
            chain = [place.governorate, place.directorate, place]
        elif hasattr(place, "governorate"):
            chain = [place.governorate, place]
    for level, item in zip(("governorate", "directorate", "facility"), chain, strict=False):
        if item is None:
            continue
        crumbs.append((item.name, _drill(request, level, item.pk)))
    return crumbs


def _context(request, form, query, view_name: str) -> dict:
    place = getattr(form, "place_object", None)
    return {
        "form": form,
        "query": query,
        "place": place,
        "view_name": view_name,
        "export_view": "table" if view_name == "index" else view_name,
        "breadcrumbs": _breadcrumbs(request, place) if query else [],
        # Isolated left-to-right, or an Arabic sentence shows 2026-12 as 12-2026.
        "period_start": left_to_right(f"{query.start:%Y-%m}") if query else "",
        "period_end": left_to_right(f"{query.end:%Y-%m}") if query else "",
        "querystring": request.GET.urlencode(),
        "exports": exports.FORMATS,
        "course_options": form.course_options(query.courses if query else ()),
    }


def coverage_page(view_name: str):
    """The skeleton of each coverage page: the filters, the shared context, 400 on bad filters.

    The decorated function builds only what its page adds: `build(request, form, query) -> dict`.
    """

    def decorate(build):
        @auditor_required
        @wraps(build)
        def view(request):
            form, query = _filters(request)
            context = _context(request, form, query, view_name)
            template = f"coverage/{view_name}.html"
            if query is None:
                return render(request, template, context, status=400)
            context.update(build(request, form, query))
            return render(request, template, context)

        return view

    return decorate


def _focus(form, query, user) -> int | None:
    focus = form.cleaned_data.get("focus") if form.is_valid() else None
    if focus and (not query.courses or focus in query.courses):
        return focus
    if query.courses:
        return query.courses[0]
    # Unasked, the map opens on what happened: the busiest course, not the first by code.
    if busiest := selectors.most_active_course(user=user, query=query):
        return busiest
    first = form.course_list[:1]
    return first[0].id if first else None


def _governorate_of(query) -> int | None:
    """The governorate of the place drilled into (already checked against the user's scope)."""
    if query.level == "governorate":
        return query.place_id
    path = {"directorate": "governorate_id", "facility": "directorate__governorate_id"}
    if query.level not in path:
        return None
    model = PLACE_MODEL[query.level]
    return model.objects.filter(pk=query.place_id).values_list(path[query.level], flat=True).first()


def _course(form, course_id):
    return next((course for course in form.course_list if course.id == course_id), None)


@coverage_page("index")
def index(request, form, query) -> dict:
    """Coverage per place and course, the map and a chart of the focus course."""
    courses = form.chosen_courses(query)
    page = Paginator(courses, COURSES_PER_PAGE[query.level]).get_page(form.cleaned_data.get("page"))
    focus = _focus(form, query, request.user)
    course_ids = [course.id for course in page]
    if query.level == "national" and focus and focus not in course_ids:
        # The map's figures are national ones: the same queries as the page's, one course more.
        course_ids.append(focus)
    table = selectors.coverage_table(user=request.user, query=query, course_ids=course_ids)
    rows_page = Paginator(table.places, ROWS_PER_PAGE).get_page(form.cleaned_data.get("rows"))
    return {
        "blocks": _course_blocks(request, query, table, page, rows_page),
        "page": page,
        "focus": focus,
        "focus_course": _course(form, focus),
        "rows_page": rows_page,
        "row_links": _page_links(request, rows_page, "rows"),
        "page_links": _page_links(request, page, "page"),
        "subscribed": ReportSubscription.objects.filter(user=request.user, is_active=True).exists(),
        **_map_and_chart(request, query, table, page, focus),
    }


def _course_blocks(request, query, table, page, rows_page) -> list[dict]:
    """Per course of the page: its rows of figures as text, its totals and its focus link."""
    child = CHILD_LEVEL.get(query.level)
    # A directorate can hold hundreds of facilities: links and figures are made into text here
    # once, which the template then only prints.
    base = _drill(request, None, None)
    links = {
        row.id: f"{base}{'&' if base else ''}level={child}&place={row.id}" if child else ""
        for row in rows_page
    }
    separator = formats.get_format("DECIMAL_SEPARATOR")
    blocks = []
    for course in page:
        rows = [
            {"place": row, "link": links[row.id],
             **_figure_texts(table.figures(row.id, course.id), separator)}
            for row in rows_page
        ]  # fmt: skip
        total = _figure_texts(table.totals[course.id], separator)
        focus_link = _querystring(request, focus=course.id)
        blocks.append(
            {
                "course": course,
                "rows": rows,
                "rows_html": _rows_html(rows),
                "total": total,
                "focus_link": focus_link,
            }
        )
    return blocks


def _rows_html(rows: list[dict]):
    """A course's table rows as HTML (19 governorates, or up to 100 facilities, per course and
    up to ten courses a page: the template's loop cost a few ms a page)."""
    return format_html_join(
        "",
        '<tr>\n      <th scope="row">{}</th>\n'
        '      <td data-figure="trained">{}</td><td data-figure="workforce">{}</td>\n'
        '      <td data-figure="share">{}</td><td data-figure="certificates">{}</td>\n    </tr>',
        (
            (
                format_html(
                    '<a href="?{}" data-drill="{}">{}</a>', row["link"], row["place"].code,
                    row["place"].name,
                ) if row["link"] else row["place"].name,
                row["trained"], row["workforce"], row["share"], row["certificates"],
            )
            for row in rows
        ),
    )  # fmt: skip


def _map_and_chart(request, query, table, page, focus) -> dict:
    """The map of the focus course's shares, and its bar chart by place when it is readable."""
    if not focus:
        return {"map_svg": "", "chart_svg": ""}
    on_page = focus in {course.id for course in page}
    if query.level == "national" and focus in table.totals:  # national figures already at hand
        shares = {place.id: table.figures(place.id, focus) for place in table.places}
    else:
        shares = selectors.map_shares(user=request.user, query=query, course_id=focus)
    found = {
        "map_svg": charts.coverage_map(
            governorates=list(Governorate.objects.all()),
            figures=shares,
            link=lambda g: "?" + _drill(request, "governorate", g.pk),
            highlight=_governorate_of(query),
        ),
        "chart_svg": "",
        "map_rows": [
            (governorate, shares[governorate.pk])
            for governorate in Governorate.objects.filter(pk__in=shares).order_by("name_en")
        ],
    }
    places = table.places if on_page and len(table.places) <= CHART_MAX_BARS else []
    focus_rows = [(row.name, table.figures(row.id, focus).share) for row in places]
    if focus_rows:
        found["chart_svg"] = charts.bar_chart(title=_("Coverage by place"), bars=focus_rows)
        found["chart_data"] = charts.chart_data(
            kind="bars",
            title=_("Coverage by place"),
            labels=[label for label, _share in focus_rows],
            series=[[share for _label, share in focus_rows]],
            names=[_("Coverage")],
        )
    return found


def _page_links(request, page, parameter: str) -> dict[str, str]:
    """The querystrings of the previous and next page of a paginated list, or ""."""
    return {
        "previous": _querystring(request, **{parameter: page.previous_page_number()})
        if page.has_previous()
        else "",
        "next": _querystring(request, **{parameter: page.next_page_number()})
        if page.has_next()
        else "",
    }


def _figure_texts(figures, separator: str) -> dict[str, str]:
    share = "—" if figures.share is None else f"{figures.share:.1f}".replace(".", separator) + "%"
    return {
        "trained": str(figures.trained),
        "workforce": str(figures.workforce),
        "share": share,
        "certificates": str(figures.certificates),
    }


@coverage_page("gaps")
def gaps(request, form, query) -> dict:
    """Facilities with nobody trained in the focus course, largest workforce first."""
    focus = _focus(form, query, request.user)
    gap_rows = (
        selectors.coverage_gaps(user=request.user, query=query, course_id=focus) if focus else []
    )
    return {
        "focus": focus,
        "focus_course": _course(form, focus),
        "gaps": gap_rows[:200],
        "gap_count": len(gap_rows),
        "course_choices": form.chosen_courses(query) if query.courses else [],
    }


@coverage_page("trend")
def trend(request, form, query) -> dict:
    """Complete completions per month, as a chart and a table."""
    months = selectors.coverage_trend(user=request.user, query=query)
    columns = [(month.strftime("%Y-%m"), n) for month, n in months]
    return {
        "months": months,
        "chart_svg": charts.column_chart(title=_("Completions per month"), columns=columns),
        "chart_data": charts.chart_data(
            kind="columns",
            title=_("Completions per month"),
            labels=[label for label, _n in columns],
            series=[[n for _label, n in columns]],
            names=[_("Completions")],
            unit="",
        ),
    }


@coverage_page("knowledge")
def knowledge(request, form, query) -> dict:
    """Mean pre- and post-test scores per place."""
    gains = selectors.knowledge_gain(user=request.user, query=query)
    bars, pre, post = [], _("pre"), _("post")
    for gain in gains:
        bars.append((f"{gain.place.name} · {pre}", _float(gain.pre_mean)))
        bars.append((f"{gain.place.name} · {post}", _float(gain.post_mean)))
    return {
        "gains": gains,
        "chart_svg": charts.bar_chart(title=_("Knowledge gain"), bars=bars),
        "chart_data": charts.chart_data(
            kind="bars",
            title=_("Knowledge gain"),
            labels=[gain.place.name for gain in gains],
            series=[
                [_float(gain.pre_mean) for gain in gains],
                [_float(gain.post_mean) for gain in gains],
            ],
            names=[_("Mean pre-test"), _("Mean post-test")],
        ),
    }


def _float(value):
    return None if value is None else float(value)


@auditor_required
def export(request, view: str, file_format: str):
    """A view as CSV or XLSX: streamed now, or built in the background when it is large."""
    if view not in exports.VIEWS or file_format not in exports.FORMATS:
        raise Http404
    form, query = _filters(request)
    if query is None:
        return render(request, "coverage/index.html", _context(request, form, query, "index"), 400)
    size = exports.estimated_rows(view=view, user=request.user, query=query)
    if view == "facilities" or size > INLINE_EXPORT_ROWS:
        job = services.coverage_export_start(
            user=request.user,
            view=view,
            file_format=file_format,
            query_string=request.GET.urlencode(),
            language=get_language(),
        )
        return redirect("coverage:export_status", pk=job.pk)
    rows = _in_language(
        exports.ROWS[view](user=request.user, query=query, focus=_focus(form, query, request.user)),
        get_language(),
    )
    filename = f"coverage-{view}.{file_format}"
    if file_format == "csv":
        response = StreamingHttpResponse(
            spreadsheets.csv_stream(rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    handle = spreadsheets.xlsx_write(rows, title=view, rtl=get_language_bidi())
    return FileResponse(handle, as_attachment=True, filename=filename)


def _in_language(rows, language: str):
    """Rows produced in the reader's language, even when the response streams after the view."""
    with translation.override(language):
        yield from rows


@auditor_required
def export_status(request, pk: int):
    """The progress bar of a background export, and its download link once ready."""
    job = get_object_or_404(CoverageExport, pk=pk, user=request.user)
    return render(request, "coverage/export_status.html", {"job": job})


@auditor_required
def export_download(request, pk: int):
    job = get_object_or_404(CoverageExport, pk=pk, user=request.user, finished_at__isnull=False)
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=f"coverage-{job.view}.{job.file_format}"
    )


@auditor_required
def dhis2(request):
    """Monthly workers trained per facility and course, as a DHIS2 dataValueSets document."""
    from coverage import dhis2 as exchange

    form, query = _filters(request)
    if query is None:
        return JsonResponse({"errors": form.errors}, status=400)
    document = exchange.data_value_set(user=request.user, query=query)
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Disposition"] = 'attachment; filename="coverage-dhis2.json"'
    return response


@auditor_required
def report(request):
    """The monthly coverage report of the user's scope, built now as a PDF."""
    from coverage import reports

    pdf = reports.coverage_report_pdf(user=request.user, language=get_language())
    response = FileResponse(
        iter([pdf]), content_type="application/pdf", filename="coverage-report.pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="coverage-report.pdf"'
    return response


@require_POST
@auditor_required
def subscription(request):
    """Turn the monthly report by email on or off for the user."""
    wanted = request.POST.get("subscribe") == "1"
    services.report_subscription_set(user=request.user, active=wanted, language=get_language())
    target = request.POST.get("next", "")
    # Only a path of this site: anything else (a view name, another host) goes to the index.
    if not target.startswith("/") or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = "coverage:index"
    return redirect(target)
