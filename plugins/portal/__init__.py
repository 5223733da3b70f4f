"""The portal plugin: people as data, totals at build time, pages in every language.

Pelican calls register(); Pelican itself is imported only then, so the parts that read and
check the content (portal.content), count (portal.figures) and speak the languages
(portal.language) can be imported without it.
"""


def register():
    from .pipeline.hooks import connect

    connect()
