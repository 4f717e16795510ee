"""The typed outline: immutable data that knows nothing about YAML or Office.

Every model forbids unknown keys, so a misspelt key is an error rather than
silently ignored content.
"""

from __future__ import annotations

import re
from datetime import date
from enum import Enum
from typing import Annotated, Literal

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
HexColor = Annotated[str, Field(pattern=r"^[0-9A-Fa-f]{6}$")]
FileStem = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=100)]
Url = Annotated[str, Field(pattern=r"^https?://\S+$")]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Locale(str, Enum):
    ZH_CN = "zh-CN"
    EN = "en"


class Source(Model):
    """Where facts come from; the outline's own source is one of these."""

    id: Id
    title: Text
    url: Url | None = None
    publisher: Text | None = None
    published: IsoDate | None = None
    caveat: Text | None = Field(
        default=None, description="The publisher's own warning about the content, shown verbatim."
    )


class Meta(Model):
    title: Text
    short_title: Text | None = Field(default=None, description="For page headers and slide footers.")
    subtitle: Text | None = None
    date: IsoDate
    locale: Locale = Locale.ZH_CN
    author: Text | None = None
    keywords: list[Text] = []
    output: FileStem = Field(default="briefing", description="File name (without extension) of the outputs.")
    audience: Text | None = Field(default=None, description="Who the documents are for, printed on the cover.")
    table_of_contents: bool = Field(default=True, description="Whether the document has a contents page.")
    slide_budget: int | None = Field(
        default=None, ge=3, description="Most slides the deck should have; less essential slides give way."
    )
    source: Source


class Quote(Model):
    text: Text
    speaker: Text
    context: Text | None = None
    source: Id | None = None


class Part(Model):
    """What sections and sub-sections share: points, prose, quotes, facts."""

    id: Id
    title: Text
    number: int | None = Field(
        default=None, ge=1, description="Heading number (一、 or （一）); its position when absent."
    )
    points: list[Text] = Field(default=[], description="Concise, slide-sized statements.")
    prose: list[Text] = Field(default=[], description="Paragraphs for the document, in the briefing's words.")
    quotes: list[Quote] = []
    notes: list[Text] = Field(default=[], description="Speaker notes only: said, not shown.")
    facts: list[Id] = Field(default=[], description="Ids of the statistics and events this part relies on.")
    tags: list[Id] = []


class Subsection(Part):
    pass


class Section(Part):
    subsections: list[Subsection] = []


class Event(Model):
    id: Id
    date: IsoDate
    end: IsoDate | None = Field(default=None, description="Last day, for an event that spans days.")
    title: Text
    detail: Text | None = None
    source: Id
    attribution: Text | None = Field(default=None, description="Who states it, where it is contested.")
    tags: list[Id] = []


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
    id: Id
    label: Text = Field(description="Short name for charts and key figures, e.g. 美国用户.")
    value: float = Field(ge=0)
    unit: Unit
    noun: Text | None = Field(default=None, description="What is counted, e.g. 用户 or creators.")
    qualifier: Qualifier | None = None
    measures: Text = Field(description="What the figure measures, in a sentence.")
    as_of: PartialDate | None = None
    source: Id
    attribution: Text | None = None
    tags: list[Id] = []


class ChartKind(str, Enum):
    TIMELINE = "timeline"
    BAR = "bar"


class Chart(Model):
    id: Id
    kind: ChartKind
    title: Text
    caption: Text | None = None
    events: list[Id] = []
    statistics: list[Id] = []
    placement: Id | None = Field(default=None, description="Section or sub-section the chart belongs to.")
    tags: list[Id] = []


IMAGE_KINDS = (".png", ".jpg", ".jpeg", ".gif")


class Theme(Model):
    logo: Text | None = Field(
        default=None, description="A PNG, JPEG or GIF image, relative to the outline's folder, shown on the cover."
    )
    latin_font: Text = "Arial"
    east_asian_font: Text = "Microsoft YaHei"
    heading_latin_font: Text = "Arial"
    heading_east_asian_font: Text = "Microsoft YaHei"
    primary_color: HexColor = "1F3A5F"
    accent_color: HexColor = "C0392B"
    text_color: HexColor = "222222"
    muted_color: HexColor = "6B7280"


class Depth(str, Enum):
    BRIEF = "brief"  # points; the prose goes to the speaker notes
    FULL = "full"


class Audience(Model):
    """A reader: what of the outline they get, and how it is presented to them."""

    name: Id = Field(description="Used on the command line: briefing build --audience NAME.")
    display_name: Text
    description: Text | None = None
    sections: list[Id] | None = Field(
        default=None, description="Section or sub-section ids to include; all when absent and no tags are given."
    )
    tags: list[Id] = Field(default=[], description="Also include every section or sub-section with one of these tags.")
    charts: list[Id] | None = Field(
        default=None, description="Charts to include; those placed in included parts when absent."
    )
    statistics: list[Id] | None = Field(
        default=None, description="Statistics for the data table; those the included parts rely on when absent."
    )
    key_figures: list[Id] | None = None
    depth: Depth = Depth.FULL
    title: Text | None = None
    subtitle: Text | None = None
    cover_line: Text | None = Field(default=None, description="Who it is for, on the cover; from display_name when absent.")
    locale: Locale | None = None
    slide_budget: int | None = Field(default=None, ge=3)
    table_of_contents: bool | None = None


class Outline(Model):
    schema_version: Literal[1] = 1
    meta: Meta
    summary: list[Text] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)
    timeline: list[Event] = []
    statistics: list[Statistic] = []
    charts: list[Chart] = []
    key_figures: list[Id] | None = Field(
        default=None, description="Statistics shown as large numbers on the deck's key-figures slide; all when absent."
    )
    sources: list[Source] = Field(default=[], description="Sources beyond meta.source.")
    theme: Theme = Theme()
    audiences: list[Audience] = []

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
