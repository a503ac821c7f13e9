"""The registry of merge movers: how the apps above `workforce` move a person's rows.

A mover is registered by the app that owns the rows, in its `AppConfig.ready`:

    merge_mover_register(Mover(name="courses", move=courses_rows_move))

`move(survivor=, merged=, actor=)` moves the merged record's rows to the survivor, resolving
clashes by its app's documented rule, and returns the `Moves` it made. `restore(moves=, actor=)`
puts them back on undo; the default reverts each recorded change in reverse order.
`counts(worker)` says what the app holds of one record, as (label, number) pairs, for the
side-by-side view; an app may register a mover only for its counts (certificates follow their
completion and move with it).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.apps import apps


class Moves(list):
    """The changes a mover made, one JSON-ready entry per row and field, in the order made."""

    def update(self, row, **values) -> None:
        """Change `values` (attribute names) of one row, and remember what they were."""
        for name, new in values.items():
            self.append(
                {"model": row._meta.label, "pk": row.pk, "field": name,
                 "old": getattr(row, name), "new": new}
            )  # fmt: skip
        # A queryset update: no save(), so no `auto_now` stamp or signal that undo could not undo.
        type(row)._base_manager.filter(pk=row.pk).update(**values)
        for name, new in values.items():
            setattr(row, name, new)


def moves_undo(*, moves: list[dict], actor=None) -> None:
    """Revert recorded changes, last first, so unique pairs never clash on the way back."""
    for entry in reversed(moves):
        model = apps.get_model(entry["model"])
        model._base_manager.filter(pk=entry["pk"]).update(**{entry["field"]: entry["old"]})


def nothing_moves(*, survivor, merged, actor=None) -> Moves:
    """The move of an app whose rows follow another app's rows."""
    return Moves()


@dataclass(frozen=True)
class Mover:
    name: str
    move: Callable[..., Moves] = nothing_moves
    restore: Callable[..., None] = field(default=moves_undo)
    counts: Callable[..., list] | None = None


MOVERS: dict[str, Mover] = {}


def merge_mover_register(mover: Mover) -> None:
    """Add an app's mover; registering the same name again replaces it (reloads in tests)."""
    MOVERS[mover.name] = mover
