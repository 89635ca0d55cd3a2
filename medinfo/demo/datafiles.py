"""The demo's data files, medinfo/demo/data/*.yaml, shipped inside the package.

Read through importlib.resources so they are found however the package is installed. Nothing
reads them at import time: people.py and questions.py each parse their file on first use and
keep the immutable result in a cached function.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

import yaml

PACKAGE = "medinfo.demo"


def read_data(name: str) -> Any:
    """The parsed contents of medinfo/demo/data/<name>.yaml (safe loader: plain data only)."""
    text = (files(PACKAGE) / "data" / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)
