from workforce.models.geography import Directorate, Facility, Governorate, Region
from workforce.models.people import Cadre, HealthWorker, Sex
from workforce.models.reads import PersonalRecordRead
from workforce.models.roles import Role, RoleAssignment, ScopeLevel, manages_roles

__all__ = [
    "Cadre",
    "Directorate",
    "Facility",
    "Governorate",
    "HealthWorker",
    "PersonalRecordRead",
    "Region",
    "Role",
    "RoleAssignment",
    "ScopeLevel",
    "Sex",
    "manages_roles",
]
