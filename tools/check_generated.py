"""Fail when generated/ differs from what openapi.yaml generates: changed, added or removed files."""

from __future__ import annotations

import difflib
import sys
import tempfile
from pathlib import Path

from generate import GENERATED, PACKAGE, generate_into


def tree_files(root: Path) -> dict[str, bytes]:
    """Map each file below root (relative POSIX path) to its bytes, caches excluded."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def drift(committed: dict[str, bytes], fresh: dict[str, bytes]) -> list[str]:
    """Describe every difference between the committed and the freshly generated tree."""
    problems: list[str] = []
    for name in sorted(committed.keys() | fresh.keys()):
        if name not in fresh:
            problems.append(f"  removed by the spec, still committed: {name}")
        elif name not in committed:
            problems.append(f"  produced by the spec, not committed:  {name}")
        elif committed[name] != fresh[name]:
            changed = difflib.unified_diff(
                committed[name].decode("utf-8", "replace").splitlines(),
                fresh[name].decode("utf-8", "replace").splitlines(),
                fromfile=f"committed/{name}",
                tofile=f"spec/{name}",
                lineterm="",
                n=1,
            )
            problems.append(f"  differs: {name}")
            problems.extend(f"    {line}" for line in list(changed)[:20])
    return problems


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        fresh = tree_files(generate_into(Path(scratch)))
    committed_dir = GENERATED / PACKAGE
    committed = tree_files(committed_dir) if committed_dir.is_dir() else {}
    problems = drift(committed, fresh)
    if problems:
        print(
            "generated/ does not match openapi.yaml:\n"
            + "\n".join(problems)
            + "\nRun `make generate` and commit openapi.yaml and generated/ together.",
            file=sys.stderr,
        )
        return 1
    print(f"generated/ matches openapi.yaml ({len(fresh)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
