"""The cascade report of training-of-trainers workshops: a page and a CSV, in the viewer's scope."""

from django.contrib.auth.decorators import login_required
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation

from core.spreadsheets import csv_stream
from courses import selectors


def _master_or_404(request, pk):
    """A workshop of a trainer course that the user may see."""
    return get_object_or_404(selectors.cascade_masters(user=request.user), pk=pk)


@login_required
def cascade_index(request):
    masters = selectors.cascade_masters(user=request.user)
    return render(request, "courses/cascade_index.html", {"masters": masters[:100]})


@login_required
def cascade_report(request, pk):
    master = _master_or_404(request, pk)
    cascade = selectors.cascade_for(master=master, user=request.user)
    return render(request, "courses/cascade_report.html", {"cascade": cascade})


def _in_language(rows, language: str):
    """Rows in the reader's language, though the response streams after the view returned."""
    with translation.override(language):
        yield from rows


@login_required
def cascade_csv(request, pk):
    master = _master_or_404(request, pk)
    cascade = selectors.cascade_for(master=master, user=request.user)
    rows = _in_language(selectors.cascade_rows(cascade), translation.get_language())
    response = StreamingHttpResponse(csv_stream(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="cascade-{master.pk}.csv"'
    return response
