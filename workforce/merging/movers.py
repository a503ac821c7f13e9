"""The registry of merge movers: how the apps above `workforce` move a person's rows.

A mover is registered by the app that owns the rows, in its `AppConfig.ready`:

    merge_mover_register(Mover(name="courses", move=courses_rows_move))

`move(survivor=, merged=, actor=)` moves the merged record's rows to the survivor, resolving
clashes by its app's documented rule, and returns the `Moves` it made. `restore(moves=, actor=)`
puts them back on undo; the default reverts each recorded change in reverse order.
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


@dataclass(frozen=True)
class Mover:
    name: str
    move: Callable[..., Moves]
    restore: Callable[..., None] = field(default=moves_undo)


MOVERS: dict[str, Mover] = {}


def merge_mover_register(mover: Mover) -> None:
    """Add an app's mover; registering the same name again replaces it (reloads in tests)."""
    MOVERS[mover.name] = mover
