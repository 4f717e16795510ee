"""The draft corpus holds together (benchmarks/draft_corpus/), and benchmarks/draft.py scores a draft as it says.

A key that drifted from its article would judge the product on facts the article no longer states: every
key's words must be the article's words, and every figure's value must be written in them. The scorer is
tested on hand-written drafts of corpus articles; `briefing draft` itself is measured by the benchmark, not here.
"""

from __future__ import annotations

import json
import math
import re
import shlex
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml

from benchmarks import draft
from tests.validate_ooxml import findings_in

KEYS = draft.load_keys()
KEY = {key.name: key for key in KEYS}

# Stands in for the `briefing` command: `draft` writes the outline named by STAND_IN_OUTLINE (or crashes when
# STAND_IN_CRASH is set); every other command is briefing's own.
STAND_IN = """
import os, shutil, subprocess, sys
args = sys.argv[1:]
if args[:1] == ["draft"]:
    if "--help" in args:
        sys.exit(0)
    if os.environ.get("STAND_IN_CRASH"):
        raise RuntimeError("the stand-in crashed")
    shutil.copyfile(os.environ["STAND_IN_OUTLINE"], args[args.index("-o") + 1])
    sys.exit(0)
sys.exit(subprocess.call([sys.executable, "-m", "briefing", *args]))
"""

# A draft of en-heat.md, right in parts: three of its seven events (one more with the wrong end, one not in the
# article), four of its eleven figures (and a temperature, which is not a figure), and five of its six headings
# (one numbered, one at the wrong level).
HEAT_DRAFT = """
meta:
  title: Heat wave tests players and fans
  date: 2024-07-15
  locale: en
  source: {id: article, title: Heat wave tests players and fans, published: 2024-07-15}
summary: [Markova won a tournament played through record heat.]
sections:
  - id: heat
    title: A week of record heat
    points: [Heat warning issued]
    subsections:
      - {id: stopped, title: When play stopped, points: [Play suspended]}
      - {id: evening, title: Evening  sessions, points: [Matches moved to the evening]}
  - {id: final, title: The final, points: [Markova won]}
  - id: crowds
    title: 2. Crowds and money
    points: [Record attendance]
    subsections:
      - {id: organizers, title: What organizers will change, points: [A review of the heat policy]}
timeline:
  - {id: tournament, date: 2024-07-08, end: 2024-07-14, title: Tournament, source: article}
  - {id: warning, date: 2024-07-10, title: Heat warning, source: article}
  - {id: cooling, date: 2024-07-10, end: 2024-07-17, title: Cooling centers, source: article}
  - {id: suspended, date: 2024-07-11, title: Play suspended, source: article}
  - {id: published, date: 2024-07-15, title: Story published, source: article}
statistics:
  - {id: attendance, label: Attendance, value: 61240, unit: count, measures: Attendance., source: article}
  - {id: prize, label: Prize money, value: 2400000, unit: usd, measures: Prize money., source: article}
  - {id: heat, label: Temperature, value: 104, unit: count, measures: Thursday's high., source: article}
  - {id: er, label: ER visits, value: 35, unit: percent, measures: Rise in ER visits., source: article}
  - {id: players, label: Players treated, value: 14, unit: count, measures: Players treated., source: article}
"""


def _outline(tmp_path: Path, text: str, name: str = "draft.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the corpus -----------------------------------------------------------------------------


def test_every_article_of_the_corpus_has_a_key():
    articles = {path.name for path in draft.CORPUS.iterdir()
                if not path.name.endswith(".key.yaml") and path.name != "README.md"}
    keyed = {key.text_file.name for key in KEYS}
    assert articles == keyed
    assert len(KEYS) >= 6


def test_the_corpus_mixes_languages_and_formats():
    languages = Counter(key.language for key in KEYS)
    formats = Counter(key.format for key in KEYS)
    assert languages["zh-CN"] >= 3 and languages["en"] >= 3
    assert formats["html"] >= 2 and formats["txt"] >= 2 and formats["md"] >= 1 and formats["docx"] >= 1


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.name)
def test_a_key_states_its_facts_and_headings_in_the_articles_words(key):
    text = draft.without_whitespace(draft.article_text(key))
    said = [*(event.words for event in key.events), *(figure.words for figure in key.figures),
            *(heading.title for heading in key.headings)]
    assert said
    assert [words for words in said if draft.without_whitespace(words) not in text] == []


def _written_values(words: str) -> list[float]:
    scale = {"万": 1e4, "亿": 1e8, "million": 1e6, "billion": 1e9, None: 1}
    tenths = [10.0 * "一二三四五六七八九".index(digit) + 10 for digit in re.findall(r"([一二三四五六七八九])成", words)]
    return [float(number.replace(",", "")) * scale[word]
            for number, word in re.findall(r"(\d[\d,]*(?:\.\d+)?)\s*(万|亿|million|billion)?", words)
            for word in [word or None]] + tenths


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.name)
def test_a_key_figures_value_is_the_number_its_words_write(key):
    assert key.figures
    wrong = [figure for figure in key.figures
             if not any(math.isclose(figure.value, written, rel_tol=1e-9) for written in _written_values(figure.words))]
    assert wrong == []


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.name)
def test_no_two_key_figures_share_a_value_and_unit(key):
    """Else one drafted figure could be either, and the counts would hang on which the matching picked."""
    repeated = Counter((figure.value, figure.unit) for figure in key.figures)
    assert [pair for pair, times in repeated.items() if times > 1] == []


@pytest.mark.parametrize("key", KEYS, ids=lambda key: key.name)
def test_an_article_is_as_long_as_a_news_story(key):
    text = draft.article_text(key)
    if key.language == "en":
        assert 600 <= len(re.findall(r"[A-Za-z]+", text)) <= 2500
    else:
        assert 1500 <= len(re.findall(r"[\u4e00-\u9fff]", text)) <= 5000


def test_a_word_report_is_built_with_the_heading_styles_its_key_names(tmp_path):
    from docx import Document

    key = KEY["zh-flood"]
    target = tmp_path / key.article.name
    draft.build_docx(key.built_from, target)
    document = Document(str(target))
    by_style = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    assert [text for style, text in by_style if style == "Title"] == [document.core_properties.title]
    assert document.core_properties.title.startswith("清溪县应急管理局关于6月中旬强降雨")
    assert [(int(style[-1]), text) for style, text in by_style if style.startswith("Heading")] == \
        [(heading.level, heading.title) for heading in key.headings]
    assert document.core_properties.created.date().isoformat() == "2024-06-20"


def test_a_key_that_names_an_unknown_unit_is_refused_naming_its_file(tmp_path):
    (tmp_path / "a.txt").write_text("An article.", encoding="utf-8")
    path = _outline(tmp_path, "article: a.txt\nlanguage: en\npublished: 2024-01-02\n"
                              "figures:\n  - {value: 3, unit: dollars, words: An article}\n", "a.key.yaml")
    with pytest.raises(draft.KeyProblem, match=r"a\.key\.yaml: figures\[0\]\.unit: 'dollars' is not one of"):
        draft.load_key(path)


# -- the scorer -----------------------------------------------------------------------------


def test_a_draft_is_scored_by_what_it_found_and_what_it_made_up(tmp_path):
    result = draft.score(KEY["en-heat"], draft.read_outline(_outline(tmp_path, HEAT_DRAFT)))
    assert (result.events.found, result.events.total) == (3, 7)
    assert (result.figures.found, result.figures.total) == (4, 11)
    assert (result.real.found, result.real.total) == (7, 10)
    assert (result.headings.found, result.headings.total) == (5, 6)
    assert result.real.missed == ["2024-07-10..2024-07-17 Cooling centers", "2024-07-15 Story published",
                                  "104 count: Temperature"]
    assert result.headings.missed == ["1 What organizers will change"]
    assert "2024-07-10..2024-07-18 opened cooling centers at libraries and community centers from July 10 " \
           "through July 18" in result.events.missed


def _flood_draft(tmp_path: Path, statistics: list[dict], timeline: list[dict]) -> draft.Score:
    return draft.score(KEY["zh-flood"], draft.read_outline(
        _outline(tmp_path, yaml.safe_dump({"statistics": statistics, "timeline": timeline}, allow_unicode=True))))


def test_a_sum_in_yuan_is_found_as_money_or_as_a_count_of_yuan(tmp_path):
    result = _flood_draft(tmp_path, [
        {"value": 235000000, "unit": "count", "noun": "元"},          # the loss, as a count of yuan
        {"value": 30000000, "unit": "money", "currency": "CNY"},    # the relief fund, as money
        {"value": 30000000, "unit": "count", "noun": "美元"},         # dollars are not yuan
        {"value": 235000000, "unit": "count", "noun": "人"},          # nor are people
    ], [])
    assert (result.figures.found, result.real.found, result.real.total) == (2, 2, 4)


def test_a_figure_is_found_once_and_in_its_own_unit(tmp_path):
    result = _flood_draft(tmp_path, [
        {"value": 36200, "unit": "count"}, {"value": 36200, "unit": "count"},   # the same fact twice: real, found once
        {"value": 2.3, "unit": "percent"},                                      # 2.3倍 is times
    ], [])
    assert (result.figures.found, result.real.found, result.real.total) == (1, 2, 3)


def test_a_range_needs_its_end_and_a_day_is_not_a_range(tmp_path):
    result = _flood_draft(tmp_path, [], [
        {"date": "2024-06-13"},                           # the red warning on the 13th, not the rain of the 13th-16th
        {"date": "2024-06-13", "end": "2024-06-16"},      # the rain
        {"date": "2024-06-12", "end": "2024-06-13"},      # the yellow warning was one day
        {"date": "2024-06-15"}, {"date": "2024-06-15"},  # two events on the 15th
        {"date": "2024-06-15"},                           # ... and no third
    ])
    assert (result.events.found, result.real.found, result.real.total) == (4, 5, 6)
    assert "2024-06-12 6月12日17时，县气象台发布暴雨黄色预警" in result.events.missed


def test_each_key_item_takes_a_drafted_item_of_its_own():
    pairs = draft.matched_pairs(["a", "ab"], ["a", "b"], lambda key, drafted: drafted in key)
    assert pairs == {0: 0, 1: 1}  # 'ab' gives way to 'a' rather than taking its only match


@pytest.mark.parametrize(("drafted", "key"), [
    ("农业生产稳中有进", "一、农业生产稳中有进"),
    ("(一)规模以上工业增加值增长7.1%", "（一）规模以上工业增加值增长7.1%"),
    ("The new minimum wage", "1.1 The new minimum wage"),
    ("Overview", "I. Overview"),
    ("Industries", "A. Industries"),
    ("What is changing", "1. What is changing"),
    ("计划与销售", "2、计划与销售"),
    ("总体要求", "第一部分 总体要求"),
    ("事件突发：TikTok 关停震动全球", "一、事件突发:TikTok 关停震动全球"),
])
def test_headings_are_compared_without_numbering_and_whitespace(drafted, key):
    assert draft.normalized_heading(drafted) == draft.normalized_heading(key)


@pytest.mark.parametrize("title", ["A week of record heat", "2024 年回顾", "3D 打印", "IV drips ran out",
                                   "第三季度经济运行", "24 小时值班", "1.5K 屏幕", "3.5% growth"])
def test_words_that_only_look_like_numbering_are_kept(title):
    assert draft.normalized_heading(title) == draft.without_whitespace(title)


def test_the_shipped_outline_carries_every_fact_of_its_own(tmp_path):
    outline = draft.read_outline(draft.SHIPPED_OUTLINE)
    statistics, events = draft.carried(outline, outline)
    assert (statistics.found, events.found) == (statistics.total, events.total) == (10, 7)
    data = yaml.safe_load(draft.SHIPPED_OUTLINE.read_text(encoding="utf-8"))
    data["statistics"] = [s for s in data["statistics"] if s["id"] != "us-users"]
    data["timeline"] = [e for e in data["timeline"] if e["id"] != "trump-extension"]  # one of two on 2025-01-18
    fewer = draft.read_outline(_outline(tmp_path, yaml.safe_dump(data, allow_unicode=True)))
    statistics, events = draft.carried(outline, fewer)
    assert (statistics.found, events.found) == (9, 6)
    assert statistics.missed == ["170,000,000 count: 美国用户 / 用户"]


# -- the benchmark as a command -------------------------------------------------------------


def _stand_in(tmp_path: Path) -> str:
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN, encoding="utf-8")
    return shlex.join([sys.executable, str(script)])


def test_a_briefing_without_draft_is_reported_and_nothing_is_measured(capsys):
    missing = shlex.join([sys.executable, "-c", "import sys; sys.exit(\"Error: No such command 'draft'.\")"])
    assert draft.main(["--briefing", missing]) == 2
    assert "does not exist here (Error: No such command 'draft'.); nothing measured." in capsys.readouterr().err


def test_a_draft_that_crashes_is_shown_and_fails_the_run(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STAND_IN_CRASH", "1")
    assert draft.main(["--briefing", _stand_in(tmp_path), "--only", "en-heat"]) == 1
    out, err = capsys.readouterr()
    assert re.search(r"^en-heat +en +md +[\d.]+ +crashed +- +0/7 0% +0/11 0% +0/0 +0/6 0%$", out, re.MULTILINE)
    assert "RuntimeError: the stand-in crashed" in out
    assert "draft.py: crashed on en-heat (draft)" in err
    assert "MISS  drafts built: 0% (goal >= 100%)" in out


@pytest.mark.slow
def test_the_benchmark_drafts_builds_and_scores_an_article(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("STAND_IN_OUTLINE", str(_outline(tmp_path, HEAT_DRAFT, "heat.yaml")))
    kept = tmp_path / "kept"
    assert draft.main(["--briefing", _stand_in(tmp_path), "--only", "en-heat", "--json", "--keep", str(kept)]) == 0
    report = json.loads(capsys.readouterr().out)
    [row] = report["articles"]
    assert (row["draft"]["status"], row["build"]["status"]) == ("ok", "ok")
    assert [row[name]["found"] for name in ("events", "figures", "real", "headings")] == [3, 4, 7, 5]
    assert report["totals"]["facts found"]["found"] == 7 and report["totals"]["facts found"]["total"] == 18
    assert report["goals"]["real"] == {"goal": 0.8, "measured": 0.7, "met": False}
    assert report["goals"]["drafts built"] == {"goal": 1.0, "measured": 1.0, "met": True}
    built = kept / "en-heat" / "out-en-heat"
    assert sorted(path.name for path in built.iterdir() if path.is_file()) == ["briefing.docx", "briefing.pptx"]
    assert findings_in(built) == []
    assert (kept / "en-heat" / "en-heat.md").read_bytes() == KEY["en-heat"].article.read_bytes()
