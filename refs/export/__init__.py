"""Exporters: references -> BibTeX, BibLaTeX, CSL-JSON, RIS (pure functions, see registry)."""
