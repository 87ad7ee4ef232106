#!/usr/bin/env python3
"""Draw docs/scaling.svg: CPU seconds against articles, log-log, for `brief build` (from the
figures `cargo bench --bench pipeline` writes to target/bench-results.csv) and for sumy's
LexRank (measured with benches/sumy_lexrank.py; the figures are in docs/performance.md).

    python3 benches/plot.py [RESULTS.csv] [OUT.svg]

Standard library only: the chart is plain SVG written by hand.
"""

import csv
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# sumy LexRank, 6 sentences, CPU seconds on the same generated corpora (docs/performance.md).
# 1,000 articles did not finish: it was stopped after 900 s.
SUMY = [(10, 0.69), (100, 60.0)]
SUMY_STOPPED = (1000, 900.0)

W, H = 640, 400
LEFT, RIGHT, TOP, BOTTOM = 70, 20, 30, 50


def main():
    results = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "target/bench-results.csv"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "docs/scaling.svg"
    with open(results, newline="") as f:
        brief = [(int(r["articles"]), float(r["cpu_md_s"])) for r in csv.DictReader(f)]
    brief.sort()
    out.write_text(chart(brief))
    print(f"wrote {out}")


def chart(brief):
    xs = [n for n, _ in brief] + [n for n, _ in SUMY] + [SUMY_STOPPED[0]]
    ys = [t for _, t in brief] + [t for _, t in SUMY] + [SUMY_STOPPED[1]]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))

    def px(n):
        return LEFT + (math.log10(n) - x0) / (x1 - x0) * (W - LEFT - RIGHT)

    def py(t):
        return H - BOTTOM - (math.log10(t) - y0) / (y1 - y0) * (H - TOP - BOTTOM)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" '
        f'viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
        f'<rect width="{W}" height="{H}" fill="white"/>',
        f'<text x="{W / 2}" y="18" text-anchor="middle" font-size="14">'
        "CPU seconds against articles (log-log), whole process</text>",
    ]
    for e in range(x0, x1 + 1):
        x = px(10**e)
        parts.append(f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{H - BOTTOM}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{H - BOTTOM + 16}" text-anchor="middle">{10**e:,}</text>')
    for e in range(y0, y1 + 1):
        y = py(10**e)
        label = f"{10**e:g}"
        parts.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{W - RIGHT}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    parts.append(
        f'<text x="{W / 2}" y="{H - 12}" text-anchor="middle">articles (about 600 words each)</text>'
    )
    parts.append(
        f'<text x="16" y="{H / 2}" text-anchor="middle" transform="rotate(-90 16 {H / 2})">'
        "CPU seconds (user + system)</text>"
    )
    parts += series(brief, px, py, "#1f77b4", "brief build (every section)")
    parts += series(SUMY, px, py, "#d62728", "sumy LexRank (summary only)")
    # The stopped sumy run: an arrow up from the 900 s mark.
    sx, sy = px(SUMY_STOPPED[0]), py(SUMY_STOPPED[1])
    lx, ly = px(SUMY[-1][0]), py(SUMY[-1][1])
    parts.append(
        f'<line x1="{lx:.1f}" y1="{ly:.1f}" x2="{sx:.1f}" y2="{sy:.1f}" stroke="#d62728" '
        'stroke-dasharray="4 3"/>'
    )
    parts.append(
        f'<circle cx="{sx:.1f}" cy="{sy:.1f}" r="3.5" fill="white" stroke="#d62728"/>'
    )
    parts.append(
        f'<text x="{sx + 8:.1f}" y="{sy + 4:.1f}" fill="#d62728">not done after 900 s</text>'
    )
    parts.append(
        f'<text x="{LEFT + 10}" y="{TOP + 16}" fill="#1f77b4">brief build (every section)</text>'
    )
    parts.append(
        f'<text x="{LEFT + 10}" y="{TOP + 32}" fill="#d62728">sumy LexRank (summary only)</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def series(points, px, py, colour, title):
    path = " ".join(f"{px(n):.1f},{py(t):.1f}" for n, t in points)
    out = [f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>']
    for n, t in points:
        out.append(
            f'<circle cx="{px(n):.1f}" cy="{py(t):.1f}" r="3.5" fill="{colour}">'
            f"<title>{title}: {n:,} articles, {t:g} s</title></circle>"
        )
    return out


if __name__ == "__main__":
    main()
