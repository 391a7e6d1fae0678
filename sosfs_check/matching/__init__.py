"""Matching: which passages address which requirement, and how strongly."""
