"""YAML as the project reads it: safe (no objects built), and a key written twice in one mapping is an error —
YAML itself would keep the last one and drop the first without a word."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

_SAFE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where PyYAML was built with it
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def load_yaml(text: str, *, dates: bool = True) -> Any:
    """The data in `text`; yaml.YAMLError (with line and column) for bad YAML or a repeated key. `dates=False`
    leaves dates as text, for a model to parse and report."""
    return yaml.load(text, Loader=_loader(dates))


@cache
def _loader(dates: bool) -> type:
    class Loader(_SAFE):  # type: ignore[misc, valid-type]
        pass

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_keys)
    if not dates:
        Loader.yaml_implicit_resolvers = {
            first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
            for first, resolvers in _SAFE.yaml_implicit_resolvers.items()}
    return Loader


def _unique_keys(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen and key != "<<":
            raise yaml.constructor.ConstructorError(
                "i en mappning", node.start_mark, f"nyckeln {key!r} står två gånger", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)
