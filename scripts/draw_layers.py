#!/usr/bin/env python3
"""Draw the apps, their layers, their imports and their upward paths as docs/layers.svg.

Everything comes from the code: the layers from import-linter's contract in pyproject.toml, the
imports between apps from grimp (import-linter's graph), and the upward paths from each app's
`signals.py` (who connects to them), the Wagtail hooks a lower app calls (who registers them) and
model signals connected with a sender of a lower app. tests/test_layers.py checks that the picture
and the table of docs/architecture.md match the code.

Usage: .venv/bin/python scripts/draw_layers.py [docs/layers.svg]
"""

import html
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, ROW, BOX_H, TOP = 760, 78, 40, 24


def layers() -> list[list[str]]:
    """Rows of apps, top first, as the contract lists them ("a | b" are siblings)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contract = config["tool"]["importlinter"]["contracts"][0]
    return [[app.strip() for app in re.split(r"[|:]", row)] for row in contract["layers"]]


def app_imports() -> set[tuple[str, str]]:
    """(importer, imported) for each pair of distinct apps with at least one import between them."""
    import grimp

    apps = [app for row in layers() for app in row]
    sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph(*apps)
    pairs = set()
    for importer in apps:
        for imported in apps:
            if importer != imported and graph.direct_import_exists(
                importer=importer, imported=imported, as_packages=True
            ):
                pairs.add((importer, imported))
    return pairs


def _sources(app: str) -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in (ROOT / app).rglob("*.py")}


def upward_paths() -> set[tuple[str, str, str]]:
    """(name, from app, to app) of each signal, hook, registry or model signal that carries news
    upward."""
    apps = [app for row in layers() for app in row]
    sources = {app: _sources(app) for app in apps}
    found = set()
    for sender in apps:
        signals_module = ROOT / sender / "signals.py"
        if signals_module.exists():
            for name in re.findall(r"^(\w+) = Signal\(\)", signals_module.read_text(), re.M):
                for receiver in apps:
                    if receiver != sender and any(
                        re.search(rf"\b{name}\.connect\(", text)
                        for text in sources[receiver].values()
                    ):
                        found.add((f"{sender}.signals.{name}", sender, receiver))
        for text in sources[sender].values():
            # A registry: a public `*_register` function of a lower app that higher apps call
            # from their AppConfig.ready (workforce.merging.movers.merge_mover_register).
            for name in re.findall(r"^def ([a-z]\w*_register)\(", text, re.M):
                for receiver in apps:
                    if receiver != sender and any(
                        re.search(rf"\b{name}\(", other) for other in sources[receiver].values()
                    ):
                        found.add((f"registry {name}", sender, receiver))
            for hook in re.findall(r'hooks\.get_hooks\("(\w+)"\)', text):
                for receiver in apps:
                    if receiver != sender and any(
                        f'hooks.register("{hook}"' in other for other in sources[receiver].values()
                    ):
                        found.add((f"hook {hook}", sender, receiver))
    for receiver in apps:
        for text in sources[receiver].values():
            for signal, model in re.findall(r'(\w+)\.connect\(\s*\w+,\s*sender="(\w+\.\w+)"', text):
                sender = model.split(".")[0]
                if sender != receiver and sender in apps:
                    found.add((f"{signal} {model}", sender, receiver))
    return found


def svg() -> str:
    rows = layers()
    place: dict[str, tuple[float, float, float]] = {}  # app -> (x, y, width)
    for depth, row in enumerate(rows):
        width = (WIDTH - 220 - 20 * (len(row) - 1)) / len(row)
        for index, app in enumerate(row):
            place[app] = (40 + index * (width + 20), TOP + depth * ROW, width)
    paths = sorted(upward_paths())
    height = TOP + len(rows) * ROW + 30 + 18 * len(paths)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="13">',
        "<title>Apps by layer: imports go down; upward paths are named signals and hooks</title>",
        '<defs><marker id="down" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" '
        'markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#8a8f98"/></marker>'
        '<marker id="up" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#c2410c"/></marker></defs>',
    ]
    for importer, imported in sorted(app_imports()):
        x1, y1, w1 = place[importer]
        x2, y2, w2 = place[imported]
        out.append(
            f'<line x1="{x1 + w1 / 2:.0f}" y1="{y1 + BOX_H}" x2="{x2 + w2 / 2:.0f}" y2="{y2}" '
            'stroke="#8a8f98" stroke-width="1" opacity="0.6" marker-end="url(#down)"/>'
        )
    legend_y = TOP + len(rows) * ROW + 14
    for number, (name, sender, receiver) in enumerate(paths, start=1):
        xs, ys, ws = place[sender]
        xr, yr, wr = place[receiver]
        lane = WIDTH - 200 + 22 * number
        start, end = ys + BOX_H / 2 + number % 3 * 4, yr + BOX_H / 2 - number % 3 * 4
        out.append(
            f'<path d="M{xs + ws:.0f},{start:.0f} H{lane} V{end:.0f} '
            f'H{xr + wr + 4:.0f}" fill="none" stroke="#c2410c" stroke-dasharray="4 3" '
            f'marker-end="url(#up)"><title>{html.escape(name)}</title></path>'
            f'<text x="{lane + 3}" y="{(start + end) / 2:.0f}" fill="#c2410c" '
            f'font-size="11">{number}</text>'
            f'<text x="40" y="{legend_y + 18 * number}" fill="#c2410c" font-size="12">'
            f"{number}. {html.escape(name)} ({sender} \u2192 {receiver})</text>"
        )
    for app, (x, y, width) in place.items():
        out.append(
            f'<rect x="{x:.0f}" y="{y}" width="{width:.0f}" height="{BOX_H}" rx="6" '
            'fill="#eef2f7" stroke="#334155"/>'
            f'<text x="{x + width / 2:.0f}" y="{y + 25}" text-anchor="middle">{app}/</text>'
        )
    out.append(
        f'<text x="40" y="{legend_y}" fill="#475569" font-size="12">grey: imports (down only); '
        "orange, dashed: named signals and hooks (up)</text></svg>"
    )
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "layers.svg"
    target.write_text(svg(), encoding="utf-8")
    for name, sender, receiver in sorted(upward_paths()):
        print(f"{name}: {sender} -> {receiver}")
