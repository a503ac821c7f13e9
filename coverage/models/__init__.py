from coverage.models.cells import ActivityCell, HeadcountCell, TrainedCell
from coverage.models.records import CoverageExport, ReportSubscription

__all__ = ["ActivityCell", "CoverageExport", "HeadcountCell", "ReportSubscription", "TrainedCell"]
