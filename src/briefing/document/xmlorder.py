"""Children of WordprocessingML elements in the order the OOXML schema wants them.

Word rejects a file whose children come in the wrong order, so an element
is placed before the first sibling that the schema says must follow it, and
a template's elements are put back in order where its author left them out
of it. The sequences are copied from ISO/IEC 29500-4:2016 (wml.xsd).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

from docx.oxml.ns import qn

# CT_Settings.
SETTINGS = tuple(f"w:{name}" for name in (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime", "doNotDisplayPageBoundaries",
    "displayBackgroundShape", "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
    "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
    "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle", "proofState", "formsDesign",
    "attachedTemplate", "linkStyles", "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
    "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection",
    "autoFormatOverride", "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation",
    "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength",
    "clickAndTypeStyle", "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
    "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
    "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery", "doNotUseMarginsForDrawingGridOrigin",
    "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
    "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore",
    "savePreviewPicture", "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
    "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
    "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
    "docVars", "rsids",
)) + ("m:mathPr",) + tuple(f"w:{name}" for name in (
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
    "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
)) + ("sl:schemaLibrary",) + tuple(f"w:{name}" for name in (
    "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
))

# CT_PPrBase, then what CT_PPr (a paragraph's) and CT_PPrGeneral (a style's) add.
PARAGRAPH_PROPERTIES = tuple(f"w:{name}" for name in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr", "suppressLineNumbers",
    "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
    "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
    "rPr", "sectPr", "pPrChange",
))

# CT_Style.
STYLE = tuple(f"w:{name}" for name in (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority", "semiHidden",
    "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose", "personalReply", "rsid", "pPr", "rPr",
    "tblPr", "trPr", "tcPr", "tblStylePr",
))

# CT_TblStylePr: a table style's look for one part of the table.
TABLE_STYLE_PART = ("w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr")

# CT_TblPrBase, then CT_TblPr's change record.
TABLE_PROPERTIES = tuple(f"w:{name}" for name in (
    "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
    "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
    "tblDescription", "tblPrChange",
))

# CT_TcPrBase, then what CT_TcPr adds.
CELL_PROPERTIES = tuple(f"w:{name}" for name in (
    "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
    "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange",
))

# CT_Numbering.
NUMBERING = ("w:numPicBullet", "w:abstractNum", "w:num", "w:numIdMacAtCleanup")


def insert_before_any(parent, element, successors: Iterable[str]) -> None:
    """Append element to parent, but ahead of any child named in successors (w:xxx)."""
    tags = {qn(name) for name in successors}
    follower = next((child for child in parent if child.tag in tags), None)
    if follower is not None:
        follower.addprevious(element)
    else:
        parent.append(element)


def insert_in_order(parent, element, sequence: Sequence[str]) -> None:
    """Add element to parent where the schema's sequence puts it among the children already there."""
    name = next(name for name in sequence if qn(name) == element.tag)
    insert_before_any(parent, element, sequence[sequence.index(name) + 1:])


def put_in_order(parent, sequence: Sequence[str]) -> None:
    """Reorder parent's children as the sequence wants; a child the sequence does not name
    (an extension, a comment) stays right after the child it followed."""
    rank = _ranks(tuple(sequence))
    children = list(parent)
    ranks, current = [], -1
    for child in children:
        current = rank.get(child.tag, current) if isinstance(child.tag, str) else current
        ranks.append(current)
    if ranks == sorted(ranks):
        return  # already in order: the usual case, left untouched
    ordered = [child for _, _, child in sorted(zip(ranks, range(len(children)), children, strict=True))]
    for child in ordered:
        parent.append(child)  # appending an element already there moves it to the end



@cache  # a template's styles.xml asks for the same few sequences thousands of times
def _ranks(sequence: tuple[str, ...]) -> dict[str, int]:
    return {qn(name): index for index, name in enumerate(sequence)}
