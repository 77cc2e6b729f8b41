"""generated/ is exactly what the pinned generator makes of openapi.yaml, and drift is caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import check_generated
from check_generated import drift, tree_files
from generate import GENERATED, PACKAGE, generate_into

from .conftest import SPEC_PATH


@pytest.fixture(scope="module")
def fresh_tree(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    return tree_files(generate_into(tmp_path_factory.mktemp("fresh")))


def test_committed_tree_matches_the_spec(fresh_tree: dict[str, bytes]) -> None:
    assert drift(tree_files(GENERATED / PACKAGE), fresh_tree) == []
    assert "py.typed" in fresh_tree


def test_generation_is_byte_stable(
    fresh_tree: dict[str, bytes], tmp_path: Path
) -> None:
    assert tree_files(generate_into(tmp_path)) == fresh_tree


def test_a_new_query_parameter_is_drift(
    fresh_tree: dict[str, bytes], tmp_path: Path
) -> None:
    spec = SPEC_PATH.read_text(encoding="utf-8")
    anchor = "        # Inline on purpose: the generator drops"
    added = (
        "        - name: includeHttps\n"
        "          in: query\n"
        "          description: A parameter that only this test adds.\n"
        "          schema:\n"
        "            type: integer\n"
    )
    assert anchor in spec
    edited = tmp_path / "openapi.yaml"
    edited.write_text(spec.replace(anchor, added + anchor), encoding="utf-8")
    problems = drift(fresh_tree, tree_files(generate_into(tmp_path / "out", edited)))
    assert "  differs: api/security/get_source_connection_information.py" in problems
    assert any("include_https" in line for line in problems)


def test_added_and_removed_files_are_drift(fresh_tree: dict[str, bytes]) -> None:
    committed = {**fresh_tree, "models/gone.py": b""}
    del committed["models/connection.py"]
    assert drift(committed, fresh_tree) == [
        "  produced by the spec, not committed:  models/connection.py",
        "  removed by the spec, still committed: models/gone.py",
    ]


def test_drift_message_names_files_and_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    committed = tmp_path / "generated"
    shutil.copytree(GENERATED / PACKAGE, committed / PACKAGE)
    (committed / PACKAGE / "models" / "device.py").write_text("# edited by hand\n")
    monkeypatch.setattr(check_generated, "GENERATED", committed)
    assert check_generated.main() == 1
    err = capsys.readouterr().err
    assert "generated/ does not match openapi.yaml" in err
    assert "differs: models/device.py" in err
    assert "-# edited by hand" in err
    assert "Run `make generate`" in err
