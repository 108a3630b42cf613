"""citeproc-py element classes of the conformance layer, one module per kind of CSL element."""
