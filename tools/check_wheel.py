"""Check that the built wheel holds both packages, typed, and nothing else."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

REQUIRED = (
    "plex_resources/__init__.py",
    "plex_resources/py.typed",
    "plex_resources_api/__init__.py",
    "plex_resources_api/py.typed",
    "plex_resources_api/client.py",
    "plex_resources_api/api/security/get_source_connection_information.py",
    "plex_resources_api/models/source_connection_information.py",
)
ALLOWED_TOP_LEVEL = {"plex_resources", "plex_resources_api"}


def check(wheel: Path) -> list[str]:
    """Return the problems found in one wheel."""
    names = zipfile.ZipFile(wheel).namelist()
    problems = [f"missing {name}" for name in REQUIRED if name not in names]
    for name in names:
        top = name.split("/", 1)[0]
        if top not in ALLOWED_TOP_LEVEL and not top.endswith(".dist-info"):
            problems.append(f"unexpected file {name}")
        if "__pycache__" in name:
            problems.append(f"bytecode cache {name}")
    return problems


# Run inside a fresh virtual environment that has only the wheel and its dependencies.
IMPORT_CHECK = """
import importlib.resources, plex_resources, plex_resources_api
for package in ("plex_resources", "plex_resources_api"):
    assert importlib.resources.files(package).joinpath("py.typed").is_file(), package
print("imported", plex_resources.__version__)
"""


def installs_cleanly(wheel: Path) -> list[str]:
    """Install the wheel into a new virtual environment and import both packages there."""
    with tempfile.TemporaryDirectory() as scratch:
        venv.create(scratch, with_pip=True)
        python = str(Path(scratch) / "bin" / "python")
        steps = (
            [python, "-m", "pip", "install", "--quiet", str(wheel)],
            [python, "-I", "-c", IMPORT_CHECK],
        )
        for step in steps:
            result = subprocess.run(step, capture_output=True, text=True, check=False)
            if result.returncode != 0:
                return [
                    f"`{' '.join(step[1:3])}` failed: {result.stderr.strip()[-500:]}"
                ]
    return []


def main() -> int:
    wheels = sorted(Path(sys.argv[1]).glob("*.whl"))
    if len(wheels) != 1:
        print(
            f"error: expected one wheel in {sys.argv[1]}, found {len(wheels)}",
            file=sys.stderr,
        )
        return 1
    problems = check(wheels[0]) or installs_cleanly(wheels[0])
    for problem in problems:
        print(f"{wheels[0].name}: {problem}", file=sys.stderr)
    if not problems:
        print(
            f"{wheels[0].name}: both packages present, typed, and import in a fresh venv"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
