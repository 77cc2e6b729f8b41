"""make review end to end: two commits in a scratch git repository, and the report's sections."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import review
from generate import PACKAGE, generate_into

from .conftest import ROOT

COPIED = ("openapi.yaml", "generator-config.yaml", "templates", "generated", "src")


def git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}  # fmt: skip
    subprocess.run(
        ["git", "-C", str(repo), *args], check=True, capture_output=True, env=env
    )


def regenerate(repo: Path) -> None:
    fresh = generate_into(repo / "scratch", repo / "openapi.yaml", repo)
    shutil.rmtree(repo / "generated" / PACKAGE)
    shutil.copytree(fresh, repo / "generated" / PACKAGE)
    shutil.rmtree(repo / "scratch")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Commit 1: this project's spec and code. Commit 2: a breaking spec change, regenerated."""
    repo = tmp_path_factory.mktemp("review-repo")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, repo / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    spec = (repo / "openapi.yaml").read_text(encoding="utf-8")
    anchor = "        # Inline on purpose: the generator drops"
    added = ("        - name: includeRelay\n          in: query\n          required: true\n"
             "          description: Whether to list relay connections.\n"
             "          schema:\n            type: integer\n")  # fmt: skip
    relay = spec.index("\n        relay:\n          type: boolean\n") + 1
    relay_end = spec.index("          example: true\n", relay) + len(
        "          example: true\n"
    )
    spec = spec[:relay] + spec[relay_end:]
    spec = spec.replace(anchor, added + anchor)
    (repo / "openapi.yaml").write_text(spec, encoding="utf-8")
    regenerate(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "add includeRelay, drop Connection.relay")
    return repo


def run_review(repo: Path, *args: str) -> tuple[int, str]:
    output = repo.parent / f"{repo.name}-report.md"
    code = review.main(["--repo", str(repo), "--output", str(output), *args])
    return code, output.read_text(encoding="utf-8") if output.exists() else ""


def test_report_sections_for_a_breaking_change(repo: Path) -> None:
    code, report = run_review(repo, "--base", "HEAD~1")
    assert code == 0
    assert report.startswith("# Spec review: working tree vs HEAD~1 (")
    assert "**Breaking for callers.**" in report
    api, generated, python = report.split("## ")[1:4]
    assert api.startswith("1. API changes")
    assert "**2 breaking, 0 compatible.**" in api
    assert (
        "| **breaking** | GET /security/resources query `includeRelay` | new required parameter |"
        in api
    )
    assert ("| **breaking** | GET /security/resources 200 application/json: "
            "MediaContainer.Device.Connection[].relay | field removed |") in api  # fmt: skip
    assert generated.startswith("2. Generated code")
    assert (
        "| generated/plex_resources_api/api/security/get_source_connection_information.py |"
        in generated
    )
    assert "| generated/plex_resources_api/models/connection.py |" in generated
    assert "- Working tree: generated/ matches openapi.yaml." in generated
    assert "- Base: generated/ matches openapi.yaml" in generated
    assert python.startswith("3. Python API (griffe)")
    assert "`plex_resources_api`: **" in python
    assert ("get_source_connection_information.sync`: parameter was added as required "
            "(`include_relay`)") in python  # fmt: skip
    assert (
        "`plex_resources_api.models.connection.Connection.relay`: public object was removed"
        in python
    )
    assert "- `plex_resources`: no breaking changes." in python


def test_strict_fails_on_breaking_changes(repo: Path) -> None:
    assert run_review(repo, "--base", "HEAD~1", "--strict")[0] == 1


def test_no_change_is_quiet_even_when_strict(repo: Path) -> None:
    code, report = run_review(repo, "--base", "HEAD", "--strict")
    assert code == 0
    assert "Nothing breaking for callers." in report
    assert "No API changes." in report
    assert "No file under generated/ changed." in report


def test_uncommitted_drift_is_reported(repo: Path) -> None:
    model = repo / "generated" / PACKAGE / "models" / "device.py"
    original = model.read_text(encoding="utf-8")
    model.write_text(original + "# edited by hand\n", encoding="utf-8")
    try:
        code, report = run_review(repo, "--base", "HEAD", "--strict")
    finally:
        model.write_text(original, encoding="utf-8")
    assert code == 1
    assert "**generated/ is out of date: run `make generate`.**" in report
    assert (
        "- Working tree: generated/ **differs** from openapi.yaml (models/device.py)."
        in report
    )


def test_unknown_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_review(repo, "--base", "no-such-ref")[0] == 2
    assert "review: cannot compare with 'no-such-ref'" in capsys.readouterr().err
