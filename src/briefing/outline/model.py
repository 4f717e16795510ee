"""The typed outline: immutable data that knows nothing about YAML or Office.

Every model forbids unknown keys, so a misspelt key is an error rather than
silently ignored content.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

# Characters that XML 1.0 cannot carry; python-docx and python-pptx fail on them.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _clean_text(value: str) -> str:
    bad = _XML_INVALID.search(value)
    if bad:
        raise ValueError(
            f"contains the control character U+{ord(bad.group()):04X}, which documents cannot hold;"
            " remove it"
        )
    value = value.strip()
    if not value:
        raise ValueError("must not be empty")
    return value


def _parse_iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise ValueError(f"expected a date written YYYY-MM-DD, like 2025-01-18, got {value!r}")
    year, month, day = (int(part) for part in _ISO_DATE.match(value.strip()).groups())
    try:
        return date(year, month, day)
    except ValueError as error:
        raise ValueError(f"{value!r} is not a real date ({error})") from None


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE.match(value):
        raise ValueError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    if len(value) >= 7 and not 1 <= int(value[5:7]) <= 12:
        raise ValueError(f"{value!r} has no month {value[5:7]}")
    if len(value) == 10:
        _parse_iso_date(value)
    return value


Text = Annotated[str, AfterValidator(_clean_text)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
IsoDate = Annotated[date, BeforeValidator(_parse_iso_date)]
PartialDate = Annotated[str, AfterValidator(_check_partial_date)]


def _check_briefing_date(value: date) -> date:
    # Office files carry the date in their zip entries, which hold 1980 to 2107 only.
    if not date(1980, 1, 1) <= value <= date(2107, 12, 31):
        raise ValueError(f"{value.isoformat()} is outside 1980-01-01 to 2107-12-31, the dates Office files can carry")
    return value


BriefingDate = Annotated[date, BeforeValidator(_parse_iso_date), AfterValidator(_check_briefing_date)]
HexColor = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$")]
FileStem = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s\x00-\x1f\x7f]+$")]


def described(description: str, example: Any, **options: Any) -> Any:
    """A field with the description and example that the JSON Schema and the README show."""
    return Field(description=description, examples=[example], **options)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Locale(str, Enum):
    ZH_CN = "zh-CN"
    EN = "en"


class Source(Model):
    """Where facts come from; the outline's own source is one of these."""

    id: Id = described("How statistics and events cite this source.", "article")
    title: Text = described("The source's title, as published.", "TikTok海外关停:危机背后的深层剖析与未来走向")
    url: Url | None = described("Its address; the document links to it.", "https://example.org/article", default=None)
    publisher: Text | None = described("Who published it.", "示例网站", default=None)
    published: IsoDate | None = described("Publication date, YYYY-MM-DD.", "2025-02-02", default=None)
    caveat: Text | None = described(
        "The publisher's own warning about the content, shown as written.", "本信息真实性未证实，仅供参考。",
        default=None,
    )


class Meta(Model):
    """What the briefing is: titles, date, language, files, and its source."""

    title: Text = described("Title on the cover and the first slide.", "TikTok海外关停：危机背后的深层剖析与未来走向")
    short_title: Text | None = described("For page headers and slide footers; the title when absent.",
                                         "TikTok 海外关停简报", default=None)
    subtitle: Text | None = described("Under the title.", "事件、根源、影响与走向：简报", default=None)
    date: BriefingDate = described("The briefing's date, YYYY-MM-DD.", "2025-02-03")
    locale: Locale = described("Language of the labels, numbers (1.7亿 / 170 million) and dates.", "zh-CN",
                               default=Locale.ZH_CN)
    author: Text | None = described("Author, in the document properties.", "研究组", default=None)
    keywords: list[Text] = described("Keywords, in the document properties.", ["TikTok", "字节跳动"], default=[])
    output: FileStem = described("File name (without extension) of the outputs.", "briefing", default="briefing")
    audience: Text | None = described("Who the documents are for, printed on the cover.", "面向：管理层",
                                      default=None)
    table_of_contents: bool = described("Whether the document has a contents page.", True, default=True)
    slide_budget: int | None = described(
        "Most slides the deck should have; less essential slides give way.", 10, default=None, ge=3
    )
    source: Source = described("The source this briefing summarises.", {"id": "article", "title": "…"})


class Quote(Model):
    """Someone's own words, quoted as a quote and attributed."""

    text: Text = described("The words, exactly as said.", "TikTok 就像我的好朋友。")
    speaker: Text = described("Who said it.", "一位 TikTok 忠实用户")
    context: Text | None = described("Where or when it was said.", "在社交媒体上留言", default=None)
    source: Id | None = described("The source that reports it.", "article", default=None)


class Part(Model):
    """What sections and sub-sections share: points, prose, quotes, facts."""

    id: Id = described("How audiences and charts refer to this part.", "outbreak")
    title: Text = described("Heading, without its number.", "事件突发：TikTok 关停震动全球")
    number: int | None = described("Heading number (一、 or （一）); its position when absent.", 1, default=None,
                                   ge=1)
    points: list[Text] = described("Concise, slide-sized statements.", ["禁令于1月19日生效"], default=[])
    prose: list[Text] = described("Paragraphs for the document, in the briefing's own words.",
                                  ["2025年1月18日深夜，TikTok 暂停了在美国的服务。"], default=[])
    quotes: list[Quote] = described("Quotes, each on its own slide and set as a quote in the document.",
                                    [{"text": "…", "speaker": "…"}], default=[])
    notes: list[Text] = described("Speaker notes only: said, not shown.", ["讲解时补充的内容。"], default=[])
    facts: list[Id] = described("Ids of the statistics and events this part relies on.", ["us-users"], default=[])
    tags: list[Id] = described("Themes, for audiences that select by tag.", ["law", "users"], default=[])


class Subsection(Part):
    """A sub-section: （一）, （二）… under its section."""


class Section(Part):
    """A section of the article: 一、, 二、…"""

    subsections: list[Subsection] = described("Its sub-sections, in order.", [{"id": "…", "title": "…"}],
                                              default=[])


class Event(Model):
    """A dated event, for the timeline."""

    id: Id = described("How charts and text refer to it.", "law-signed")
    date: IsoDate = described("The day it happened, YYYY-MM-DD.", "2024-04-24")
    end: IsoDate | None = described("Last day, for an event that spans days.", "2025-01-14", default=None)
    title: Text = described("A short title for timeline labels.", "拜登签署“不卖就禁用”法案")
    detail: Text | None = described("One sentence on what happened.", "法案要求字节跳动在期限前出售 TikTok。",
                                    default=None)
    source: Id = described("The source that reports it.", "article")
    attribution: Text | None = described("Who states it, where it is contested.", "据文章转述", default=None)
    tags: list[Id] = described("Themes, for audiences that select by tag.", ["law"], default=[])


class Unit(str, Enum):
    COUNT = "count"
    PERCENT = "percent"
    USD = "usd"
    TIMES = "times"
    DAYS = "days"


class Qualifier(str, Enum):
    ABOUT = "about"
    NEARLY = "nearly"
    OVER = "over"


class Statistic(Model):
    """A figure, as a raw value: the tool writes it the locale's way."""

    id: Id = described("How charts, key figures and text ('{us-users}') refer to it.", "us-users")
    label: Text = described("Short name for charts and key figures.", "美国用户")
    value: float = described("The raw number: 170000000, not 1.7亿 (at most 10¹⁵, a thousand trillion).",
                             170000000, ge=0, le=1e15, allow_inf_nan=False)
    unit: Unit = described("count, percent, usd, times or days.", "count")
    noun: Text | None = described("What is counted.", "用户", default=None)
    qualifier: Qualifier | None = described("about (约), nearly (近) or over (超过).", "about", default=None)
    measures: Text = described("What the figure measures, in a sentence.", "TikTok 在美国的用户数量。")
    as_of: PartialDate | None = described("When it was true: YYYY, YYYY-MM or YYYY-MM-DD.", "2025-01", default=None)
    source: Id = described("The source that reports it.", "article")
    attribution: Text | None = described("How the source itself sources it.", "文章援引“据统计”，未注明出处",
                                         default=None)
    tags: list[Id] = described("Themes, for audiences that select by tag.", ["users"], default=[])


class ChartKind(str, Enum):
    TIMELINE = "timeline"
    BAR = "bar"


class Chart(Model):
    """A chart: a timeline of events or bars of statistics."""

    id: Id = described("How audiences refer to it.", "users-by-region")
    kind: ChartKind = described("timeline (of events) or bar (of statistics).", "bar")
    title: Text = described("Caption title in the document, slide title in the deck.", "TikTok 用户规模：按国家和地区")
    caption: Text | None = described("One sentence under the figure.", "时点不同，仅作量级对比。", default=None)
    events: list[Id] = described("For a timeline: the events it shows.", ["law-signed"], default=[])
    statistics: list[Id] = described("For bars: the statistics it shows.", ["us-users"], default=[])
    placement: Id | None = described("Section or sub-section the chart belongs to; after the summary when absent.",
                                     "outlook-global", default=None)
    tags: list[Id] = described("Themes, for audiences that select by tag.", ["users"], default=[])


IMAGE_KINDS = (".png", ".jpg", ".jpeg", ".gif")
# The theme's keys that name files beside the outline, and the kinds of file each must be.
THEME_FILES: dict[str, tuple[str, ...]] = {
    "logo": IMAGE_KINDS, "docx_template": (".docx",), "pptx_template": (".pptx",),
}


class SlideLayoutRole(str, Enum):
    """Kinds of slide, as a theme maps them to a template's layouts."""

    TITLE = "title"
    SECTION = "section"
    POINTS = "points"
    CHART = "chart"
    TIMELINE = "timeline"
    QUOTE = "quote"
    SOURCES = "sources"


class Theme(Model):
    """The look of both outputs: fonts (Latin and East Asian), colours, logo, templates."""

    logo: Text | None = described("A PNG, JPEG or GIF beside the outline, shown on the cover.", "assets/logo.png",
                                  default=None)
    latin_font: Text = described("Font for Latin text.", "Arial", default="Arial")
    east_asian_font: Text = described("Font for Chinese text.", "Microsoft YaHei", default="Microsoft YaHei")
    heading_latin_font: Text = described("Latin font of headings and titles.", "Arial", default="Arial")
    heading_east_asian_font: Text = described("Chinese font of headings and titles.", "Microsoft YaHei",
                                              default="Microsoft YaHei")
    primary_color: HexColor = described("Headings, bars, bands: six hex digits.", "1F3A5F", default="1F3A5F")
    accent_color: HexColor = described("Markers and rules.", "C0392B", default="C0392B")
    text_color: HexColor = described("Body text.", "222222", default="222222")
    muted_color: HexColor = described("Notes, captions, footers.", "6B7280", default="6B7280")
    docx_template: Text | None = described(
        "A company .docx beside the outline: its styles, page setup, header and footer look.",
        "templates/brand.docx", default=None)
    pptx_template: Text | None = described(
        "A company .pptx beside the outline: its masters, layouts, theme fonts and colours.",
        "templates/brand.pptx", default=None)
    layouts: dict[SlideLayoutRole, Text] = described(
        "The template layout each kind of slide uses, by name; sensible defaults otherwise.",
        {"title": "Title Slide", "section": "Section Header", "points": "Title Only"}, default={})


class Depth(str, Enum):
    BRIEF = "brief"  # points; the prose goes to the speaker notes
    FULL = "full"


class Audience(Model):
    """A reader: what of the outline they get, and how it is presented to them."""

    name: Id = described("Used on the command line: briefing build --audience NAME.", "executive")
    display_name: Text = described("Shown in listings and, unless cover_line says otherwise, on the cover.",
                                   "高管摘要")
    description: Text | None = described("What this profile is for.", "要点、关键数据与走向", default=None)
    sections: list[Id] | None = described(
        "Section or sub-section ids to include; all when absent and no tags are given.", ["outlook"], default=None
    )
    tags: list[Id] = described("Also include every section or sub-section with one of these tags.", ["law"],
                               default=[])
    charts: list[Id] | None = described("Charts to include; those placed in included parts when absent.",
                                        ["timeline"], default=None)
    statistics: list[Id] | None = described(
        "Statistics for the data table; those the included parts rely on when absent.", ["us-users"], default=None
    )
    key_figures: list[Id] | None = described("Statistics shown as large numbers.", ["us-users"], default=None)
    depth: Depth = described("brief: points only, prose moved to the notes; full: everything.", "brief",
                             default=Depth.FULL)
    title: Text | None = described("Replaces the title.", "TikTok 海外关停：高管摘要", default=None)
    subtitle: Text | None = described("Replaces the subtitle.", "事件、影响与走向", default=None)
    cover_line: Text | None = described("Who it is for, on the cover; from display_name when absent.",
                                        "面向：管理层", default=None)
    locale: Locale | None = described("Replaces the outline's locale.", "en", default=None)
    slide_budget: int | None = described("Most slides for this reader.", 10, default=None, ge=3)
    table_of_contents: bool | None = described("Whether this reader's document has a contents page.", False,
                                               default=None)


class Outline(Model):
    """A briefing: one source, summarised, for every audience."""

    schema_version: int = described("The outline format's version: 1.", 1, default=1, ge=1, le=1)
    meta: Meta = described("What the briefing is.", {"title": "…", "date": "2025-02-03", "source": {}})
    summary: list[Text] = described("Key takeaways, one sentence each.", ["TikTok 于2025年1月18日停止在美服务。"],
                                    min_length=1)
    sections: list[Section] = described("The sections, in order.", [{"id": "outbreak", "title": "事件突发"}],
                                        min_length=1)
    timeline: list[Event] = described("Dated events.", [{"id": "law-signed", "date": "2024-04-24"}], default=[])
    statistics: list[Statistic] = described("Figures.", [{"id": "us-users", "value": 170000000}], default=[])
    charts: list[Chart] = described("Charts of events and statistics.", [{"id": "timeline", "kind": "timeline"}],
                                    default=[])
    key_figures: list[Id] | None = described(
        "Statistics shown as large numbers on the deck's key-figures slide; all when absent.", ["us-users"],
        default=None,
    )
    sources: list[Source] = described("Sources beyond meta.source.", [{"id": "ruling", "title": "…"}], default=[])
    theme: Theme = described("Fonts, colours, logo.", {"primary_color": "1F3A5F"}, default=Theme())
    audiences: list[Audience] = described("Audience profiles.", [{"name": "executive", "display_name": "高管摘要"}],
                                          default=[])

    @property
    def key_statistics(self) -> list[Statistic]:
        if self.key_figures is None:
            return list(self.statistics)
        return [self.statistic(i) for i in self.key_figures]

    @property
    def short_title(self) -> str:
        return self.meta.short_title or self.meta.title

    @property
    def all_sources(self) -> list[Source]:
        return [self.meta.source, *self.sources]

    def statistic(self, statistic_id: str) -> Statistic:
        return next(s for s in self.statistics if s.id == statistic_id)

    def event(self, event_id: str) -> Event:
        return next(e for e in self.timeline if e.id == event_id)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.all_sources if s.id == source_id)

    def audience(self, name: str) -> Audience:
        return next(a for a in self.audiences if a.name == name)

    def parts(self) -> list[Part]:
        """Every section and sub-section, in reading order."""
        return [part for section in self.sections for part in (section, *section.subsections)]
