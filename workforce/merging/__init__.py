"""One person, one record: merging two registry records of the same person, and undoing it.

`workforce` sits below the apps that own a person's enrolments, marks, completions, claims and
requests, so it cannot move them itself. Each of those apps registers a `Mover` (in its
`AppConfig.ready`, see `movers.py`) that moves its own rows to the survivor and restores them on
undo; `services.health_worker_merge` calls every mover and keeps what each moved on the merge
record. See docs/programmes.md, "One person, one record".
"""
