"""Factories shared by the tests and the demo seed, one module per app."""
