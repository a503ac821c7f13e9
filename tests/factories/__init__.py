"""Factories of the tests, one module per app.

The demo (`demo/`) is not built from them: a factory makes anonymous, random records one at a
time for one test's needs, while the demo needs named, stable people, places and course texts a
reader recognises from run to run (a fixed seed) and national-scale volumes written with
`bulk_create`. Both go through the same services wherever a rule applies (`role_assign`,
`health_worker_create`, `workshop_create`); see docs/architecture.md.
"""
