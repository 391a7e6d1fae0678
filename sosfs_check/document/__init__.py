"""The document model and the readers that build it from .docx and plain text."""
