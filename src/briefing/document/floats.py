"""Figures float: one too tall for what is left of its page lets the text after it fill that page first.

A figure is kept whole with its caption, so one that does not fit where it is written starts the next
page, and the page before would end in a blank third. A typesetter moves the figure instead: the
text that follows it comes first (paragraphs, lists, quotes, a heading with the text under it; never a
table or another figure), as long as each piece starts on the page that had the room, and the figure
heads the next page. The text refers to the figure by number
('（见图1）'), so it may come a few paragraphs later; figures keep their order, and so their numbers.
"""

from __future__ import annotations

from dataclasses import replace

from briefing.document.pagination import Pages, paginate
from briefing.document.plan import Block, BulletList, DocumentPlan, Figure, Heading, Paragraph, Quote

# Text that may go ahead of a figure by itself: running text.
_FLOWING = (Paragraph, BulletList, Quote)


def laid_out(plan: DocumentPlan, from_template: bool = False) -> tuple[DocumentPlan, Pages]:
    """The plan with its figures floated where they would leave a page part empty, and its pages."""
    pages = paginate(plan, from_template)
    index = 0
    while index < len(plan.body):
        if isinstance(plan.body[index], Figure):
            plan, pages, index = _float(plan, pages, index, from_template)
        index += 1
    return plan, pages


def _float(plan: DocumentPlan, pages: Pages, index: int,
           from_template: bool) -> tuple[DocumentPlan, Pages, int]:
    """Move the figure at `index` past the text after it while that text fills the page before; the plan,
    its pages and the figure's index then."""
    while index > 0 and (ahead := _ahead(plan.body, index + 1)):
        room_page = _last_page(pages, index - 1)
        if _first_page(pages, index) <= room_page:
            break  # the figure fits where it is
        body = list(plan.body)
        body[index:index + 1 + ahead] = [*body[index + 1:index + 1 + ahead], body[index]]
        moved = replace(plan, body=tuple(body))
        moved_pages = paginate(moved, from_template)
        if _first_page(moved_pages, index) > room_page:
            break  # the text would not start on the page with room either: nothing gained
        plan, pages, index = moved, moved_pages, index + ahead
    return plan, pages, index


def _ahead(body: tuple[Block, ...], start: int) -> int:
    """How many blocks from `start` may go ahead of a figure as one: a paragraph, a list or a quote; or a
    heading with the text under it (a heading kept apart from its text would follow the figure over)."""
    if start < len(body) and isinstance(body[start], _FLOWING):
        return 1
    if start + 1 < len(body) and isinstance(body[start], Heading) and isinstance(body[start + 1], _FLOWING):
        return 2
    return 0


def _first_page(pages: Pages, index: int) -> int:
    return pages.body_placements[index][0].page


def _last_page(pages: Pages, index: int) -> int:
    return pages.body_placements[index][-1].page

