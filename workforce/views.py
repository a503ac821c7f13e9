"""Views of the workforce registry."""
