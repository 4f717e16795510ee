"""Building: the pipeline in order (pipeline.py), the processes it works in, whether a build is
needed at all (freshness.py), putting the outputs in place (publish.py), PDFs through
LibreOffice (pdf.py) and rebuilding on every save (watch.py)."""
