"""The document's figures follow the chart rules (issue 15, item 4): bars sorted, one precision, two
values drawn as figures, and the note on what the figures are under the figure, above the source."""

from __future__ import annotations

from pathlib import Path

import docx
import yaml
from PIL import Image

from briefing.build.pipeline import build
from briefing.charts.figures import figures_layout

STATISTICS = [
    {"id": "us", "label": "美国用户", "value": 170000000, "unit": "count", "as_of": "2025-01"},
    {"id": "id", "label": "印尼用户", "value": 157600000, "unit": "count", "qualifier": "nearly",
     "as_of": "2024-07", "part_of": "apac"},
    {"id": "apac", "label": "亚太用户", "value": 682000000, "unit": "count", "qualifier": "over", "as_of": "2024-07"},
    {"id": "creators", "label": "美国创作者", "value": 2000000, "unit": "count", "qualifier": "about",
     "as_of": "2025-01"},
    {"id": "loss", "label": "创作者收入损失", "value": 300000000, "unit": "usd", "qualifier": "nearly",
     "as_of": "2025-01"},
]


def _build(minimal_outline: Path) -> Path:
    data = yaml.safe_load(minimal_outline.read_text(encoding="utf-8"))
    data["statistics"] = [dict(s, measures="数量。", source="src") for s in STATISTICS]
    data["statistics"].append({"id": "users", "label": "用户", "value": 1, "unit": "count", "measures": "数量。",
                               "source": "src"})
    data["charts"] = [
        {"id": "regions", "kind": "bar", "title": "用户规模", "statistics": ["us", "id", "apac"], "placement": "first"},
        {"id": "creators", "kind": "bar", "title": "创作者", "statistics": ["creators", "loss"], "placement": "first"},
    ]
    data.pop("key_figures", None)
    minimal_outline.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = minimal_outline.parent / "out"
    build(minimal_outline, out)
    return out


def test_the_note_is_under_the_figure_and_the_source_line_kept(minimal_outline: Path) -> None:
    out = _build(minimal_outline)
    document = docx.Document(str(out / "mini.docx"))
    texts = [p.text for p in document.paragraphs]
    caption = next(i for i, text in enumerate(texts) if "用户规模" in text and text.startswith("图"))
    assert texts[caption + 1] == "注：各项数据时点不同，仅作量级对比；印尼用户包含在亚太用户之内"
    assert texts[caption + 2].startswith("来源：")
    # Two figures of one date, neither part of the other: nothing to note.
    other = next(i for i, text in enumerate(texts) if "创作者" in text and text.startswith("图"))
    assert texts[other + 1].startswith("来源：")


def test_two_values_are_drawn_as_figures_and_bars_sorted_in_one_precision(minimal_outline: Path) -> None:
    out = _build(minimal_outline)
    images = {path.name.split("-")[1]: path for path in (out / ".cache").glob("chart-*.png")}
    with Image.open(images["creators"]) as figures, Image.open(images["regions"]) as bars:
        # Large figures side by side: a short, wide picture, not a chart of bars.
        assert figures.width / figures.height > 4
        # Two tiles: each starts with its accent bar, the left edge of each half coloured.
        row = figures.convert("RGB").crop((0, figures.height // 2, figures.width, figures.height // 2 + 1))
        accents = [x for x in range(figures.width) if row.getpixel((x, 0))[0] > 150 and row.getpixel((x, 0))[1] < 90]
        assert accents and accents[0] < figures.width * 0.05 and any(x > figures.width / 2 for x in accents)
        assert bars.height > figures.height
    from briefing.charts.data import Bar, BarGroup
    from briefing.outline.model import Unit
    layout = figures_layout([BarGroup(Unit.COUNT, (Bar("美国创作者", 2e6, "约200万", "截至2025年1月"),)),
                             BarGroup(Unit.USD, (Bar("创作者收入损失", 3e8, "近3亿美元", "截至2025年1月"),))])
    assert [tile.value for tile in layout.tiles] == ["约200万", "近3亿美元"]
    document = docx.Document(str(out / "mini.docx"))
    descriptions = [element.get("descr") for element in document.element.body.iter()
                    if element.tag.endswith("}docPr")]
    # The alt text is written from what is drawn: largest first, one precision.
    assert any("亚太用户 超过6.8亿；美国用户 1.7亿；印尼用户 近1.6亿" in (d or "") for d in descriptions)
