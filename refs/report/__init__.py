"""Reports for people: text tables (and the HTML coverage page)."""
