"""FHIR R4 resources built from the registry and completions, as plain JSON-ready dicts.

Pure functions of the records given (no queries of their own, no request): the views and any
later task hand them what they read through `visible_to`.
"""
