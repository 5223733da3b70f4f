"""The portal plugin: people as data, totals at build time, pages in every language."""
from .plugin import register

__all__ = ["register"]
