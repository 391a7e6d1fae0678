"""Reports of an assessment result: HTML, Word, Excel and Markdown, rendered from one view (view.py)."""
