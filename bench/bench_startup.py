"""Start-up: a fresh process to the app's first usable window, against a minimal PySide6 window.

The app is started exactly as a user starts it (``python -m haian_desk
--data-dir …`` from source, ``dist/HaianDesk/HaianDesk --data-dir …`` from the
bundle) and timed until Qt draws its first window (Qt's painting log names
it); bench/startup_probe.py also types the login to time the main window. All
on a village station's database (a 2,000-case demo
station: what an old station PC holds). The baseline is bench/minimal_window.py,
started the same way (``python -m …``, offscreen). Each run is a new process;
the OS file cache is warm after the first run, as on a PC that started the app
yesterday. The first usable window is the login dialog; the main window after
a typed login is reported too (it includes the password check, scrypt, on
purpose slow).
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench import generate
from bench.common import RUNS, Report, main, median
from haian_desk.cli.demo import DEMO_ADMIN, make_demo
from haian_desk.core import paths

GOAL_RATIO = 2.0
STATION = generate.DATA_DIR / "station-demo-2000"
ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "HaianDesk" / "HaianDesk"


def station() -> Path:
    if not paths.database_path(STATION).exists():
        building = STATION.with_name(STATION.name + ".building")
        import shutil

        shutil.rmtree(building, ignore_errors=True)
        make_demo(building, cases=2000, seed=generate.SEED, now=generate.NOW).close()
        building.rename(STATION)
    return STATION


# Qt's own painting log names the window it draws first; it works the same for
# a frozen bundle, which cannot load bench code.
PAINT_LOG = "qt.widgets.painting=true"
DRAWN = re.compile(r"Drawing .* of (\w+)\(0x")


def first_paint(command: list[str], windows: tuple[str, ...]) -> float:
    """Milliseconds from starting ``command`` to Qt drawing one of ``windows`` (class names)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES=PAINT_LOG)
    started = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
    # A window that never comes may also never write a line: the watchdog ends the wait.
    watchdog = threading.Timer(120, process.kill)
    watchdog.start()
    try:
        for line in process.stderr:
            found = DRAWN.search(line)
            if found and found.group(1) in windows:
                return (time.perf_counter() - started) * 1000
        raise RuntimeError(f"{command[0]} never drew {windows} within 120 s")
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()


FROZEN_MINIMAL = generate.DATA_DIR / "frozen-minimal"


def frozen_minimal() -> Path | None:
    """bench/minimal_window.py frozen by PyInstaller the way the app is (one folder), built once
    and again when the script changes; None where PyInstaller is not installed (make dist installs it)."""
    program = FROZEN_MINIMAL / "dist" / "minimal_window" / "minimal_window"
    script = ROOT / "bench" / "minimal_window.py"
    if program.exists() and program.stat().st_mtime >= script.stat().st_mtime:
        return program
    if importlib.util.find_spec("PyInstaller") is None:
        return None
    FROZEN_MINIMAL.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--onedir"]
        + ["--distpath", str(FROZEN_MINIMAL / "dist"), "--workpath", str(FROZEN_MINIMAL / "build")]
        + ["--specpath", str(FROZEN_MINIMAL), str(script)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return program


def bundle_is_current() -> bool:
    """A bundle built before the newest source may not open today's database: timing it would mislead."""
    if not BUNDLE.exists():
        return False
    newest = max(
        path.stat().st_mtime for package in ("haian_desk", "ui", "sync") for path in (ROOT / package).rglob("*.py")
    )
    return BUNDLE.stat().st_mtime >= newest


def _probe(folder: Path) -> dict[str, float]:
    """Login window and main window (after a typed login) of the app from source, via bench/startup_probe.py."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "bench.startup_probe", str(folder), DEMO_ADMIN[1]],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    marks = {}
    for line in done.stdout.splitlines():
        name, _, moment = line.partition(" ")
        if re.fullmatch(r"\d+\.\d+", moment):
            marks[name] = (float(moment) - started) * 1000
    if "main" not in marks:
        raise RuntimeError(f"the start-up probe reported nothing: {done.stderr[-800:]}")
    return marks


APP_WINDOWS = ("LoginDialog", "SetupWizard", "MainWindow")


def run(scale: generate.Scale) -> Report:
    report = Report("start-up", "Start-up (fresh process to first window, offscreen)")
    folder = station()
    source, minimal, typed, bundle, minimal_frozen = [], [], [], [], []
    frozen_app = bundle_is_current()
    frozen_base = frozen_minimal() if frozen_app else None
    for _ in range(RUNS):  # alternate, so all see the same machine
        minimal.append(first_paint([sys.executable, "-m", "bench.minimal_window"], ("QMainWindow",)))
        source.append(first_paint([sys.executable, "-m", "haian_desk", "--data-dir", str(folder)], APP_WINDOWS))
        typed.append(_probe(folder)["main"])
        if frozen_app:
            bundle.append(first_paint([str(BUNDLE), "--data-dir", str(folder)], APP_WINDOWS))
        if frozen_base:
            minimal_frozen.append(first_paint([str(frozen_base)], ("QMainWindow",)))
    base = median(minimal)
    login = median(source)
    report.add(
        "from source: first window (login) drawn",
        login,
        "ms",
        goal=f"≤ {GOAL_RATIO:g}× minimal window",
        met=login <= GOAL_RATIO * base,
        baseline=base,
        baseline_name="minimal PySide6 window, from source",
    )
    report.add(
        "from source: main window after a typed login",
        median(typed),
        "ms",
        baseline=base,
        baseline_name="minimal PySide6 window, from source",
        note="includes the scrypt password check",
    )
    if bundle:
        _add_frozen(report, median(bundle), median(minimal_frozen) if minimal_frozen else None, base)
    elif BUNDLE.exists():
        report.notes.append("From the bundle: not measured, dist/HaianDesk is older than the source (make bundle).")
    else:
        report.notes.append("From the bundle: not measured, dist/HaianDesk was not built on this machine.")
    report.notes.append(
        f"{RUNS} runs each, alternating; the first window is when Qt draws it "
        f"(its painting log); first runs: app {source[0]:.0f} ms, minimal {minimal[0]:.0f} ms."
    )
    report.profile = _import_profile(folder)  # the budget per package, kept in results.md
    return report


def _add_frozen(report: Report, frozen: float, frozen_base: float | None, source_base: float) -> None:
    """The bundle against the minimal window frozen the same way (like with like), or, where
    PyInstaller is missing, against the minimal window from source, saying so."""
    base, name = (
        (frozen_base, "minimal PySide6 window, frozen the same way")
        if frozen_base
        else (
            source_base,
            "minimal PySide6 window, from source (no frozen one: PyInstaller missing)",
        )
    )
    report.add(
        "from the bundle: first window (login) drawn",
        frozen,
        "ms",
        goal=f"≤ {GOAL_RATIO:g}× minimal window",
        met=frozen <= GOAL_RATIO * base,
        baseline=base,
        baseline_name=name,
        note="dist/HaianDesk as built by make dist; the minimal window by PyInstaller's defaults",
    )


def _import_profile(folder: Path) -> str:
    """Where start-up goes: import time by package (python -X importtime, own time summed)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bench.startup_probe", str(folder), DEMO_ADMIN[1]],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    by_package: dict[str, int] = {}
    for line in done.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].split(":")[-1].strip().isdigit():
            package = parts[2].strip().split(".")[0]
            by_package[package] = by_package.get(package, 0) + int(parts[0].split(":")[-1])
    ranked = sorted(by_package.items(), key=lambda item: -item[1])
    total = sum(by_package.values())
    lines = [
        f"imports from starting the app to its main window after a typed login: {total / 1000:,.0f} ms "
        "in all (-X importtime, which adds its own overhead; the login window itself loads none of the "
        "packages tests/ui/test_start_budget.py names); by top-level package:"
    ]
    lines += [f"{us / 1000:>8.0f} ms  {name}" for name, us in ranked[:15]]
    return "\n".join(lines)


if __name__ == "__main__":
    main(run)
