"""How `accounts` moves a person's claims of their registry record when two records are merged.

Registered in AccountsConfig.ready (see workforce.merging.movers). A claim asks to link an account
to the merged record; it now asks for the survivor, where that record's data went. The account
link itself is a field of the registry record that the administrator chooses in the merge.
"""

from accounts.models import RecordClaim
from workforce.merging.movers import Moves


def record_claims_move(*, survivor, merged, actor=None) -> Moves:
    """Point the merged record's claims at the survivor."""
    moves = Moves()
    for claim in RecordClaim.objects.filter(health_worker=merged).order_by("pk"):
        moves.update(claim, health_worker_id=survivor.pk)
    return moves
