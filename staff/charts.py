"""Small server-side SVG charts: no chart library and no JavaScript in the console."""

from __future__ import annotations

from datetime import date
from html import escape


def bar_chart_per_day(points: list[tuple[date, int]], width: int = 720, height: int = 200) -> str:
    if not points:
        return ""
    top = max(1, max(n for _, n in points))
    bar_w = width / len(points)
    bars = []
    for i, (day, n) in enumerate(points):
        h = (height - 30) * n / top
        x, y = i * bar_w, height - 20 - h
        bars.append(
            f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(bar_w - 2, 1):.1f}" '
            f'height="{h:.1f}" fill="#005a9c"><title>{day.isoformat()}: {n}</title></rect>'
        )
    first, last = points[0][0].isoformat(), points[-1][0].isoformat()
    return (
        f'<svg role="img" aria-label="Questions per day, {first} to {last}, at most {top} a day" '
        f'viewBox="0 0 {width} {height}" width="100%" class="chart">'
        + "".join(bars)
        + f'<text x="0" y="{height - 4}" font-size="12">{first}</text>'
        + f'<text x="{width}" y="{height - 4}" font-size="12" text-anchor="end">{last}</text>'
        + f'<text x="0" y="12" font-size="12">max {top}</text></svg>'
    )


def horizontal_bars(items: list[tuple[str, int]], width: int = 720) -> str:
    if not items:
        return "<p>No answered questions in this period.</p>"
    top = max(n for _, n in items)
    row_h, label_w = 24, 220
    rows = []
    for i, (label, n) in enumerate(items):
        w = (width - label_w - 60) * n / top
        y = i * row_h
        rows.append(
            f'<text x="0" y="{y + 16}" font-size="13">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="16" fill="#005a9c"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 16}" font-size="13">{n}</text>'
        )
    height = row_h * len(items)
    return (
        f'<svg role="img" aria-label="Top topics" viewBox="0 0 {width} {height}" width="100%" '
        f'class="chart">' + "".join(rows) + "</svg>"
    )
