"""快捷键卡: the counter path's keys on one A4 sheet, to pin beside the screen.

Built from the same constants the screens use (the screens' F keys, Alt+1/2/3,
each case action's Alt key, the print keys), so the card cannot drift from the
program. From the help menu (preview, then print) and ``haian-desk print-card``.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from haian_desk.documents.model import Document, Section, Table
from ui.i18n import QT_TRANSLATE_NOOP
from ui.printing.papers import PAPERS

# A4, in a slightly smaller hand than a receipt's, so the whole card is one sheet.
CARD_PAPER = dataclasses.replace(PAPERS["a4"], base_pt=8.5)

CONTEXT = "KeyboardCard"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def build(issuer: str = "") -> Document:
    from ui.cases.actions import ACTION_KEYS, FORMS, action_title
    from ui.intake.kind_choice import SHORTCUTS
    from ui.main_window import SCREENS
    from ui.printing.buttons import PREVIEW_KEYS, PRINT_KEYS

    def table(rows) -> Table:
        return Table(
            (KEYS, _tr(QT_TRANSLATE_NOOP("KeyboardCard", "做什么"))), tuple((keys, _tr(what)) for keys, what in rows)
        )

    KEYS = _tr(QT_TRANSLATE_NOOP("KeyboardCard", "按键"))
    DOES = _tr(QT_TRANSLATE_NOOP("KeyboardCard", "办理"))
    screens = "　".join(f"{s.shortcut} {s.label()}" for s in SCREENS)
    kinds = " / ".join(SHORTCUTS.values())
    intake = [
        ("F2", QT_TRANSLATE_NOOP("KeyboardCard", "受理登记；光标在“群众”一栏")),
        ("zs / 1234", QT_TRANSLATE_NOOP("KeyboardCard", "按拼音首字母、姓名、身份证号或电话后几位查找群众")),
        ("Enter", QT_TRANSLATE_NOOP("KeyboardCard", "选中查到的第一位；↓ 在结果里挑")),
        (
            "Alt+N",
            QT_TRANSLATE_NOOP(
                "KeyboardCard",
                "名册里没有：新建群众（身份证号填完自动跳到电话；Enter 登记此人，或直接 Ctrl+S 连同事项一起登记）",
            ),
        ),
        (kinds, QT_TRANSLATE_NOOP("KeyboardCard", "民意代言 / 事务代办 / 诉求代理")),
        ("dibao + Enter", QT_TRANSLATE_NOOP("KeyboardCard", "事务代办：按名称或拼音查事项并选中")),
        ("Space / ↓", QT_TRANSLATE_NOOP("KeyboardCard", "勾选已收的材料")),
        ("Tab", QT_TRANSLATE_NOOP("KeyboardCard", "到下一栏（诉求内容、受理渠道……）")),
        ("Alt+U", QT_TRANSLATE_NOOP("KeyboardCard", "紧急事项（登记时约定办结时限）")),
        ("Ctrl+S", QT_TRANSLATE_NOOP("KeyboardCard", "登记；缺的栏目一次全部标红，光标停在第一处")),
        (
            "Enter",
            QT_TRANSLATE_NOOP("KeyboardCard", "可能重复登记：打开已有办件 ／ 材料不齐：待补正并立即打印补正材料告知单"),
        ),
        ("Alt+G", QT_TRANSLATE_NOOP("KeyboardCard", "可能重复登记：仍然登记新的 ／ 材料不齐：照常受理")),
        (
            f"{PRINT_KEYS} / {PREVIEW_KEYS}",
            QT_TRANSLATE_NOOP("KeyboardCard", "打印回执（诉求代理连同授权委托书，请群众当场签字） ／ 先预览"),
        ),
    ]
    queue = [
        ("F3", QT_TRANSLATE_NOOP("KeyboardCard", "办件列表；光标在搜索框")),
        ("↓ / Enter", QT_TRANSLATE_NOOP("KeyboardCard", "从搜索框进入列表（Enter 先搜索）")),
        ("Enter", QT_TRANSLATE_NOOP("KeyboardCard", "打开选中的办件")),
        ("Alt+M / Alt+D / Alt+O", QT_TRANSLATE_NOOP("KeyboardCard", "我的 / 即将到期 / 已超期")),
        ("Enter", QT_TRANSLATE_NOOP("KeyboardCard", "办件详情里：办理光标所在的按钮（打开时光标在下一步上）")),
        ("Tab", QT_TRANSLATE_NOOP("KeyboardCard", "办件详情里：办理按钮 → 打印 → 显示完整号码 → 办理经过，循环")),
        (
            PRINT_KEYS + " / Alt+V",
            QT_TRANSLATE_NOOP("KeyboardCard", "办件详情里：打印菜单 ／ 显示或遮挡完整的身份证号和电话"),
        ),
        ("Ctrl+Enter / Esc", QT_TRANSLATE_NOOP("KeyboardCard", "办理窗口里：确定 ／ 取消（已填的内容保留）")),
    ]
    actions = [(ACTION_KEYS[t], action_title(t)) for t in FORMS if t in ACTION_KEYS]
    half = (len(actions) + 1) // 2  # two pairs a row: the card stays on one sheet
    paired = tuple(
        (*left, *right)
        for left, right in zip(actions[:half], actions[half:] + [("", "")] * (2 * half - len(actions)), strict=False)
    )
    return Document(
        doc="keyboard_card",
        title=_tr(QT_TRANSLATE_NOOP("KeyboardCard", "快捷键卡 — 受理和办件")),
        issuer=issuer,
        sections=(
            Section(_tr(QT_TRANSLATE_NOOP("KeyboardCard", "各个页面")), paragraphs=(screens,)),
            Section(_tr(QT_TRANSLATE_NOOP("KeyboardCard", "受理登记")), table=table(intake)),
            Section(_tr(QT_TRANSLATE_NOOP("KeyboardCard", "办件列表和办件详情")), table=table(queue)),
            Section(
                _tr(QT_TRANSLATE_NOOP("KeyboardCard", "办件详情：每个办理动作的按键（按钮上也写着）")),
                table=Table((KEYS, DOES, KEYS, DOES), paired),
            ),
        ),
        footer=(_tr(QT_TRANSLATE_NOOP("KeyboardCard", "中文用输入法照常输入；全角数字也能认。")),),
    )
