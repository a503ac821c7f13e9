"""What courses does when the registry below it changes (connected in CoursesConfig.ready)."""


def governorate_saved(sender, instance, created, raw=False, **kwargs):
    """A new governorate gets its documents and images collection at once.

    Not for raw saves (fixtures, restoring a test database): those bring their collections along.
    """
    from courses.collections import scope_collection

    if created and not raw:
        scope_collection(governorate=instance)
