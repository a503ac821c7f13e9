from coverage.models.cells import ActivityCell, HeadcountCell, TrainedCell
from coverage.models.provider_cells import ProviderActivityCell, ProviderTrainedCell
from coverage.models.records import CoverageExport, ReportSubscription

__all__ = [
    "ActivityCell",
    "CoverageExport",
    "HeadcountCell",
    "ProviderActivityCell",
    "ProviderTrainedCell",
    "ReportSubscription",
    "TrainedCell",
]
