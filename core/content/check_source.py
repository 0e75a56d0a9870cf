"""`make check-source PAGE=new-page.txt`: which answers a new version of the page breaks.

Why: the hospital edits its patient page; every answer restates a passage of it
(`metadata.source` in domain.yml) and may state its figures. After an edit, staff need the
exact list of answers to review, not a re-read of everything:

- answers whose source passage is no longer on the page, word for word (whitespace and
  typographic quotes aside);
- answers stating a figure the new page no longer has ("1-2 hours" when the page now says
  "1-3 hours");
- figures that are new on the page (not on the current page) and that no answer mentions,
  so that staff can decide whether an answer should.

Exit status 0 when nothing needs review, 1 otherwise (usable in CI), 2 for a bad argument.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.content.grounding import (
    NON_CLINICAL_FIGURES,
    figures,
    normalise,
    response_texts,
    source_passages,
    stated_figures,
)

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Review:
    """What staff must look at after a page change."""

    missing_sources: list[str] = field(default_factory=list)  # response names
    missing_figures: list[tuple[str, str]] = field(default_factory=list)  # (response, figure)
    new_figures: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.missing_sources or self.missing_figures or self.new_figures)

    def lines(self) -> list[str]:
        if self.clean:
            return ["Nothing to review: every answer's source passage and figures are on the page."]
        out: list[str] = []
        if self.missing_sources:
            out.append("Answers whose source passage is no longer on the page:")
            out += [
                f"  - {name}"
                + (" (quotes the page: run `make rules`)" if "passage" in name else "")
                for name in self.missing_sources
            ]
        if self.missing_figures:
            out.append("Answers stating a figure the page no longer has:")
            out += [f"  - {name}: {figure}" for name, figure in self.missing_figures]
        if self.new_figures:
            out.append("Figures new on the page that no answer mentions:")
            out += [f"  - {figure}" for figure in self.new_figures]
        return out


def review(
    responses: dict[str, list[dict[str, Any]]], new_page: str, current_page: str | None
) -> Review:
    """Compare the answers with the new page (and the new page with the current one)."""
    page = normalise(new_page)
    on_page = figures(new_page)
    result = Review()
    result.missing_sources = sorted(
        {name for name, source in source_passages(responses) if normalise(source) not in page}
    )
    result.missing_figures = sorted(
        {
            (name, figure)
            for name, text in response_texts(responses)
            for figure in stated_figures(text)
            if figure not in on_page and figure not in NON_CLINICAL_FIGURES
        }
    )
    if current_page is not None:
        mentioned = {f for _, text in response_texts(responses) for f in figures(text)}
        before = figures(current_page)
        result.new_figures = sorted(
            figure
            for figure in stated_figures(new_page)
            if figure not in before and figure not in mentioned
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path, help="the new version of the page (plain text)")
    parser.add_argument("--current", type=Path, default=None, help="the page answers rest on")
    parser.add_argument("--domain", type=Path, default=ROOT / "domain.yml")
    args = parser.parse_args(argv)
    if not args.page.is_file():
        parser.error(f"no such file: {args.page}")
    try:
        new_page = args.page.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        parser.error(f"{args.page} is not UTF-8 text: save the page as plain text (UTF-8)")
    if not new_page.strip():
        parser.error(f"{args.page} is empty")
    current = args.current or ROOT.parent / "shared" / "source" / "vertebroplasty-page.txt"
    responses = yaml.safe_load(args.domain.read_text(encoding="utf-8"))["responses"]
    result = review(
        responses,
        new_page,
        current.read_text(encoding="utf-8") if current.is_file() else None,
    )
    print("\n".join(result.lines()))
    return 0 if result.clean else 1


if __name__ == "__main__":
    sys.exit(main())
