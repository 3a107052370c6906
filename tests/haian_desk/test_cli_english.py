"""The command line in English: help texts, printed lines and refusals, no Chinese outside data.

Two halves. In this process, with a catalogue that "translates" every word the tools
collect (tools/cli_messages.py for the CLI, tools/domain_messages.py for the domain) by
dropping its Chinese, every --help and the lines of the main commands must come out with
no Chinese but the data: a word said without ``cli_tr``, or one the collector misses,
shows up as Chinese. Then as a real process with the real .qm: ``haian-desk --lang en``
and ``LANG=en_US.UTF-8`` say it all in English (this half needs the CLI context
translated in resources/translations/haian_desk_en.ts).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from haian_desk.cli import main as cli
from haian_desk.core import messages

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import cli_messages  # noqa: E402  (a tool script, not a package)
import domain_messages  # noqa: E402

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def chinese_outside(text: str, data: list[str] = ()) -> list[str]:
    """The lines that still hold Chinese once the data (names, matters, places) is taken out."""
    for value in sorted((d for d in data if d), key=len, reverse=True):
        text = text.replace(value, "")
    return [line for line in text.splitlines() if CJK.search(line)]


@pytest.fixture
def english(monkeypatch):
    """English, with every collected CLI and domain word given a Chinese-free stand-in."""
    real = messages.catalogue("en")
    stand_ins = {("CLI", t): "~" + CJK.sub("", t) for t in cli_messages.templates()}
    stand_ins |= {("domain", t): "~" + CJK.sub("", t) for t in domain_messages.templates()}
    monkeypatch.setattr(messages, "catalogue", lambda language: {**stand_ins, **real} if language == "en" else {})
    messages.set_language("en")
    yield
    messages.set_language("zh_CN")


def every_parser(parser: argparse.ArgumentParser, name: str = "haian-desk"):
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from every_parser(sub, f"{name} {sub_name}")


def test_every_chinese_word_of_the_cli_is_said_through_cli_tr():
    left = [
        f"{p.relative_to(ROOT)}:{n.lineno}"
        for p in cli_messages.source_files()
        for n in cli_messages.said_without_translation(__import__("ast").parse(p.read_text(encoding="utf-8")))
    ]
    assert not left, f"run `python tools/cli_messages.py --convert`: {left}"


def test_the_collected_words_are_in_the_generated_module_lupdate_reads():
    generated = (ROOT / "ui" / "i18n_cli.py").read_text(encoding="utf-8")
    missing = [t for t in cli_messages.templates() if json.dumps(t, ensure_ascii=False) not in generated]
    assert not missing, f"run `python -m ui.i18n --update` (or ui.i18n.write_cli_module()): {missing[:5]}"


def test_every_help_is_english(english):
    parsers = list(every_parser(cli._parser()))
    assert len(parsers) > 30  # every subcommand, the plugins' too
    chinese = {name: chinese_outside(parser.format_help()) for name, parser in parsers}
    assert not {k: v for k, v in chinese.items() if v}


def said(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(["--lang", "en", *args])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_the_main_commands_speak_english(english, capsys, tmp_path):
    station, hub = str(tmp_path / "demo"), str(tmp_path / "hub")
    lines = []
    for args in (
        ["demo", "--cases", "12", "--name", "Demo Station"],
        ["check"],
        ["cases", "--limit", "12"],
        ["backup"],
        ["restore", "--latest"],
        ["sync", "status"],
        ["cadres", "list"],
        ["calendar", "show"],
        ["calendar", "due", "--from", "2026-09-30T10:00", "--limit", "1wd"],
        ["calendar", "due", "--from", "2026-09-30T10:00", "--limit", "48h"],
        ["calendar", "rule"],
        ["import", "list"],
        ["numbering"],
    ):
        code, text = said(capsys, *args, "--data-dir", station)
        assert code == 0, text
        lines.append(text)
    csv = tmp_path / "roll.csv"
    csv.write_text("姓名,手机号码\n张三,13812345678\n", encoding="utf-8")
    _, text = said(capsys, "import", "villagers", str(csv), "--dry-run", "--data-dir", station)
    lines.append(text)
    code, text = said(capsys, "import", "villagers", str(csv), "--as", "nobody", "--data-dir", station)
    assert code == 2 and text.startswith("Error: ")
    lines.append(text)
    for args in (
        ["init", "--station-code", "320685102", "--name", "Qutang Centre", "--role", "township"],
        ["hub", "stations"],
    ):
        code, text = said(capsys, *args, "--data-dir", hub)
        assert code == 0, text
        lines.append(text)
    chinese = chinese_outside("\n".join(lines), data(capsys, station) + ["张三"])
    assert not chinese


def data(capsys, station: str) -> list[str]:
    """What the demo station holds: the names, matters and places the lines may quote."""
    from haian_desk.desk import Desk

    desk = Desk.open(Path(station))
    try:
        found = [
            value
            for row in desk.db.query(
                "SELECT c.description, c.matter_name, v.name FROM cases c JOIN villagers v ON v.id = c.villager_id"
            )
            for value in (row[0][:20], row[1], row[2])
        ]
    finally:
        desk.close()
    _, cadres = said(capsys, "cadres", "list", "--json", "--data-dir", station)
    for row in json.loads(cadres):
        found += [row["name"], row["area"], row["title"], *row.get("service_items", [])]
    return [str(value) for value in found if value]


# --- the real catalogue, as a real process ------------------------------------------------


def run(args, env_lang=None, lang_flag=True):
    env = {**os.environ, "LC_ALL": "", "LC_MESSAGES": "", "LANG": env_lang or "zh_CN.UTF-8"}
    flag = ["--lang", "en"] if lang_flag else []
    return subprocess.run(
        [sys.executable, "-m", "haian_desk", *flag, *args], capture_output=True, text=True, env=env, timeout=120
    )


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["init"],
        ["demo"],
        ["cases"],
        ["check"],
        ["backup"],
        ["restore"],
        ["sync", "status"],
        ["hub", "stations"],
        ["report"],
        ["import", "villagers"],
        ["cadres", "add"],
        ["calendar", "due"],
    ],
)
def test_help_in_english_from_the_real_catalogue(command):
    result = run([*command, "--help"])
    assert result.returncode == 0, result.stderr
    assert not chinese_outside(result.stdout)


def test_lang_from_the_environment_too(tmp_path):
    result = run(
        ["init", "--station-code", "320685102210", "--name", "Shuanglou Station", "--data-dir", str(tmp_path / "s")],
        env_lang="en_US.UTF-8",
        lang_flag=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Shuanglou Station" in result.stdout and not chinese_outside(result.stdout, [str(tmp_path)])


def test_chinese_stays_the_default(tmp_path):
    result = run(
        ["init", "--station-code", "320685102210", "--name", "双楼村代理站", "--data-dir", str(tmp_path / "s")],
        lang_flag=False,
    )
    assert result.stdout.startswith("已建站：双楼村代理站")


def test_a_sync_report_and_the_clock_speak_english_from_the_real_catalogue():
    """What `sync now` prints, the clock's warning and `sync clock`, in English from the .qm."""
    from haian_desk.replication.clock_repair import ClockReport
    from haian_desk.replication.status import clock_warning, refusal_lines
    from sync.exchange import ExchangeReport

    report = ExchangeReport("城东镇", sent=3, sent_batches=1, received=2, received_batches=1, already=1, held=2)
    report.conflicts, report.check = ["case-1"], "repaired"
    report.warnings.append(clock_warning(-30 * 3600))
    poisoned = {"id": "e-1", "stream": "case", "type": "noted", "origin": "0123456789ab", "hlc": "2099-01-01"}
    clock = ClockReport("2027-01-03", "2026-12-04", [poisoned])
    refused = [{"event_id": "e-2", "reason": "unknown stream", "problem": "unknown_stream"}]
    messages.set_language("en")
    try:
        printed = "\n".join(
            [
                *report.lines(),
                *clock.lines(),
                *ClockReport("2027-01-03", "2026-12-04").lines(),
                *refusal_lines(refused, []),
            ]
        )
    finally:
        messages.set_language("zh_CN")
    assert chinese_outside(printed, ["城东镇"]) == []
    assert "Synchronised with “城东镇”: sent 3 records (1 batches)" in printed
    assert "about 1.2 d behind the township centre's" in printed
    assert "--repair" in printed and "Clock fine" in printed
    assert "1: unknown stream. What to do: the two sides run different versions" in printed
    # and in Chinese, as before
    assert "本机时钟比镇中心慢了约1.2天" in "\n".join(report.lines())
