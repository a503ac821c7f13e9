"""Lines set down a page with room for what reaches past their letters (marks, descenders)."""

from core.pdf.text import ShapedLine


class LineStack:
    """Places lines from the top down so no line's ink reaches the ink of the line above."""

    def __init__(self, *, top: float, gap: float = 2):
        self.floor = top
        self.gap = gap

    def place(self, y: float, *lines: tuple[ShapedLine, float]) -> float:
        """The baseline, at `y` or lower, for (line, size) pairs drawn side by side on it."""
        inks = [line.ink_at(size) for line, size in lines]
        if not inks:
            return y
        y = min(y, self.floor - self.gap - max(top for _bottom, top in inks))
        self.floor = y + min(bottom for bottom, _top in inks)
        return y
