"""Long lists in pages of Django's Paginator, with links that keep the page's other filters."""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator

PER_PAGE = 50


def page_of(request, items, *, per_page: int = PER_PAGE) -> dict:
    """The requested page of `items` and what `includes/pager.html` needs to link the others."""
    page: Page = Paginator(items, per_page).get_page(request.GET.get("page"))
    others = [(key, value) for key, value in request.GET.items() if key != "page"]
    return {
        "page_obj": page,
        "page_range": list(page.paginator.get_elided_page_range(page.number, on_each_side=1)),
        # Ends with "&" when there is anything, so the pager appends "page=N" alone.
        "page_query": urlencode(others) + "&" if others else "",
    }
