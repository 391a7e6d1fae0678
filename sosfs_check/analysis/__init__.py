"""Analysis of a DocumentModel before matching: terms, responsibilities, frequencies, legal references, scope."""
