"""sosfs_check: check Swedish ledningssystem documents against SOSFS 2011:9.

The public API is imported lazily so that `import sosfs_check` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["SosfsCheckError", "__version__", "check", "compare", "generate", "load_catalog", "read"]

if TYPE_CHECKING:
    from sosfs_check.assessment.run import check
    from sosfs_check.catalog import load_catalog
    from sosfs_check.comparison import compare
    from sosfs_check.document.reader import read
    from sosfs_check.drafting import generate
    from sosfs_check.errors import SosfsCheckError

_LAZY = {
    "check": "sosfs_check.assessment.run",
    "read": "sosfs_check.document.reader",
    "load_catalog": "sosfs_check.catalog",
    "SosfsCheckError": "sosfs_check.errors",
    "generate": "sosfs_check.drafting",
    "compare": "sosfs_check.comparison",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sosfs_check' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public API, for dir() and tab completion (the names are imported lazily)."""
    return sorted(__all__)
