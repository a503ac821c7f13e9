"""Pages of trainers (workshops, rosters, marking, scores) and health workers (My learning).

Every record is looked up through its family's `visible_to`/`manageable_by`, so a record outside
the user's reach is a 404 whatever the URL says. The pages are in `trainer`, `attendance`,
`joining`, `learning` and `sync` (offline devices); `courses/urls.py` routes to them.
"""
