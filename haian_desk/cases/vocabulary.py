"""The fixed words of the proxy workflow: stored codes and their Chinese labels.

Codes are stored and travel between installations; labels are for people.
"""

from __future__ import annotations

KINDS = {
    "opinion": "民意代言",
    "errand": "事务代办",
    "claim": "诉求代理",
}

STATUSES = {
    "awaiting_signature": "待签委托",
    "registered": "已登记",
    "materials_missing": "待补正",
    "in_progress": "办理中",
    "transferred": "已转办",
    "paused": "暂停计时",
    "completed": "已办结",
    "replied": "已回复",
    "rated": "已评价",
    "declined": "不予受理",
    "withdrawn": "已撤回",
    "voided": "已撤销导入",  # imported history withdrawn by undoing its import; counts nowhere
}
OPEN_STATUSES = ("awaiting_signature", "registered", "materials_missing", "in_progress", "transferred", "paused")
TIMED_STATUSES = ("in_progress", "transferred")  # the clock runs only in these
DONE_STATUSES = ("completed", "replied", "rated")
CLOSED_STATUSES = ("declined", "withdrawn", "voided")

CHANNELS = {
    "walk_in": "来访",
    "phone": "来电",
    "home_visit": "走访",
    "meeting": "座谈会",
}

URGENCIES = {"normal": "一般", "urgent": "紧急"}

TIMINGS = {"即办": "即办件", "承诺": "承诺件"}

TRANSFER_LEVELS = {
    "township": "镇（街道）代理中心",
    "county": "县级",
    "department": "职能部门",
}

RESULTS = {
    "granted": "已办成",
    "refused": "未获批准（已说明理由）",
    "passed_on": "已转有关部门",
}

REPLY_METHODS = {
    "in_person": "当面告知",
    "phone": "电话告知",
    "sms": "短信告知",
    "visit": "上门告知",
    "letter": "书面告知",
}

RATINGS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
BAD_RATINGS = (1, 2)

EVENT_TYPES = {
    "registered": "登记",
    "accepted": "受理",
    "declined": "不予受理",
    "materials_missing": "一次性告知补正",
    "resubmitted": "补正材料已交",
    "authorised": "授权委托",
    "signed": "委托书已签",
    "assigned": "指定经办人",
    "note": "备注",
    "printed": "打印",
    "revealed": "显示完整号码",
    "transferred": "转办",
    "returned": "转办回复",
    "joint_handling": "联动会办",
    "paused": "暂停计时",
    "resumed": "恢复计时",
    "completed": "办结",
    "replied": "回复群众",
    "rated": "评价",
    "return_visit": "回访",
    "rectified": "整改",
    "withdrawn": "撤回",
    "reopened": "重新办理",
    "taken_up": "上级接收",
    "forwarded": "转送",
    "conflict_resolved": "冲突裁定",
    "import_undone": "撤销导入",
    "deadline_recomputed": "按工作日历重算时限",
}


def label(table: dict, code) -> str:
    return table.get(code, str(code) if code is not None else "")
