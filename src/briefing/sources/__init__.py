"""Source articles read for `briefing draft`: a saved web page, Markdown, Word, plain text or an address,
each read into one Article (article.py) of numbered blocks that an outline's evidence cites.

read.py is the entrance: it tells the kinds apart and hands the bytes to one reader each (html.py,
markdown.py, word.py, plaintext.py); assemble.py finishes what they give alike (title, date line,
the publisher's caveat, the story's dateline and credits from bylines.py, heading levels from
structure.py, the numbers). fetch.py gets an address. leads.py finds the paragraphs that enumerate an
article's parts, for draft.py.
Heavy libraries are imported only by the reader that needs them: trafilatura (html.py), markdown-it-py
(markdown.py), python-docx (word.py).
"""
