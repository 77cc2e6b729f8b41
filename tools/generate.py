"""Regenerate the `plex_resources_api` package from openapi.yaml with the pinned generator."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from wire_types import render as render_wire_types

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "templates"
PINS = ROOT / "requirements-dev.txt"
PACKAGE = "plex_resources_api"
GENERATED = ROOT / "generated"

# Byte-stable output needs exactly these two tools at their pinned versions: the generator
# writes the code and ruff (run by its post hooks) formats it.
PINNED_TOOLS = ("openapi-python-client", "ruff")


def pinned_versions() -> dict[str, str]:
    """Return the exact pins of requirements-dev.txt as {name: version}."""
    pins: dict[str, str] = {}
    for line in PINS.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#", 1)[0].strip()
        if "==" in requirement:
            name, _, pinned = requirement.partition("==")
            pins[name.strip().lower()] = pinned.strip()
    return pins


def check_tool_versions() -> None:
    """Refuse to generate with a generator or ruff other than the pinned ones."""
    pins = pinned_versions()
    for tool in PINNED_TOOLS:
        installed = version(tool)
        if pins.get(tool) != installed:
            sys.exit(
                f"error: {tool} {installed} is installed but requirements-dev.txt pins "
                f"{pins.get(tool)}; run `make venv` to install the pinned tools."
            )


def generate_into(target_root: Path, spec: Path = SPEC, root: Path = ROOT) -> Path:
    """Generate the package from spec under target_root and return the package directory.

    The generator settings and templates are root's (another checkout's, when reviewing one).
    """
    check_tool_versions()
    bin_dir = Path(sys.executable).parent
    package_dir = target_root / PACKAGE
    # The post hooks call `ruff` from PATH: put the pinned one first.
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [
        str(bin_dir / "openapi-python-client"),
        "generate",
        "--path", str(spec),
        "--config", str(root / CONFIG.name),
        "--meta", "none",
        "--output-path", str(package_dir),
        "--overwrite",
        "--fail-on-warning",
    ]  # fmt: skip
    if (root / TEMPLATES.name).is_dir():
        command += ["--custom-template-path", str(root / TEMPLATES.name)]
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        sys.exit(f"error: the generator failed (exit {result.returncode}); see above.")
    # What the package needs beyond the generator's output: the PEP 561 marker, and the
    # spec's wire types (the generator keeps none of them at run time), formatted alike.
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    wire_types = package_dir / "wire_types.py"
    wire_types.write_text(render_wire_types(spec), encoding="utf-8")
    subprocess.run(
        [
            str(bin_dir / "ruff"),
            "format",
            "--isolated",
            "--no-cache",
            "--quiet",
            str(wire_types),
        ],
        check=True,
    )
    return package_dir


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        fresh = generate_into(Path(scratch))
        # Replace the committed tree whole, so that files the spec no longer produces go away.
        destination = GENERATED / PACKAGE
        shutil.rmtree(destination, ignore_errors=True)
        shutil.copytree(fresh, destination)
    print(f"generated {destination.relative_to(ROOT)} from {SPEC.name}")


if __name__ == "__main__":
    main()
