"""What the document and the deck share as Office Open XML packages: zips that are the same
bytes every build (reproducible.py, opc.py), document properties, XML text, the checks and
clean-up of company templates (templatefile.py, templatelinks.py), and every use of python-docx's
and python-pptx's private API (library_private.py)."""
