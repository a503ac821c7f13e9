from coverage.models.cells import ActivityCell, HeadcountCell, PendingRefresh, TrainedCell
from coverage.models.provider_cells import ProviderActivityCell, ProviderTrainedCell
from coverage.models.records import CoverageExport, ReportSubscription

__all__ = [
    "ActivityCell",
    "CoverageExport",
    "HeadcountCell",
    "PendingRefresh",
    "ProviderActivityCell",
    "ProviderTrainedCell",
    "ReportSubscription",
    "TrainedCell",
]
