"""The bundle a station installs: its size, and its start to the first window.

    make dist && .venv/bin/python bench/bench_bundle.py [--runs 5] [--write bench/packaging.md]

Size: every file under dist/HaianDesk, the biggest parts, and the folder
zipped (what is carried to a station). Start: dist/HaianDesk/HaianDesk opens a
2,000-case demo station (made by the bundle's own ``haian-desk demo``) with
QT_QPA_PLATFORM=offscreen; the clock stops when Qt flushes the first painted
window (the login dialog) to the screen, which Qt itself reports on stderr
with the ``qt.widgets.painting`` logging category, so nothing is added to the
frozen app to measure it. "Cold" runs follow a drop of the OS file cache
(/proc/sys/vm/drop_caches, needs root): the first start after switching the
PC on. "Warm" runs follow each other: a start later the same day.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "HaianDesk"
SIZE_GOAL_MB = 200
START_GOAL_S = 2.0
FIRST_PAINT = "qt.widgets.painting: Flushing"
DEMO_CASES = 2000


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def biggest_parts(folder: Path, count: int = 8) -> list[tuple[str, int]]:
    """Sizes of the bundle's main pieces: the folders under _internal, and single big files."""
    internal = folder / "_internal"
    parts = {}
    for child in internal.iterdir():
        if child.is_symlink():  # PyInstaller links some Qt libraries into _internal/: counted once
            continue
        parts[child.name] = folder_bytes(child) if child.is_dir() else child.stat().st_size
    for program in folder.iterdir():
        if program.is_file():
            parts[program.name] = program.stat().st_size
    return sorted(parts.items(), key=lambda item: -item[1])[:count]


def zipped_bytes(folder: Path) -> int:
    with tempfile.TemporaryDirectory() as scratch:
        target = Path(scratch) / "HaianDesk.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(folder.parent))
        return target.stat().st_size


def make_station(folder: Path) -> None:
    subprocess.run(
        [str(BUNDLE / "haian-desk"), "demo", "--data-dir", str(folder), "--cases", str(DEMO_CASES)],
        check=True,
        capture_output=True,
        timeout=600,
    )


def drop_file_cache() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_to_first_window(station: Path) -> tuple[float, float]:
    """Seconds from starting HaianDesk to its first window painted on the (offscreen) screen,
    and the CPU seconds it used to get there (what a busy machine cannot hide)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="*.debug=false;qt.widgets.painting.debug=true")
    started = time.perf_counter()
    program = subprocess.Popen(
        [str(BUNDLE / "HaianDesk"), "--data-dir", str(station)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        for line in program.stderr:
            if line.startswith(FIRST_PAINT):
                return time.perf_counter() - started, cpu_seconds(program.pid)
        raise RuntimeError(f"HaianDesk exited ({program.wait()}) before showing a window")
    finally:
        program.kill()
        program.wait()


def measure(runs: int) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        station = Path(scratch) / "station"
        make_station(station)
        cold = []
        for _ in range(runs):
            if not drop_file_cache():
                break
            cold.append(time_to_first_window(station))
        time_to_first_window(station)  # fill the cache, then time warm starts
        warm = [time_to_first_window(station) for _ in range(runs)]
    return {"cold": cold, "warm": warm}


def machine() -> str:
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            platform.processor(),
        )
        if Path("/proc/cpuinfo").exists()
        else platform.processor()
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{cpu}, {os.cpu_count()} cores, {platform.platform()}, load average {load:.1f} as measuring began"


def report(sizes: dict, starts: dict, runs: int, where: str) -> str:
    mb = 1024 * 1024
    size_ok = sizes["total"] / mb < SIZE_GOAL_MB
    lines = [
        "# The bundle: size and start-up",
        "",
        f"Measured by `bench/bench_bundle.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; "
        f"machine: {where}. Bundle built by `make dist` from build.spec.",
        "",
        "| measure | figure | goal | |",
        "| --- | ---: | --- | --- |",
        f"| dist/HaianDesk on disk | {sizes['total'] / mb:.0f} MB | < {SIZE_GOAL_MB} MB | "
        f"{'✅ met' if size_ok else '❌ missed'} |",
        f"| the same folder zipped | {sizes['zipped'] / mb:.0f} MB | | |",
    ]
    for kind, label in (
        ("cold", "start to first window, cold (file cache dropped)"),
        ("warm", "start to first window, warm"),
    ):
        figures = starts[kind]
        if not figures:
            lines.append(f"| {label} | not measured (needs root to drop the cache) | | |")
            continue
        walls, cpus = [w for w, _ in figures], [c for _, c in figures]
        middle = statistics.median(walls)
        lines.append(
            f"| {label} | {middle:.2f} s (median of {len(walls)}; "
            f"{min(walls):.2f}–{max(walls):.2f}); CPU {statistics.median(cpus):.2f} s | "
            f"< {START_GOAL_S:g} s | {'✅ met' if middle < START_GOAL_S else '❌ missed'} |"
        )
    lines += ["", "Biggest parts of the folder:", ""]
    lines += [f"- `{name}`: {size / mb:.1f} MB" for name, size in sizes["parts"]]
    lines += [
        "",
        "How it is measured: the first window is the login dialog of a 2,000-case demo station, "
        "shown with `QT_QPA_PLATFORM=offscreen`; the time runs from starting the process until Qt "
        "reports (logging category `qt.widgets.painting`) that it flushed the dialog's first paint to the "
        "screen. The frozen app is not changed to be measured. CPU is the process's user + system time "
        "at that moment (all its threads): close to the wall time on an idle machine, and not inflated "
        "when other work shares the cores. Each start is a new process; cold runs "
        f"follow `echo 3 > /proc/sys/vm/drop_caches`. Runs per figure: {runs}.",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", type=Path, help="write the Markdown report here")
    args = parser.parse_args()
    if not (BUNDLE / "HaianDesk").exists():
        print("dist/HaianDesk is not built: run `make dist` first", file=sys.stderr)
        return 2
    where = machine()  # before measuring: the load average says how busy the machine was
    sizes = {"total": folder_bytes(BUNDLE), "zipped": zipped_bytes(BUNDLE), "parts": biggest_parts(BUNDLE)}
    text = report(sizes, measure(args.runs), args.runs, where)
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
