"""Text as the reader will see it: widths from the real font's metrics, line wrapping (fonts.py)
and word boundaries in Chinese (words.py), shared by the charts, the deck and the document; and text
as a source states it: the figures an article gives (figures.py), and a quotation found in its
source however width, spaces and quote marks differ (matching.py)."""
