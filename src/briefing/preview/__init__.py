"""briefing preview: the deck and the document in a browser, updated on every save of the outline.

origins.py finds the outline lines a slide or page came from; slides.py draws a slide's shapes
(deck/shapes.py) and pages.py the page model's pages (document/pagination.py) as SVG, the fast
view; views.py makes both for an audience from the outline's bytes; renders.py has LibreOffice lay
out the real files in the background; server.py serves it all on 127.0.0.1 (Starlette, uvicorn,
server-sent events) and watches the files. Only `briefing preview` imports this package.
"""
