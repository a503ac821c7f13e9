"""django-axes counting failed logins per username at an address and per address overall."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit

from django.conf import settings
from django.db.models import Sum


def _total(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AddressLimitHandler(AxesDatabaseHandler):
    """Locks a username at an address after AXES_FAILURE_LIMIT failures, and a whole address after
    AXES_ADDRESS_FAILURE_LIMIT failures summed over every username tried from it.

    The per-address limit is higher because a hospital's staff share one NAT address; it stops one
    address from trying a few passwords on every account, which the per-username count never sees.
    Expects AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]].
    """

    def get_failures(self, request, credentials=None) -> int:
        per_login, per_address = (_total(q) for q in self.get_user_attempts(request, credentials))
        if per_address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(per_login, get_failure_limit(request, credentials))
        return per_login

    def reset_user_attempts(self, request, credentials=None) -> int:
        # A success clears that username's failures only: logging into one's own account must not
        # wipe the address's count of guesses at other people's.
        count, _ = self.filter_user_attempts(request, credentials)[0].delete()
        return count


def username_for_lockout(request, credentials=None):
    """The username django-axes counts, cut to its column's 150 characters.

    A login posted with a 10 kB username made the failure record overflow the column on PostgreSQL
    (a 500); the form itself refuses such a name, so nothing real is lost by the cut.
    """
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    source = credentials if credentials else getattr(request, "POST", None)
    value = source.get(field) if source else None
    return value[:150] if isinstance(value, str) else value
