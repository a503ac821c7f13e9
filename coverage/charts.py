"""Charts and the map drawn as SVG on the server: no script, no other host, light on a phone.

The map is a schematic tile grid of the 19 governorates (one square each, placed roughly where the
governorate lies); no administrative boundaries of Iraq ship in any package we may install.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

# (column, row) of each governorate's tile, west to east and north to south.
TILES = {
    "DOH": (2, 0), "ERB": (3, 0),
    "NIN": (1, 1), "KIR": (3, 1), "SUL": (4, 1), "HAL": (5, 1),
    "ANB": (0, 2), "SAD": (2, 2), "DIY": (3, 2),
    "KAR": (1, 3), "BGD": (2, 3), "WAS": (3, 3),
    "NAJ": (1, 4), "BAB": (2, 4), "QAD": (3, 4), "MAY": (4, 4),
    "MUT": (2, 5), "DHQ": (3, 5), "BAS": (4, 5),
}  # fmt: skip
SHADES = [(0, "#f1f7f4"), (20, "#c7e3d3"), (40, "#8cc5a6"), (60, "#4a9f74"), (80, "#0b6e4f")]
TILE, GAP = 64, 4


def shade(share: float | None) -> str:
    if share is None:
        return "#e4e7e9"
    colour = SHADES[0][1]
    for floor, value in SHADES:
        if share >= floor:
            colour = value
    return colour


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.1f}%"


def coverage_map(*, governorates, figures: dict, link) -> str:
    """Governorates as tiles shaded by coverage; those outside the scope are grey and unlabelled."""
    tiles = []
    for governorate in governorates:
        column, row = TILES.get(governorate.code, (5, 5))
        x, y = column * (TILE + GAP), row * (TILE + GAP)
        share = figures[governorate.pk].share if governorate.pk in figures else None
        inside = governorate.pk in figures
        fill = shade(share) if inside else "#d0d5d8"
        ink = "#ffffff" if share is not None and share >= 60 else "#1d2a33"
        label = f"{governorate.name}: {percent(share)}" if inside else governorate.name
        tile = format_html(
            '<g><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="{}" '
            'stroke="#ffffff"/><text x="{}" y="{}" fill="{}" font-size="13" '
            'text-anchor="middle">{}</text><text x="{}" y="{}" fill="{}" font-size="12" '
            'text-anchor="middle">{}</text></g>',
            label, x, y, TILE, TILE, fill, x + TILE / 2, y + 26, ink, governorate.code,
            x + TILE / 2, y + 46, ink, percent(share) if inside else "",
        )  # fmt: skip
        if inside and link:
            tile = format_html('<a href="{}">{}</a>', link(governorate), tile)
        tiles.append(tile)
    legend = format_html_join(
        "",
        '<rect x="{}" y="{}" width="14" height="14" fill="{}"/>'
        '<text x="{}" y="{}" font-size="11">{}</text>',
        (
            (index * 64, 6 * (TILE + GAP) + 4, colour, index * 64 + 18, 6 * (TILE + GAP) + 15,
             f"≥{floor}%")
            for index, (floor, colour) in enumerate(SHADES)
        ),
    )  # fmt: skip
    width, height = 6 * (TILE + GAP), 6 * (TILE + GAP) + 24
    return format_html(
        '<svg class="coverage-map" viewBox="0 0 {} {}" role="img" aria-labelledby="map-title" '
        'direction="ltr"><title id="map-title">{}</title>{}{}</svg>',
        width, height, _("Coverage by governorate"), mark_safe("".join(tiles)), legend,  # noqa: S308
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
    """Vertical columns (the monthly trend), with the month under each column."""
    top = max([value for _label, value in columns] + [1])
    width = max(28 * len(columns), 120)
    bars = format_html_join(
        "",
        '<g><title>{}: {}</title><rect x="{}" y="{}" width="20" height="{}" fill="#0b6e4f"/>'
        '<text x="{}" y="156" font-size="9" text-anchor="middle">{}</text></g>',
        (
            (label, value, 28 * index + 4, 140 - 130 * value / top, 130 * value / top,
             28 * index + 14, label[2:])
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
