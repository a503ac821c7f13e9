from courses.models.collections import ScopeCollection
from courses.models.notices import Notice
from courses.models.pages import (
    CourseIndexPage,
    CoursePage,
    CourseSectionPage,
    HomePage,
    ModulePage,
)
from courses.models.tracking import (
    AttendanceImport,
    JoinRequest,
    PendingWalkIn,
    RecordChange,
    WalkInRequest,
)
from courses.models.trainers import (
    LeadTrainerWaiver,
    QualifiedTrainer,
    TrainerRole,
    WorkshopTrainer,
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
    "AttendanceImport",
    "AttendanceMark",
    "Completion",
    "CourseIndexPage",
    "CoursePage",
    "CourseSectionPage",
    "Enrolment",
    "ExternalActivity",
    "HomePage",
    "ModulePage",
    "Notice",
    "PendingWalkIn",
    "RecordChange",
    "ScopeCollection",
    "Session",
    "JoinRequest",
    "LeadTrainerWaiver",
    "QualifiedTrainer",
    "TrainerRole",
    "WorkshopTrainer",
    "WalkInRequest",
    "Workshop",
]
