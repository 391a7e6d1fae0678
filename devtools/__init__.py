"""Developer tooling: builders for realistic .docx fixtures and the corpus (not part of the package)."""
