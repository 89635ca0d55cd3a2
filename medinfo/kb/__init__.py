"""Knowledge base: articles and their versions, lifecycle, import, search and "use in answer"."""
