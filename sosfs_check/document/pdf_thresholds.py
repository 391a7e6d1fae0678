"""Thresholds, limits and wording for reading a PDF (data/pdf_layout.yaml), validated like the other data files."""

from __future__ import annotations

from sosfs_check.document.data_files import DataModel, load_data


class Limits(DataModel):
    max_pages: int
    max_uncompressed_mb: int
    max_filter_depth: int


class GlyphCues(DataModel):
    bold_name_parts: tuple[str, ...]
    bold_min_weight: int
    space_gap_em: float


class LineCues(DataModel):
    same_line_em: float
    fragment_gap_em: float
    spaced_gap_em: float
    marker_gap_em: float
    superscript_size_ratio: float
    superscript_rise_em: float


class ColumnCues(DataModel):
    min_gutter_em: float
    min_side_by_side: int
    max_spanning_share: float


class ParagraphCues(DataModel):
    gap_ratio: float
    indent_em: float
    space_em: float
    style_size_tolerance: float
    broken_word_slack: float


class ListCues(DataModel):
    bullet_markers: tuple[str, ...]
    min_marker_gap_em: float
    level_step_pt: float


class RunningCues(DataModel):
    margin_share: float
    min_pages: int
    min_share: float
    page_number_patterns: tuple[str, ...]


class TableCues(DataModel):
    rule_max_thickness: float
    join_tolerance: float
    min_rows: int
    min_columns: int
    cell_padding: float
    column_tolerance: float
    unruled_min_rows: int
    unruled_min_columns: int
    unruled_column_tolerance: float
    unruled_row_gap_em: float
    page_columns_max: int
    page_columns_min_fill: float


class FootnoteCues(DataModel):
    max_size_ratio: float
    bottom_share: float


class TocCues(DataModel):
    search_pages: int


class ScanCues(DataModel):
    min_image_share: float
    min_glyphs: int


class Messages(DataModel):
    """Swedish wording for errors and the fidelity report; `{name}` fields are filled in by the reader."""

    not_pdf: str
    encrypted: str
    corrupt: str
    page_failed: str
    too_many_pages: str
    too_large: str
    nested_filters: str
    image_only: str
    scanned_page: str
    scanned_summary: str
    truncated: str
    header: str
    footer: str
    page_numbers: str


class PdfLayout(DataModel):
    limits: Limits
    glyphs: GlyphCues
    lines: LineCues
    columns: ColumnCues
    paragraphs: ParagraphCues
    lists: ListCues
    running: RunningCues
    tables: TableCues
    footnotes: FootnoteCues
    toc: TocCues
    scanned: ScanCues
    messages: Messages


def pdf_layout() -> PdfLayout:
    return load_data("pdf_layout.yaml", PdfLayout)
