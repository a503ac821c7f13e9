"""The registry's API: search health workers (for adding a walk-in on a phone)."""

from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from workforce.models import TRAINING_ROLES, HealthWorker
from workforce.selectors import health_worker_search

router = Router(tags=["workforce"])

SEARCH_LIMIT = 200  # the best matches only: a search is for finding one person


class HealthWorkerOut(Schema):
    id: int
    name_ar: str
    name_latin: str
    licence_number: str
    cadre: str
    facility: str


@router.get("/health-workers", response=list[HealthWorkerOut])
@paginate(PageNumberPagination, page_size=20)
def health_workers(request, q: str = ""):
    """Health workers in the user's training scope matching `q`, best match first."""
    if not q.strip():
        return []
    in_scope = HealthWorker.objects.visible_to(request.user, roles=TRAINING_ROLES)
    found = health_worker_search(queryset=in_scope, query=q.strip())
    return [
        {
            "id": w.pk,
            "name_ar": w.name_ar,
            "name_latin": w.name_latin,
            "licence_number": w.licence_number or "",
            "cadre": str(w.cadre),
            "facility": str(w.facility),
        }
        for w in found.select_related("cadre", "facility")[:SEARCH_LIMIT]
    ]
