"""`make review`: what a spec change does to clients, as a Markdown report.

Compares the working tree with a git revision (default: the previous commit):
  1. API changes between the two openapi.yaml, $refs resolved, each breaking or compatible;
  2. which files under generated/ changed, and whether each side's generated/ matches what its
     openapi.yaml generates;
  3. Python API breaks in plex_resources_api and plex_resources, found by griffe.
Exits 0, or with --strict 1 when anything breaking was found (2 when it could not compare).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import griffe
import yaml

from check_generated import drift, tree_files
from generate import PACKAGE, generate_into
from spec_diff import Change, diff_specs

ROOT = Path(__file__).resolve().parent.parent
REPORT = Path("reports") / "review.md"
# Python package -> the folder (relative to the repository) it is imported from.
PACKAGES = {"plex_resources_api": "generated", "plex_resources": "src"}


class ReviewError(Exception):
    """The comparison could not be made (unknown revision, not a git repository...)."""


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ReviewError(f"git {' '.join(args)}: {result.stderr.strip()}")
    return result.stdout


def spec_at(repo: Path, base: str) -> dict[str, Any] | None:
    """openapi.yaml as it was at `base`, or None when it did not exist yet."""
    try:
        text = git(repo, "show", f"{base}:openapi.yaml")
    except ReviewError:
        return None
    document: dict[str, Any] = yaml.safe_load(text)
    return document


def api_section(
    old: dict[str, Any] | None, new: dict[str, Any]
) -> tuple[list[str], list[Change]]:
    lines = ["## 1. API changes (openapi.yaml)", ""]
    if old is None:
        return [
            *lines,
            "No openapi.yaml at the base revision: everything is new.",
            "",
        ], []
    changes = diff_specs(old, new)
    breaking = sum(change.breaking for change in changes)
    if not changes:
        return [*lines, "No API changes.", ""], []
    lines += [
        f"**{breaking} breaking, {len(changes) - breaking} compatible.**",
        "",
        "| for callers | where | change |",
        "| --- | --- | --- |",
    ]
    lines += [f"| {'**breaking**' if c.breaking else 'compatible'} | {c.where} | {c.what} |"
              for c in changes]  # fmt: skip
    return [*lines, ""], changes


def _numstat(repo: Path, base: str) -> list[tuple[str, str, str]]:
    """(added, removed, path) for files under generated/ changed since base, untracked included."""
    rows = []
    for line in git(repo, "diff", "--numstat", base, "--", "generated").splitlines():
        added, removed, path = line.split("\t", 2)
        rows.append((added, removed, path))
    untracked = git(
        repo, "ls-files", "--others", "--exclude-standard", "--", "generated"
    )
    for path in untracked.splitlines():
        lines = len((repo / path).read_bytes().splitlines())
        rows.append((str(lines), "0", f"{path} (untracked)"))
    return sorted(rows, key=lambda row: row[2])


def _regenerates_cleanly(tree: Path) -> str:
    """Whether tree/generated matches what tree/openapi.yaml generates, as one phrase."""
    if not (tree / "openapi.yaml").is_file():
        return "no openapi.yaml"
    committed = tree / "generated" / PACKAGE
    with tempfile.TemporaryDirectory() as scratch:
        fresh = tree_files(generate_into(Path(scratch), tree / "openapi.yaml", tree))
    problems = drift(tree_files(committed) if committed.is_dir() else {}, fresh)
    if not problems:
        return "matches openapi.yaml"
    names = [
        line.split(": ", 1)[1].strip()
        for line in problems
        if not line.startswith("    ")
    ]  # fmt: skip (the rest are diff lines)
    return f"**differs** from openapi.yaml ({', '.join(names)})"


def _export(repo: Path, base: str, into: Path) -> None:
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", base],
        capture_output=True, check=True,
    )  # fmt: skip
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")


def generated_section(repo: Path, base: str) -> tuple[list[str], bool]:
    lines = ["## 2. Generated code (generated/)", ""]
    rows = _numstat(repo, base)
    if rows:
        lines += ["| file | + | - |", "| --- | ---: | ---: |"]
        lines += [f"| {path} | {added} | {removed} |" for added, removed, path in rows]
    else:
        lines.append("No file under generated/ changed.")
    with tempfile.TemporaryDirectory() as scratch:
        _export(repo, base, Path(scratch))
        at_base = _regenerates_cleanly(Path(scratch))
    now = _regenerates_cleanly(repo)
    lines += [
        "",
        f"- Working tree: generated/ {now}.",
        f"- Base: generated/ {at_base} (regenerated with the working tree's pinned tools).",
        "",
    ]
    return lines, now.startswith("**differs")


def python_api_section(repo: Path, base: str) -> tuple[list[str], int]:
    lines = ["## 3. Python API (griffe)", ""]
    count = 0
    for package, folder in PACKAGES.items():
        try:
            # Static analysis only: importing would find the installed (working tree) package.
            old = griffe.load_git(
                package,
                ref=base,
                repo=repo,
                search_paths=[folder],
                allow_inspection=False,
            )
        except (ImportError, ModuleNotFoundError, griffe.GitError, OSError):
            lines.append(f"- `{package}`: not present at the base revision.")
            continue
        new = griffe.load(package, search_paths=[repo / folder], allow_inspection=False)
        breakages = list(griffe.find_breaking_changes(old, new))
        count += len(breakages)
        if not breakages:
            lines.append(f"- `{package}`: no breaking changes.")
            continue
        lines.append(f"- `{package}`: **{len(breakages)} breaking change(s)**:")
        lines += [f"  - {describe_breakage(b)}" for b in breakages]
    return [*lines, ""], count


def describe_breakage(breakage: griffe.Breakage) -> str:
    """One plain line: what changed where (griffe's own explanation is colored for terminals)."""
    what = f"`{breakage.obj.path}`: {breakage.kind.value.lower()}"
    parameter = (
        breakage.new_value if breakage.new_value is not None else breakage.old_value
    )
    if isinstance(parameter, griffe.Parameter):
        what += f" (`{parameter.name}`)"
    if isinstance(breakage, griffe.ParameterChangedDefaultBreakage):
        what += f": {breakage.old_value.default} -> {breakage.new_value.default}"
    return what


def review(repo: Path, base: str) -> tuple[str, bool]:
    """The report, and whether it found anything breaking or an out-of-date generated/."""
    commit = git(repo, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}").strip()
    label = git(repo, "log", "-1", "--format=%h %s", commit).strip()
    new = yaml.safe_load((repo / "openapi.yaml").read_text(encoding="utf-8"))
    api, changes = api_section(spec_at(repo, commit), new)
    generated, drifted = generated_section(repo, commit)
    python, python_breaks = python_api_section(repo, commit)
    breaking = any(c.breaking for c in changes) or python_breaks > 0
    verdict = [
        "**Breaking for callers.**" if breaking else "Nothing breaking for callers."
    ]
    if drifted:
        verdict.append("**generated/ is out of date: run `make generate`.**")
    head = [f"# Spec review: working tree vs {base} ({label})", "", *verdict, ""]
    return "\n".join(head + api + generated + python), breaking or drifted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD~1", help="git revision to compare with")
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 on anything breaking"
    )
    parser.add_argument("--repo", type=Path, default=ROOT, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=None, help="report file")
    args = parser.parse_args(argv)
    try:
        report, breaking = review(args.repo, args.base)
    except ReviewError as error:
        print(f"review: cannot compare with {args.base!r}: {error}", file=sys.stderr)
        return 2
    output = args.output or args.repo / REPORT
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")
    print(report)
    print(f"(written to {output})")
    return 1 if breaking and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
