"""Domain messages: templates plus parameters, Chinese by default, English where chosen.

The codemod and extractor live in tools/domain_messages.py; these tests keep
the tree converted (no error built from an f-string) and the catalogue full
(every template has an English translation with the same parameters).
"""

from __future__ import annotations

import os
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from haian_desk.core import messages
from haian_desk.core.errors import HaianError, SetupError, ValidationError
from haian_desk.core.paths import resource_path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import domain_messages  # noqa: E402 - a tool script (tools/ on sys.path above), not a package


def _english_domain() -> dict[str, str | None]:
    text = resource_path("translations", "haian_desk_en.ts").read_text(encoding="utf-8")
    for context in re.findall(r"<context>(.*?)</context>", text, flags=re.S):
        if re.search(r"<name>(.*?)</name>", context).group(1) != "domain":
            continue
        found = {}
        for source, translation in re.findall(
            r"<source>([^<]*)</source>\s*(<translation.*?(?:/>|</translation>))", context, flags=re.S
        ):
            done = not re.search(r'type="(unfinished|vanished|obsolete)"', translation)
            body = re.sub(r"<[^>]+>", "", translation)
            found[_unescape(source)] = _unescape(body) if done and body else None
        return found
    return {}


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_no_domain_error_is_built_from_an_fstring():
    left = domain_messages.fstring_sites()
    assert not left, f"run `python tools/domain_messages.py --convert`: {left}"


def test_every_domain_message_has_an_english_translation_with_the_same_parameters():
    english = _english_domain()
    templates = domain_messages.templates()
    missing = [t for t in templates if english.get(t) is None]
    assert not missing, f"run `make translations-update` and translate (context domain): {missing}"
    wrong = [t for t in templates if _fields(t) != _fields(english[t])]
    assert not wrong, f"the English names other parameters than the Chinese: {wrong}"


def test_no_english_domain_message_keeps_chinese():
    cjk = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
    english = _english_domain()
    # Files people fill in take Chinese words (a calendar's 放假/上班, a ledger's 是/否, 男/女, a
    # header 姓名): an English hint quotes the words the file must contain, as data.
    quoted_input = {
        "类别请写：放假（法定节假日）、上班（调休上班）或停止办公",
        "例如：2027-01-01,放假,元旦",
        "请写“是”或“否”",
        "请填 民意代言、事务代办 或 诉求代理",
        "请写 非常满意、满意、基本满意、不满意 或 非常不满意",
        "请补上办结日期；还在办的，办理结果写“办理中”或留空",
        "请写成 表头=字段，例如 手机=phone",
        "请确认表头一行写着“姓名”等列名；列名不同的，可以在导入时指定对应关系",
        "少数民族姓名写成 阿依古丽·买买提 这样",
        "请写“男”或“女”",
    }
    chinese = [t for t in domain_messages.templates() if t not in quoted_input and cjk.search(english.get(t) or "")]
    assert not chinese, chinese


def test_the_collected_templates_are_the_ones_in_the_tree():
    generated = (ROOT / "ui" / "i18n_domain.py").read_text(encoding="utf-8")
    absent = [
        t for t in domain_messages.templates() if f'"domain", "{t}"' not in generated and "\\" not in t and '"' not in t
    ]
    assert not absent, f"run `make translations-update`: {absent[:5]}"


def test_an_error_keeps_its_chinese_and_its_key():
    error = SetupError("数据库版本（{before}）比本程序（{latest}）新", "请安装新版", params={"before": 9, "latest": 5})
    assert error.message == "数据库版本（9）比本程序（5）新"
    assert str(error) == "数据库版本（9）比本程序（5）新（请安装新版）"
    assert error.template == "数据库版本（{before}）比本程序（{latest}）新"
    plain = ValidationError("请选择服务类型{0}", field="kind")  # no params: braces are literal
    assert plain.message == "请选择服务类型{0}" and plain.field == "kind"


def test_the_cli_catalogue_translates_a_domain_error():
    error = HaianError(
        "{folder} 里还没有建站", "请先运行 haian-desk init 或在程序里完成首次设置", params={"folder": "D:\\站"}
    )
    line = messages.error_line(error, "en")
    assert line.startswith("Error: No station has been set up in D:\\站 yet (")
    assert messages.error_line(error, "zh_CN") == f"错误：{error}"


def test_an_unknown_message_or_a_misfit_translation_falls_back_to_chinese(monkeypatch):
    error = HaianError("从没见过的消息{x}", params={"x": 1})
    assert messages.error_parts(error, "en") == ("从没见过的消息1", "")
    monkeypatch.setitem(messages.catalogue("en"), ("domain", "从没见过的消息{x}"), "Never {y}")
    assert messages.error_parts(error, "en") == ("从没见过的消息1", "")


def test_vocabulary_parameters_are_translated_too():
    error = HaianError(
        "办件当前为“{label}”，不能“{verb}”", "{what_next}", params={"label": "已办结", "verb": "x", "what_next": ""}
    )
    assert "Completed" in messages.error_parts(error, "en")[0]


@pytest.mark.parametrize("how", [["--lang", "en"], []])
def test_the_command_line_speaks_english_when_asked(tmp_path, how):
    env = {
        **os.environ,
        "HAIAN_DESK_HOME": str(tmp_path / "nowhere"),
        "LANG": "en_US.UTF-8" if not how else "zh_CN.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
    }
    result = subprocess.run(
        [sys.executable, "-m", "haian_desk", "cases", *how], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 2
    assert result.stderr.startswith("Error: No station has been set up in ")
    assert not re.search(r"[\u4e00-\u9fff]", result.stderr.replace(str(tmp_path), ""))


def test_the_command_line_stays_chinese_by_default(tmp_path):
    env = {**os.environ, "HAIAN_DESK_HOME": str(tmp_path), "LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run(
        [sys.executable, "-m", "haian_desk", "cases"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.stderr.startswith("错误：")


def test_language_from_environment():
    assert messages.language_from_environment({"LANG": "en_GB.UTF-8"}) == "en"
    assert messages.language_from_environment({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US"}) == "zh_CN"
    assert messages.language_from_environment({}) == "zh_CN"


def test_the_codemod_converts_an_fstring_site_and_is_idempotent(tmp_path, monkeypatch):
    source = tmp_path / "demo.py"
    source.write_text(
        "def f(before, row, items):\n"
        '    raise SetupError(f"版本（{before}）比{row[\'name\']}新{{x}}", "可选：" + "、".join(items))\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(domain_messages, "ROOT", tmp_path)
    classes = {"SetupError": 0}
    assert domain_messages.convert_file(source, classes) == (1, [])
    text = source.read_text(encoding="utf-8")
    assert '"版本（{before}）比{name}新{{x}}"' in text
    assert '"可选：{items}"' in text
    assert 'params={"before": before, "name": row[\'name\'], "items": \'、\'.join(items)}' in text
    assert domain_messages.convert_file(source, classes) == (0, [])
    namespace: dict = {"SetupError": SetupError}
    exec(compile(text, "demo", "exec"), namespace)
    with pytest.raises(SetupError) as raised:
        namespace["f"](3, {"name": "新版"}, ["甲", "乙"])
    assert raised.value.message == "版本（3）比新版新{x}"
    assert raised.value.hint == "可选：甲、乙"


def _history(type_, payload, language):
    from haian_desk.cases import presentation
    from haian_desk.storage.eventlog import Event

    event = Event("e1", "case", "c1", type_, "h", "o", 1, "clerk", "2026-11-25T07:00:00Z", payload)
    parts = presentation.event_parts(event, {"k1": "仲维国"})
    separator = "；" if language == "zh_CN" else "; "
    return separator.join(messages.message_text(part, language) for part in parts)


@pytest.mark.parametrize(
    "type_, payload, chinese, english",
    [
        ("printed", {"doc": "receipt", "copy": 1}, "文书：受理回执；第1份", "Paper: Receipt; copy 1"),
        (
            "printed",
            {"doc": "authorisation", "copy": 2},
            "文书：授权委托书；第2份",
            "Paper: Authorisation form; copy 2",
        ),
        ("accepted", {}, "开始计时", "Clock started"),
        (
            "resubmitted",
            {"materials_received": ["户口簿", "身份证"]},
            "补交：户口簿、身份证",
            "Handed in: 户口簿, 身份证",
        ),
        (
            "transferred",
            {"to_level": "township", "to_unit": "曲塘镇代理中心", "reason": "需镇里审核"},
            "转至镇（街道）代理中心：曲塘镇代理中心；理由：需镇里审核",
            "To Township centre: 曲塘镇代理中心; Reason: 需镇里审核",
        ),
    ],
)
def test_the_history_has_no_raw_words_in_either_language(type_, payload, chinese, english):
    assert _history(type_, payload, "zh_CN") == chinese
    assert _history(type_, payload, "en") == english


def test_the_case_list_says_kinds_and_statuses_in_english(tmp_path):
    from haian_desk.cli.demo import make_demo

    make_demo(tmp_path / "demo", cases=5).close()
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    result = subprocess.run(
        [sys.executable, "-m", "haian_desk", "cases", "--data-dir", str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert any(word in result.stdout for word in ("Errand", "Opinion", "Claim"))
    refused = subprocess.run(
        [
            sys.executable,
            "-m",
            "haian_desk",
            "cases",
            "--status",
            "nope",
            "--lang",
            "en",
            "--data-dir",
            str(tmp_path / "demo"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert refused.stderr.startswith("Error: There is no status “nope” (Choices: ") and "registered, " in refused.stderr
