"""Languages of the site: which ones exist, the UI catalogues and locale formatting."""
