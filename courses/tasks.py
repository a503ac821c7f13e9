"""Celery entry points of the courses app: thin, taking ids, each calling one service."""

from celery import shared_task

# --- Course content: offline packs (courses/packs.py) ---------------------------------------------


@shared_task
def course_pack_build_task(course_id: int, language: str, user_id: int | None = None) -> dict:
    """Build the offline pack of a course in one language."""
    from courses.packs import pack_build

    return pack_build(course_id=course_id, language=language, user_id=user_id)


# --- end of course content tasks ------------------------------------------------------------------
