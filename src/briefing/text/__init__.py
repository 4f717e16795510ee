"""Text as the reader will see it: widths from the real font's metrics, line wrapping (fonts.py)
and word boundaries in Chinese (words.py), shared by the charts, the deck and the document."""
