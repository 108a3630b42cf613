"""Import readers: BibTeX/BibLaTeX, CSL-JSON and RIS files -> LibraryReference + diagnostics."""
