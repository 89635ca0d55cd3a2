"""Knowledge-base search behind a seam: the only package of the app that imports an engine."""

from .index import ENGINES, SearchIndex
from .types import Hit, IndexedDoc, SearchIndexBusyError, SearchResults

__all__ = ["ENGINES", "Hit", "IndexedDoc", "SearchIndex", "SearchIndexBusyError", "SearchResults"]
