"""Which build is running: the release version and the commit it was made from.

A bundle carries the commit in ``resources/build.json`` (written by build.spec
when the bundle is made, because a frozen app has no git); a source tree asks
git, once, and only when someone asks for the version.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from haian_desk import __version__
from haian_desk.core.paths import resource_path

BUILD_FILE = "build.json"


def build_label() -> str:
    """``0.2.0 (build 4b90768, 2026-12-04)`` in a bundle, ``0.2.0 (source 4b90768)`` from git."""
    baked = _baked()
    if baked:
        return f"{__version__} (build {baked['commit']}, {baked['date']})"
    commit = _git_commit(Path(__file__).resolve().parents[2])
    return f"{__version__} (source {commit})" if commit else __version__


def _baked() -> dict | None:
    try:
        data = json.loads(resource_path(BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and {"commit", "date"} <= data.keys() else None


def _git_commit(tree: Path) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = done.stdout.strip()
    return commit if done.returncode == 0 and commit else None


def write_build_file(folder: Path, commit: str, date: str) -> Path:
    """The file build.spec bundles under resources/ (the frozen app has no git to ask)."""
    path = folder / BUILD_FILE
    path.write_text(json.dumps({"commit": commit, "date": date}), encoding="utf-8")
    return path
