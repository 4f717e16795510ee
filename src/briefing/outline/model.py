"""The typed outline: immutable data that knows nothing about YAML or Office.

The models are msgspec Structs: they validate plain data in microseconds and
import in a few milliseconds, which 'briefing validate' and every rebuild
feel. Every model forbids unknown keys, so a misspelt key is an error rather
than silently ignored content. What a type cannot say (a real calendar day,
ids that must exist) is checked in validate.py.
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Any, TypeVar

import msgspec

# Values arrive stripped of surrounding blanks and checked for control characters (load.py).
Text = Annotated[str, msgspec.Meta(min_length=1)]
Id = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
IsoDate = date
# Office files carry the date in their zip entries, which hold 1980 to 2107 only (checked in validate.py).
BriefingDate = date
PartialDate = Annotated[str, msgspec.Meta(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
HexColor = Annotated[str, msgspec.Meta(pattern=r"^[0-9A-Fa-f]{6}$")]
FileStem = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)]
Url = Annotated[str, msgspec.Meta(pattern=r"^https?://[^\s\x00-\x1f\x7f]+$")]
# As sha256sum prints it (lower case), or PowerShell's Get-FileHash (upper case).
Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9A-Fa-f]{64}$")]


def described(description: str, example: Any) -> msgspec.Meta:
    """The description and example of a field, which the JSON Schema and the README show."""
    return msgspec.Meta(description=description, examples=[example])


class Model(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Immutable, no unknown keys. Models are declared kw_only=True (not inherited), so a required
    field may follow optional ones; Part is not, so a section's own fields follow the shared ones.
    Each says frozen=True again, which msgspec inherits anyway, so type checkers know it too."""


M = TypeVar("M", bound=Model)


def from_data(model: type[M], data: Any) -> M:
    """Plain data (all text, as the YAML loader gives it) as a model: '3' becomes 3 where a number is wanted.

    Raises msgspec.ValidationError at the first problem; validate.py finds them all.
    """
    return msgspec.convert(data, model, strict=False)


class Locale(str, Enum):
    ZH_CN = "zh-CN"
    EN = "en"


class Source(Model, kw_only=True, frozen=True):
    """Where facts come from; the outline's own source is one of these."""

    id: Annotated[Id, described(
        "How statistics and events cite this source.", "article")]
    title: Annotated[Text, described(
        "The source's title, as published.", "TikTok海外关停:危机背后的深层剖析与未来走向")]
    url: Annotated[Url | None, described(
        "Its address; the document links to it.", "https://example.org/article")] = None
    publisher: Annotated[Text | None, described(
        "Who published it.", "示例网站")] = None
    published: Annotated[IsoDate | None, described(
        "Publication date, YYYY-MM-DD.", "2025-02-02")] = None
    caveat: Annotated[Text | None, described(
        "The publisher's own warning about the content, shown as written.", "本信息真实性未证实，仅供参考。")] = None
    file: Annotated[Text | None, described(
        "Its local copy, relative to the outline's folder and inside it: what evidence is checked against.",
        "sources/article.txt")] = None
    sha256: Annotated[Sha256 | None, described(
        "The local copy's SHA-256 checksum, 64 hex digits (sha256sum FILE), so a changed copy is noticed; "
        "only with file.", "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0")] = None


class Evidence(Model, kw_only=True, frozen=True):
    """Where the source states a fact, in its own words: for checking the fact against it, never printed."""

    text: Annotated[Text, described(
        "The source's exact words that state the fact, copied as they are (spaces and punctuation too).",
        "这一事件不仅影响了美国本土的 1.7 亿用户")]
    paragraph: Annotated[Annotated[int, msgspec.Meta(ge=1)] | None, described(
        "The paragraph's number in the source, counting headings and paragraphs from 1 after the title.", 3)] = None
    source: Annotated[Id | None, described(
        "The source the words are from; the fact's own source when absent.", "article")] = None


class Meta(Model, kw_only=True, frozen=True):
    """What the briefing is: titles, date, language, files, and its source."""

    title: Annotated[Text, described(
        "Title on the cover and the first slide.", "TikTok海外关停：危机背后的深层剖析与未来走向")]
    short_title: Annotated[Text | None, described(
        "For page headers and slide footers; the title when absent.", "TikTok 海外关停简报")] = None
    subtitle: Annotated[Text | None, described(
        "Under the title.", "事件、根源、影响与走向：简报")] = None
    date: Annotated[BriefingDate, described(
        "The briefing's date, YYYY-MM-DD.", "2025-02-03")]
    locale: Annotated[Locale, described(
        "Language of the labels, numbers (1.7亿 / 170 million) and dates.", "zh-CN")] = Locale.ZH_CN
    author: Annotated[Text | None, described(
        "Author, in the document properties.", "研究组")] = None
    keywords: Annotated[list[Text], described(
        "Keywords, in the document properties.", ["TikTok", "字节跳动"])] = []
    output: Annotated[FileStem, described(
        "File name (without extension) of the outputs.", "briefing")] = "briefing"
    audience: Annotated[Text | None, described(
        "Who the documents are for, printed on the cover.", "面向：管理层")] = None
    table_of_contents: Annotated[bool, described(
        "Whether the document has a contents page.", True)] = True
    slide_budget: Annotated[Annotated[int, msgspec.Meta(ge=3)] | None, described(
        "Most slides the deck should have; less essential slides give way.", 10)] = None
    source: Annotated[Source, described(
        "The source this briefing summarises.", {"id": "article", "title": "…"})]


class Quote(Model, kw_only=True, frozen=True):
    """Someone's own words, quoted as a quote and attributed."""

    text: Annotated[Text, described(
        "The words, exactly as said.", "TikTok 就像我的好朋友。")]
    speaker: Annotated[Text, described(
        "Who said it.", "一位 TikTok 忠实用户")]
    context: Annotated[Text | None, described(
        "Where or when it was said.", "在社交媒体上留言")] = None
    source: Annotated[Id | None, described(
        "The source that reports it.", "article")] = None
    evidence: Annotated[Evidence | None, described(
        "Where the source reports the words, for checking; not printed.",
        {"text": "TikTok 就像我的好朋友", "paragraph": 17})] = None
    takeaway: Annotated[Text | None, described(
        "What the quote shows, in one sentence: its slide's title, when it has a slide of its own.",
        "对许多用户而言，TikTok 是陪伴而不只是应用")] = None


class Part(Model, frozen=True):
    """What sections and sub-sections share: points, prose, quotes, facts."""

    id: Annotated[Id, described(
        "How audiences and charts refer to this part.", "outbreak")]
    title: Annotated[Text, described(
        "Heading, without its number.", "事件突发：TikTok 关停震动全球")]
    takeaway: Annotated[Text | None, described(
        "The part's point in one sentence: the slide's title, with the heading as a label above it.",
        "1.7亿美国用户一夜之间失去常用平台")] = None
    number: Annotated[Annotated[int, msgspec.Meta(ge=1)] | None, described(
        "Heading number (一、 or （一）) in the full briefing; its position when absent. An audience that selects "
        "parts numbers them by their positions in its own version.", 1)] = None
    points: Annotated[list[Text], described(
        "Concise, slide-sized statements.", ["禁令于1月19日生效"])] = []
    prose: Annotated[list[Text], described(
        "Paragraphs for the document, in the briefing's own words.",
        ["2025年1月18日深夜，TikTok 暂停了在美国的服务。"])] = []
    quotes: Annotated[list[Quote], described(
        "Quotes, each on its own slide and set as a quote in the document.", [{"text": "…", "speaker": "…"}])] = []
    notes: Annotated[list[Text], described(
        "Speaker notes only: said, not shown.", ["讲解时补充的内容。"])] = []
    facts: Annotated[list[Id], described(
        "Ids of the statistics and events this part relies on.", ["us-users"])] = []
    tags: Annotated[list[Id], described(
        "Themes, for audiences that select by tag. A sub-section without tags of its own has its section's; "
        "a section selected by tag brings its own content and only those of its sub-sections whose tags match.",
        ["law", "users"])] = []


class Subsection(Part, frozen=True):
    """A sub-section: （一）, （二）… under its section."""


class Section(Part, frozen=True):
    """A section of the article: 一、, 二、…"""

    subsections: Annotated[list[Subsection], described(
        "Its sub-sections, in order.", [{"id": "…", "title": "…"}])] = []


class Event(Model, kw_only=True, frozen=True):
    """A dated event, for the timeline."""

    id: Annotated[Id, described(
        "How charts and text refer to it.", "law-signed")]
    date: Annotated[IsoDate, described(
        "The day it happened, YYYY-MM-DD.", "2024-04-24")]
    end: Annotated[IsoDate | None, described(
        "Last day, for an event that spans days.", "2025-01-14")] = None
    title: Annotated[Text, described(
        "A short title for timeline labels.", "拜登签署“不卖就禁用”法案")]
    detail: Annotated[Text | None, described(
        "One sentence on what happened.", "法案要求字节跳动在期限前出售 TikTok。")] = None
    source: Annotated[Id, described(
        "The source that reports it.", "article")]
    attribution: Annotated[Text | None, described(
        "Who states it, where it is contested.", "据文章转述")] = None
    evidence: Annotated[Evidence | None, described(
        "Where the source states it, for checking; not printed.",
        {"text": "拜登政府在 2024 年 4 月 24 日签署的 “不卖就禁用” 法案", "paragraph": 4})] = None
    tags: Annotated[list[Id], described(
        "Themes, for audiences that select by tag.", ["law"])] = []


# The largest statistic an outline holds: a thousand trillion, past which no briefing's figure goes.
MAX_STATISTIC = 1e15


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


class Statistic(Model, kw_only=True, frozen=True):
    """A figure, as a raw value: the tool writes it the locale's way."""

    id: Annotated[Id, described(
        "How charts, key figures and text ('{us-users}') refer to it.", "us-users")]
    label: Annotated[Text, described(
        "Short name for charts and key figures.", "美国用户")]
    value: Annotated[Annotated[float, msgspec.Meta(ge=0, le=MAX_STATISTIC)], described(
        "The raw number: 170000000, not 1.7亿 (at most 10¹⁵, a thousand trillion).", 170000000)]
    unit: Annotated[Unit, described(
        "count, percent, usd, times or days (a count may name its unit: unit_name).", "count")]
    noun: Annotated[Text | None, described(
        "What is counted.", "用户")] = None
    unit_name: Annotated[Text | None, described(
        "With unit count, the unit written after the number wherever it shows (1.59亿吨, 39.79万亿元, 3.1 million "
        "tonnes): a unit of measure or a currency other than the dollar.", "吨")] = None
    qualifier: Annotated[Qualifier | None, described(
        "about (约), nearly (近) or over (超过).", "about")] = None
    measures: Annotated[Text, described(
        "What the figure measures, in a sentence.", "TikTok 在美国的用户数量。")]
    as_of: Annotated[PartialDate | None, described(
        "When it was true: YYYY, YYYY-MM or YYYY-MM-DD.", "2025-01")] = None
    source: Annotated[Id, described(
        "The source that reports it.", "article")]
    attribution: Annotated[Text | None, described(
        "How the source itself sources it.", "文章援引“据统计”，未注明出处")] = None
    evidence: Annotated[Evidence | None, described(
        "Where the source states it, for checking; not printed.",
        {"text": "这一事件不仅影响了美国本土的 1.7 亿用户", "paragraph": 3})] = None
    part_of: Annotated[Id | None, described(
        "The statistic this one is a part of (Indonesia's users, of Asia-Pacific's): charts say so.",
        "apac-users")] = None
    tags: Annotated[list[Id], described(
        "Themes, for audiences that select by tag.", ["users"])] = []


class ChartKind(str, Enum):
    TIMELINE = "timeline"
    BAR = "bar"


class BarOrder(str, Enum):
    LARGEST_FIRST = "largest-first"
    AS_LISTED = "as-listed"


class Chart(Model, kw_only=True, frozen=True):
    """A chart: a timeline of events or bars of statistics."""

    id: Annotated[Id, described(
        "How audiences refer to it.", "users-by-region")]
    kind: Annotated[ChartKind, described(
        "timeline (of events) or bar (of statistics).", "bar")]
    title: Annotated[Text, described(
        "Caption title in the document, slide title in the deck.", "TikTok 用户规模：按国家和地区")]
    caption: Annotated[Text | None, described(
        "One sentence under the figure.", "时点不同，仅作量级对比。")] = None
    takeaway: Annotated[Text | None, described(
        "What the chart shows, in one sentence: the slide's title.", "亚太用户规模远超美国")] = None
    order: Annotated[BarOrder, described(
        "Bars largest first, or in the order listed.", "largest-first")] = BarOrder.LARGEST_FIRST
    events: Annotated[list[Id], described(
        "For a timeline: the events it shows.", ["law-signed"])] = []
    statistics: Annotated[list[Id], described(
        "For bars: the statistics it shows.", ["us-users"])] = []
    placement: Annotated[Id | None, described(
        "Section or sub-section the chart belongs to; after the summary when absent.", "outlook-global")] = None
    tags: Annotated[list[Id], described(
        "Themes, for audiences that select by tag.", ["users"])] = []


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


class Theme(Model, kw_only=True, frozen=True):
    """The look of both outputs: fonts (Latin and East Asian), colours, logo, templates."""

    logo: Annotated[Text | None, described(
        "A PNG, JPEG or GIF beside the outline, shown on the cover.", "assets/logo.png")] = None
    latin_font: Annotated[Text, described(
        "Font for Latin text.", "Arial")] = "Arial"
    east_asian_font: Annotated[Text, described(
        "Font for Chinese text.", "Microsoft YaHei")] = "Microsoft YaHei"
    heading_latin_font: Annotated[Text, described(
        "Latin font of headings and titles.", "Arial")] = "Arial"
    heading_east_asian_font: Annotated[Text, described(
        "Chinese font of headings and titles.", "Microsoft YaHei")] = "Microsoft YaHei"
    primary_color: Annotated[HexColor, described(
        "Headings, bars, bands: six hex digits.", "1F3A5F")] = "1F3A5F"
    accent_color: Annotated[HexColor, described(
        "Markers and rules.", "C0392B")] = "C0392B"
    text_color: Annotated[HexColor, described(
        "Body text.", "222222")] = "222222"
    muted_color: Annotated[HexColor, described(
        "Notes, captions, footers.", "6B7280")] = "6B7280"
    docx_template: Annotated[Text | None, described(
        "A company .docx beside the outline: its styles, page setup, header and footer look.",
        "templates/brand.docx")] = None
    pptx_template: Annotated[Text | None, described(
        "A company .pptx beside the outline: its masters, layouts, theme fonts and colours.",
        "templates/brand.pptx")] = None
    # msgspec's schema leaves a dict's keys open; editors should offer the roles.
    layouts: Annotated[dict[SlideLayoutRole, Text], msgspec.Meta(extra_json_schema={
        "propertyNames": {"enum": [role.value for role in SlideLayoutRole]}}), described(
        "The template layout each kind of slide uses, by name; sensible defaults otherwise.",
        {"title": "Title Slide", "section": "Section Header", "points": "Title Only"})] = {}


class Depth(str, Enum):
    BRIEF = "brief"  # points; the prose goes to the speaker notes
    FULL = "full"


class Audience(Model, kw_only=True, frozen=True):
    """A reader: what of the outline they get, and how it is presented to them."""

    name: Annotated[Id, described(
        "Used on the command line: briefing build --audience NAME.", "executive")]
    display_name: Annotated[Text, described(
        "Shown in listings and, unless cover_line says otherwise, on the cover.", "高管摘要")]
    description: Annotated[Text | None, described(
        "What this profile is for.", "要点、关键数据与走向")] = None
    sections: Annotated[list[Id] | None, described(
        "Section or sub-section ids to include: a section whole, a sub-section under its section's heading alone; "
        "all when absent and no tags are given.", ["outlook"])] = None
    tags: Annotated[list[Id], described(
        "Also include every sub-section with one of these tags (under its section's heading), every section with "
        "one (its own content, with only its matching sub-sections), and the implications with one.", ["law"])] = []
    charts: Annotated[list[Id] | None, described(
        "Charts to include; those placed in included parts when absent.", ["timeline"])] = None
    statistics: Annotated[list[Id] | None, described(
        "Statistics for the data table; those the included parts rely on when absent.", ["us-users"])] = None
    summary: Annotated[Annotated[list[Text], msgspec.Meta(min_length=1)] | None, described(
        "This reader's key takeaways, one sentence each; the outline's when absent.",
        ["特朗普的90天延缓期是美国业务的关键窗口。"])] = None
    summary_takeaway: Annotated[Text | None, described(
        "Their point in one sentence; the outline's only where the summary is the outline's too.",
        "美国业务系于延缓期，海外市场是退路")] = None
    key_figures: Annotated[list[Id] | None, described(
        "Statistics shown as large numbers; the outline's key figures this reader's parts rely on when absent.",
        ["us-users"])] = None
    key_figures_takeaway: Annotated[Text | None, described(
        "Their point in one sentence; the outline's only where the key figures are the outline's too.",
        "90天延缓期决定1.7亿用户的去留")] = None
    implications_takeaway: Annotated[Text | None, described(
        "The point of this reader's own implications, in one sentence: their slide's title.",
        "盯住延缓期与监管方案，准备两种结局")] = None
    depth: Annotated[Depth, described(
        "brief: points only, prose moved to the notes; full: everything.", "brief")] = Depth.FULL
    title: Annotated[Text | None, described(
        "Replaces the title.", "TikTok 海外关停：高管摘要")] = None
    subtitle: Annotated[Text | None, described(
        "Replaces the subtitle.", "事件、影响与走向")] = None
    cover_line: Annotated[Text | None, described(
        "Who it is for, on the cover; from display_name when absent.", "面向：管理层")] = None
    locale: Annotated[Locale | None, described(
        "Replaces the outline's locale.", "en")] = None
    slide_budget: Annotated[Annotated[int, msgspec.Meta(ge=3)] | None, described(
        "Most slides for this reader.", 10)] = None
    table_of_contents: Annotated[bool | None, described(
        "Whether this reader's document has a contents page.", False)] = None


class Implication(Model, kw_only=True, frozen=True):
    """What the briefing means for its reader, or what to do or watch: the closing section and slide.
    An item naming no audience and no tag is for every reader without items of their own."""

    text: Annotated[Text, described(
        "One sentence in the briefing's own words; '{id}' references allowed.", "关注90天延缓期能否兑现。")]
    audiences: Annotated[list[Id], described(
        "The audiences (by name) this item is for.", ["executive"])] = []
    tags: Annotated[list[Id], described(
        "Themes: the item is also for every audience that selects one of these tags.", ["law"])] = []

    def is_for(self, audience: Audience) -> bool:
        """Whether the item names this audience, or one of the tags it selects by."""
        return audience.name in self.audiences or bool(set(self.tags) & set(audience.tags))


class Outline(Model, kw_only=True, frozen=True):
    """A briefing: one source, summarised, for every audience."""

    schema_version: Annotated[int, msgspec.Meta(ge=1, le=1), described(
        "The outline format's version: 1.", 1)] = 1
    meta: Annotated[Meta, described(
        "What the briefing is.", {"title": "…", "date": "2025-02-03", "source": {}})]
    summary: Annotated[list[Text], msgspec.Meta(min_length=1), described(
        "Key takeaways, one sentence each.", ["TikTok 于2025年1月18日停止在美服务。"])]
    summary_takeaway: Annotated[Text | None, described(
        "The key takeaways' point in one sentence: their slide's title.", "停服是政治博弈的结果，影响远超美国")] = None
    sections: Annotated[list[Section], msgspec.Meta(min_length=1), described(
        "The sections, in order.", [{"id": "outbreak", "title": "事件突发"}])]
    timeline: Annotated[list[Event], described(
        "Dated events.", [{"id": "law-signed", "date": "2024-04-24"}])] = []
    statistics: Annotated[list[Statistic], described(
        "Figures.", [{"id": "us-users", "value": 170000000}])] = []
    charts: Annotated[list[Chart], described(
        "Charts of events and statistics.", [{"id": "timeline", "kind": "timeline"}])] = []
    key_figures: Annotated[list[Id] | None, described(
        "Statistics shown as large numbers on the deck's key-figures slide; all when absent.", ["us-users"])] = None
    key_figures_takeaway: Annotated[Text | None, described(
        "The key figures' point in one sentence: their slide's title.", "禁令波及1.7亿用户和约200万创作者")] = None
    implications: Annotated[list[Implication], described(
        "What it means for the reader and what to watch: the document's closing section, the deck's last content "
        "slide. Each audience gets the items naming it or one of its tags, else those naming neither.",
        [{"text": "关注90天延缓期能否兑现。"}])] = []
    implications_takeaway: Annotated[Text | None, described(
        "The implications' point in one sentence: their slide's title, for those naming no audience or tag.",
        "短期看延缓期，长期看合规与多元市场")] = None
    sources: Annotated[list[Source], described(
        "Sources beyond meta.source.", [{"id": "ruling", "title": "…"}])] = []
    theme: Annotated[Theme, described(
        "Fonts, colours, logo.", {"primary_color": "1F3A5F"})] = msgspec.field(default_factory=Theme)
    audiences: Annotated[list[Audience], described(
        "Audience profiles.", [{"name": "executive", "display_name": "高管摘要"}])] = []

    @property
    def key_statistics(self) -> list[Statistic]:
        if self.key_figures is None:
            return list(self.statistics)
        return [self.statistic(i) for i in self.key_figures]

    @property
    def general_implications(self) -> list[Implication]:
        """The implications for no reader in particular: those this outline's documents show. (An audience's
        selection holds only that reader's items, none of them naming an audience or a tag any more.)"""
        return [item for item in self.implications if not item.audiences and not item.tags]

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


class GivenTheme(Theme, frozen=True):
    """The theme with the keys the outline itself gave: with a company template, only those
    override the template's colours and fonts."""

    given: frozenset[str] = frozenset()


def outline_from(data: Any) -> Outline:
    """Plain data as an Outline whose theme knows which of its keys were given."""
    outline = from_data(Outline, data)
    given = frozenset(data.get("theme") or ())  # a mapping: it converted
    theme = GivenTheme(**msgspec.structs.asdict(outline.theme), given=given)
    return msgspec.structs.replace(outline, theme=theme)
