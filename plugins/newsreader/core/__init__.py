"""The annotation core: plain Python, no Pelican import below this package.

Data flow: ``rawformat.parse`` (bytes -> :class:`model.RawArticle`) ->
``sentences.split_paragraphs`` (stable sentence ids) -> ``body_html.render``.
"""
