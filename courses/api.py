"""The tracking API's own routes; the field app's phones use these through /api/v1/field/."""

from ninja import Router

# Kept for the routes of the tracking pages that move to the API; none yet beyond field/.
router = Router(tags=["courses"])
