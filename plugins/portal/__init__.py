"""The portal plugin: people as data, totals at build time, pages in every language.

Pelican calls register(); Pelican itself is imported only then, so the parts that read and
check the content (portal.content) and the commands built on them run without it.
"""


def register():
    from .pipeline.hooks import connect

    connect()
