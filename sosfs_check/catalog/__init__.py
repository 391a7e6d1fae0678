"""The SOSFS 2011:9 requirements catalog: typed models and a validating loader."""

from sosfs_check.catalog.loader import default_catalog_dir, load_catalog
from sosfs_check.catalog.models import Catalog, Requirement

__all__ = ["Catalog", "Requirement", "default_catalog_dir", "load_catalog"]
