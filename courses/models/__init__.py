from courses.models.pages import (
    CourseIndexPage,
    CoursePage,
    CourseSectionPage,
    HomePage,
    ModulePage,
)
from courses.models.workshops import (
    AssessmentScore,
    AttendanceMark,
    Completion,
    Enrolment,
    ExternalActivity,
    Session,
    Workshop,
)

__all__ = [
    "AssessmentScore",
    "AttendanceMark",
    "Completion",
    "CourseIndexPage",
    "CoursePage",
    "CourseSectionPage",
    "Enrolment",
    "ExternalActivity",
    "HomePage",
    "ModulePage",
    "Session",
    "Workshop",
]
