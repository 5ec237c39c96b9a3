"""What the benchmarks of the real window share: private user folders, timing, statistics.

Import it before anything from Qt or MC Designer: :func:`private_user_folders` points the
data, config, cache and runtime folders at a temporary place, so a benchmark never touches
the user's own library or settings, and runs Qt offscreen unless told otherwise.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def private_user_folders(prefix: str) -> Path:
    """A fresh scratch folder holding the user folders this process will use."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scratch = Path(tempfile.mkdtemp(prefix=prefix))
    for variable, name in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_RUNTIME_DIR", "runtime"),
    ):
        (scratch / name).mkdir(mode=0o700)
        os.environ[variable] = str(scratch / name)
    os.environ.pop("MCDESIGNER_DB", None)
    os.environ.pop("MCDESIGNER_CONFIG", None)
    return scratch


def timed_ms(action: Callable[[], object]) -> float:
    """Milliseconds ``action`` takes."""
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def spread(samples: list[float], percentile: float) -> tuple[float, float, float]:
    """Median, the ``percentile`` (0.95, 0.99) and the maximum of ``samples``."""
    ordered = sorted(samples)
    high = ordered[min(len(ordered) - 1, round(percentile * (len(ordered) - 1)))]
    return statistics.median(ordered), high, ordered[-1]
