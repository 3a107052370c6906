"""The bundle's recipe and its self-test, checked without building (CI builds and runs it: .ci/run)."""

from __future__ import annotations

import os
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_self_test_passes_from_the_source_tree(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "haian_desk", "self-test"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HAIAN_DESK_HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "自检通过"
    for step in ("资源文件", "回执另存为PDF", "备份并检查", "主窗口", "同步到镇中心"):
        assert any(step in line and "[通过]" in line for line in lines), step
    assert not (tmp_path / "haian_desk.sqlite3").exists()  # the station's own folder is never touched


def test_a_missing_resource_fails_the_self_test_and_says_which(monkeypatch, capsys):
    from ui import self_test

    monkeypatch.setattr(self_test, "REQUIRED_RESOURCES", (("fonts", "HaianSansSC-Regular.otf"), ("fonts", "gone.otf")))
    monkeypatch.setattr(self_test, "STEPS", self_test.STEPS[:1])
    assert self_test.run(Namespace(keep=False), ROOT) == 1
    out = capsys.readouterr().out
    assert "[失败] 资源文件" in out and "fonts/gone.otf" in out and "自检没有通过：1 项出错" in out


def test_the_frozen_app_accepts_self_test_as_a_flag():
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import bundle_entry
    finally:
        sys.path.remove(str(ROOT / "tools"))
    assert bundle_entry._arguments(["--self-test"]) == ["self-test"]
    assert bundle_entry._arguments(["--data-dir", "x"]) == ["--data-dir", "x"]


class Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT and keeps what the spec passed."""

    def __init__(self):
        self.calls = {}

    def __call__(self, name):
        def record(*args, **kwargs):
            self.calls.setdefault(name, []).append((args, kwargs))
            return Namespace(
                binaries=list(BINARIES), datas=list(kwargs.get("datas", [])), scripts=[], pure=[], zipped_data=[]
            )

        return record


BINARIES = [
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "/x/libQt6Widgets.so.6", "BINARY"),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland-egl.so", "/x/libqwayland-egl.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/qwindows.dll", "/x/qwindows.dll", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", "/x/vk.so", "BINARY"),
]


@pytest.fixture
def spec():
    pytest.importorskip("PyInstaller", reason="the build dependency group is not installed")
    recorder = Recorder()
    names = {"SPECPATH": str(ROOT), "__file__": str(ROOT / "build.spec")}
    names.update({name: recorder(name) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    exec(compile((ROOT / "build.spec").read_text(encoding="utf-8"), "build.spec", "exec"), names)
    return recorder, names


def test_resources_keep_the_source_layout_and_skip_translation_sources(spec):
    recorder, _ = spec
    ((_, analysis),) = recorder.calls["Analysis"]
    datas = analysis["datas"]
    assert (str(ROOT / "resources/fonts/HaianSansSC-Regular.otf"), "resources/fonts") in datas
    assert (str(ROOT / "resources/catalogue.json"), "resources") in datas
    assert (str(ROOT / "resources/icons/haian_desk.ico"), "resources/icons") in datas
    assert not [src for src, _ in datas if src.endswith(".ts")]
    assert any("haian_desk-" in src and src.endswith(".dist-info") for src, _ in datas)  # entry points


def test_the_bundle_carries_the_commit_it_was_built_from(spec):
    recorder, _ = spec
    ((_, analysis),) = recorder.calls["Analysis"]
    baked = [src for src, dest in analysis["datas"] if src.endswith("build.json") and dest == "resources"]
    assert len(baked) == 1
    import json

    data = json.loads(Path(baked[0]).read_text(encoding="utf-8"))
    head = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    assert data["commit"] == head and len(data["date"]) == 10


def test_every_subcommand_module_is_bundled(spec):
    recorder, _ = spec
    ((_, analysis),) = recorder.calls["Analysis"]
    hidden = set(analysis["hiddenimports"])
    assert {"ui.cli", "ui.self_test", "ui.printing.cli", "sync.cli", "sync.hub_cli", "ui.crash"} <= hidden


def test_qt_is_trimmed_but_keeps_what_the_app_uses(spec):
    _, names = spec
    unused = names["_unused"]
    assert unused("PySide6/Qt/lib/libQt6Quick.so.6")
    assert unused("PySide6/Qt/plugins/platforms/libqwayland-egl.so")
    assert unused("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so")
    assert unused("PySide6/Qt/translations/qtbase_de.qm")
    assert not unused("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not unused("PySide6/Qt/lib/libQt6Widgets.so.6")
    assert not unused("PySide6\\plugins\\platforms\\qwindows.dll")
    assert not unused("PySide6/Qt/plugins/platforms/libqoffscreen.so")  # the self-test runs headless
    assert not unused("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")


def test_both_programs_carry_the_version_and_the_icon(spec):
    recorder, names = spec
    programs = {kwargs["name"]: kwargs for _, kwargs in recorder.calls["EXE"]}
    assert set(programs) == {"HaianDesk", "haian-desk"}
    assert programs["HaianDesk"]["console"] is False and programs["haian-desk"]["console"] is True
    assert Path(programs["HaianDesk"]["icon"]).is_file()
    from haian_desk import __version__

    assert names["VERSION"] == __version__
