from workforce.models.geography import Directorate, Facility, Governorate, Region
from workforce.models.merges import HealthWorkerAlias, HealthWorkerMerge
from workforce.models.people import Cadre, HealthWorker, Sex, workforce_q
from workforce.models.providers import Provider, ProviderKind
from workforce.models.reads import PersonalRecordRead
from workforce.models.roles import (
    ADMINISTERING_ROLES,
    AUDITING_ROLES,
    REVIEWING_ROLES,
    TRAINING_ROLES,
    Role,
    RoleAssignment,
    ScopeLevel,
    manages_roles,
)

__all__ = [
    "Cadre",
    "Directorate",
    "Facility",
    "Governorate",
    "HealthWorker",
    "HealthWorkerAlias",
    "HealthWorkerMerge",
    "PersonalRecordRead",
    "Provider",
    "ProviderKind",
    "Region",
    "ADMINISTERING_ROLES",
    "AUDITING_ROLES",
    "REVIEWING_ROLES",
    "TRAINING_ROLES",
    "Role",
    "RoleAssignment",
    "ScopeLevel",
    "Sex",
    "manages_roles",
    "workforce_q",
]
