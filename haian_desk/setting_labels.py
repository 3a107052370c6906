"""The names of the station's settings, as the settings tab and the audit trail show them.

A module of its own because the audit trail (which ``people.users`` writes to)
names settings, while ``station_settings`` needs ``people.users`` to check who
may change them: both read the names from here.
"""

from __future__ import annotations

from haian_desk.core.errors import N_

LABELS = {
    "address": N_("本站地址"),
    "phone": N_("本站电话"),
    "office_hours": N_("办公时间"),
    "county_hotline": N_("市（县）监督投诉电话"),
    "township_hotline": N_("镇（街道）监督投诉电话"),
    "receipt_full_id": N_("群众本人的回执和委托书上显示完整身份证号"),
    "receipt_paper": N_("回执纸张"),
    "receipt_stub": N_("回执带存根"),
    "idle_lock_seconds": N_("无人操作多久后锁定"),
}
