"""Charts and the map drawn as SVG on the server: no script, no other host, light on a phone.

The map draws the governorates' outlines from `coverage/maps/governorates.json` (Natural Earth's
public-domain boundaries, projected and simplified by `scripts/build-governorate-map`; Halabja's
line is approximate, see that script), about 17 KB.
"""

import json
from functools import lru_cache
from pathlib import Path

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

SHADES = [(0, "#f1f7f4"), (20, "#c7e3d3"), (40, "#8cc5a6"), (60, "#4a9f74"), (80, "#0b6e4f")]
OUTSIDE_SCOPE = "#d0d5d8"
MAP_FILE = Path(__file__).resolve().parent / "maps" / "governorates.json"


@lru_cache(maxsize=1)
def governorate_outlines() -> dict:
    """Width, height and each governorate's rings and label point, keyed by governorate code."""
    return json.loads(MAP_FILE.read_text())


def outline_path(rings: list) -> str:
    """SVG path data of a governorate's rings."""
    return "".join("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z" for points in rings)


def shade(share: float | None) -> str:
    if share is None:
        return "#e4e7e9"
    colour = SHADES[0][1]
    for floor, value in SHADES:
        if share >= floor:
            colour = value
    return colour


def ink(share: float | None) -> str:
    """Label colour that reads on the shade of `share`."""
    return "#ffffff" if share is not None and share >= 60 else "#1d2a33"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1f}%"


def coverage_map(*, governorates, figures: dict, link, highlight: int | None = None) -> str:
    """Governorates shaded by coverage; those outside the scope are grey and carry no figure.

    `highlight` (a governorate id) is the place drilled into: outlined in dark ink, drawn on top.
    Labels are 12 units on a 400-unit map: about 10 px on a 360 px phone (9 made 7 px).
    """
    outlines = governorate_outlines()
    width, height = outlines["width"], outlines["height"]
    shapes, labels, on_top = [], [], []
    for governorate in governorates:
        outline = outlines["governorates"].get(governorate.code)
        if outline is None:
            continue
        inside = governorate.pk in figures
        share = figures[governorate.pk].share if inside else None
        title = f"{governorate.name}: {percent(share)}" if inside else governorate.name
        shape = format_html(
            '<path d="{}" fill="{}" stroke="#ffffff" stroke-width="1"><title>{}</title></path>',
            outline_path(outline["rings"]), shade(share) if inside else OUTSIDE_SCOPE, title,
        )  # fmt: skip
        if inside and link:
            shape = format_html(
                '<a href="{}" aria-label="{}">{}</a>', link(governorate), title, shape
            )
        shapes.append(shape)
        if governorate.pk == highlight:
            on_top.append(format_html(
                '<path class="map-highlight" d="{}" fill="none" stroke="#1d2a33" '
                'stroke-width="3" aria-current="location"/>',
                outline_path(outline["rings"]),
            ))  # fmt: skip
        x, y = outline["label"]
        figure = percent(share) if inside else ""
        if "anchor" in outline:
            # A small governorate's label stands beside it, on the page's background.
            ax, ay = outline["anchor"]
            labels.append(format_html(
                '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#1d2a33" stroke-width="0.8"/>'
                '<text x="{}" y="{}" font-size="12" fill="#1d2a33">{}'
                '<tspan x="{}" dy="13">{}</tspan></text>',
                ax, ay, x - 2, y - 4, x, y, governorate.name, x, figure,
            ))  # fmt: skip
            continue
        colour = ink(share) if inside else "#1d2a33"
        labels.append(format_html(
            '<text x="{}" y="{}" font-size="12" fill="{}" text-anchor="middle">{}'
            '<tspan x="{}" dy="13">{}</tspan></text>',
            x, y, colour, governorate.name, x, figure,
        ))  # fmt: skip
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="14" height="14" fill="{}" stroke="#8a969e" '
        'stroke-width="0.5"/><text x="{}" y="{}" font-size="12">{}</text>',
        (
            (index * 64, height + 8, colour, index * 64 + 18, height + 19, f"≥{floor}%")
            for index, (floor, colour) in enumerate(SHADES)
        ),
    )  # fmt: skip
    return format_html(
        '<svg class="coverage-map" viewBox="0 0 {} {}" role="group" aria-labelledby="map-title" '
        'direction="ltr"><title id="map-title">{}</title><g>{}</g>'
        '<g pointer-events="none" aria-hidden="true">{}{}</g>{}</svg>',
        width, height + 28, _("Coverage by governorate"), mark_safe("".join(shapes)),  # noqa: S308
        mark_safe("".join(on_top)), mark_safe("".join(labels)), legend,  # noqa: S308
    )  # fmt: skip


def bar_chart(*, title: str, bars: list[tuple[str, float | None]], unit: str = "%") -> str:
    """Horizontal bars, one per label; values in percent (0-100) unless `unit` says otherwise."""
    top = max([value for _label, value in bars if value is not None] + [1.0])
    scale = 100.0 if unit == "%" else top
    height = 22 * len(bars) + 8
    rows = format_html_join(
        "",
        '<g><text x="0" y="{}" font-size="12">{}</text><rect x="150" y="{}" width="{}" '
        'height="14" fill="#0b6e4f"/><text x="{}" y="{}" font-size="11">{}</text></g>',
        (
            (
                22 * index + 16, label[:22], 22 * index + 5,
                0 if value is None else 200 * value / scale,
                155 + (0 if value is None else 200 * value / scale), 22 * index + 16,
                "—" if value is None else (f"{value:.1f}%" if unit == "%" else f"{value:g}"),
            )
            for index, (label, value) in enumerate(bars)
        ),
    )  # fmt: skip
    return format_html(
        '<svg class="chart" viewBox="0 0 420 {}" role="img" aria-label="{}" direction="ltr">'
        '{}</svg>',
        height, title, rows,
    )  # fmt: skip


def column_chart(*, title: str, columns: list[tuple[str, int]]) -> str:
    """Vertical columns (the monthly trend), a month label under every few columns.

    At most six labels of 11 units: on a phone the chart shrinks, and a label per month overlapped.
    """
    top = max([value for _label, value in columns] + [1])
    width = max(28 * len(columns), 120)
    every = -(-len(columns) // 6)
    bars = format_html_join(
        "",
        '<g><title>{}: {}</title><rect x="{}" y="{}" width="20" height="{}" fill="#0b6e4f"/>'
        '<text x="{}" y="156" font-size="11" text-anchor="middle">{}</text></g>',
        (
            (label, value, 28 * index + 4, 140 - 130 * value / top, 130 * value / top,
             28 * index + 14, "" if index % every else label[2:])
            for index, (label, value) in enumerate(columns)
        ),
    )  # fmt: skip
    return format_html(
        '<svg class="chart" viewBox="0 0 {} 160" role="img" aria-label="{}" direction="ltr">'
        '{}</svg>',
        width, title, bars,
    )  # fmt: skip


def chart_data(
    *, kind: str, title: str, labels: list[str], series: list[list], names=(), unit: str = "%"
) -> dict:
    """What the vendored Chartist draws (coverage/static/coverage/charts.js) in place of the SVG.

    `kind` is "bars" (horizontal, one per label) or "columns" (vertical, the monthly trend).
    """
    return {
        "kind": kind,
        "title": str(title),
        "labels": [str(label) for label in labels],
        "series": [
            [None if value is None else round(value, 1) for value in values] for values in series
        ],  # fmt: skip
        "names": [str(name) for name in names],
        "unit": unit,
    }
