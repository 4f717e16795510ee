"""python-pptx's chart XML, made valid against the schema.

python-pptx numbers a chart's axes -2068027336 and -2113994440, but c:axId
and c:crossAx are xsd:unsignedInt. PowerPoint only needs each axis's id to
match the references to it, so the chart's ids are renumbered from 1.
"""

from __future__ import annotations

from pptx.oxml.ns import qn

_AXIS_REFERENCES = (qn("c:axId"), qn("c:crossAx"))


def number_axes(chart_space) -> None:
    """Renumber the axes of a chart part's c:chartSpace 1, 2... in order, and every reference with them."""
    numbers: dict[str, str] = {}
    for reference in chart_space.iter(*_AXIS_REFERENCES):
        reference.set("val", numbers.setdefault(reference.get("val"), str(len(numbers) + 1)))
