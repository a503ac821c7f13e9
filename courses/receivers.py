"""What courses does when the registry below it changes (connected in CoursesConfig.ready)."""


def governorate_saved(sender, instance, created, **kwargs):
    """A new governorate gets its documents and images collection at once."""
    from courses.collections import scope_collection

    if created:
        scope_collection(governorate=instance)
